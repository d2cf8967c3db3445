// Splitting a row's cells into labels and values (see cell_items.h).
#include "io/cell_items.h"

#include <algorithm>

#include "core/text.h"
#include "io/label_text.h"

namespace formwork::io {

bool Item::has(LabelKind kind) const {
    return targets && std::any_of(targets->begin(), targets->end(), [&](const LabelTarget& t) { return t.kind == kind; });
}

namespace {

class Splitter {
public:
    Splitter(const LabelIndex& index, int pos, int line, std::vector<Item>& out)
        : index_(index), pos_(pos), line_(line), out_(out) {}

    // A whole line of a space-separated layout (Split::Words / Tokens).
    void words(std::string_view text, bool separate_values) {
        struct Word {
            std::size_t begin, end;
        };
        std::vector<Word> tokens;
        for (std::size_t i = 0; i < text.size();) {
            if (const std::size_t sp = space_at(text, i)) {
                i += sp;
                continue;
            }
            std::size_t j = i;
            while (j < text.size() && !space_at(text, j)) ++j;
            tokens.push_back({i, j});
            i = j;
        }
        constexpr std::size_t kMaxLabelWords = 4;
        std::size_t value_begin = 0, value_end = 0, value_first = 0;
        bool in_value = false;
        int order = 0;
        auto flush = [&] {
            if (!in_value) return;
            out_.push_back({order++, line_, value_begin, value_end, nullptr,
                            std::string(text.substr(value_begin, value_end - value_begin)), {}});
            (void)value_first;
            in_value = false;
        };
        auto add_value = [&](std::size_t b, std::size_t e) {
            if (in_value && !separate_values) {
                value_end = e;
                return;
            }
            flush();
            in_value = true;
            value_begin = b;
            value_end = e;
        };
        for (std::size_t i = 0; i < tokens.size();) {
            std::size_t taken = 0;
            for (std::size_t n = std::min(kMaxLabelWords, tokens.size() - i); n > 0 && !taken; --n) {
                const std::string_view span = text.substr(tokens[i].begin, tokens[i + n - 1].end - tokens[i].begin);
                std::string key = normalize_label(span);
                if (const auto* targets = index_.find(key)) {
                    flush();
                    out_.push_back({order++, line_, tokens[i].begin, tokens[i + n - 1].end, targets, text::trim_utf8(span), std::move(key)});
                    taken = n;
                }
            }
            if (taken) {
                i += taken;
                continue;
            }
            // "资金总额：109.04", "单位信息:": a label and its value in one word.
            const std::string_view word = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
            bool paired = false;
            for (std::size_t k = 0; k < word.size() && !paired; ++k) {
                const std::size_t len = colon_at(word, k);
                if (!len) continue;
                std::string key = normalize_label(word.substr(0, k));
                const auto* targets = index_.find(key);
                if (!targets || std::none_of(targets->begin(), targets->end(), [](const LabelTarget& t) { return is_place_label(t.kind); }))
                    break;
                flush();
                out_.push_back({order++, line_, tokens[i].begin, tokens[i].begin + k, targets, text::trim_utf8(word.substr(0, k)), std::move(key)});
                if (k + len < word.size()) add_value(tokens[i].begin + k + len, tokens[i].end);
                paired = true;
            }
            if (!paired) add_value(tokens[i].begin, tokens[i].end);
            ++i;
        }
        flush();
    }

    void cell(std::string_view raw) {
        const std::string text = text::trim_utf8(raw);
        if (text.empty()) return;
        std::string key = normalize_label(text);
        if (const auto* targets = index_.find(key)) {
            out_.push_back({pos_, line_, 0, 0, targets, text, std::move(key)});
            return;
        }
        // "填报单位：（盖章）      单位：万元": a whole label, then more after a space.
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (!space_at(text, i)) continue;
            std::string head = normalize_label(std::string_view(text).substr(0, i));
            if (const auto* targets = index_.find(head)) {
                out_.push_back({pos_, line_, 0, 0, targets, text::trim_utf8(std::string_view(text).substr(0, i)), std::move(head)});
                cell(std::string_view(text).substr(i));
                return;
            }
            break;
        }
        for (std::size_t i = 0; i < text.size(); ++i) {
            const std::size_t len = colon_at(text, i);
            if (!len) continue;
            if (label(std::string_view(text).substr(0, i))) {
                rest(std::string_view(text).substr(i + len));
                return;
            }
        }
        value(text);
    }

private:
    const LabelIndex& index_;
    int pos_, line_;
    std::vector<Item>& out_;

    // Adds `text` as a label item when it names a block, field, row or column.
    bool label(std::string_view text) {
        std::string key = normalize_label(text);
        const auto* targets = index_.find(key);
        if (!targets || std::none_of(targets->begin(), targets->end(), [](const LabelTarget& t) { return is_place_label(t.kind); }))
            return false;
        out_.push_back({pos_, line_, 0, 0, targets, text::trim_utf8(text), std::move(key)});
        return true;
    }

    void value(std::string_view text) {
        std::string v = text::trim_utf8(text);
        if (!v.empty()) out_.push_back({pos_, line_, 0, 0, nullptr, std::move(v), {}});
    }

    // What follows "label：": the value, up to a later "label：" that starts after a space.
    void rest(std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            const std::size_t sp = space_at(s, i);
            if (!sp) {
                ++i;
                continue;
            }
            std::size_t start = i + sp;
            while (start < s.size() && space_at(s, start)) start += space_at(s, start);
            if (starts_with_pair(s.substr(start))) {
                value(s.substr(0, i));
                cell(s.substr(start));
                return;
            }
            i = start;
        }
        value(s);
    }

    // True when `s` begins with "label：" (the label before the first space).
    bool starts_with_pair(std::string_view s) const {
        for (std::size_t i = 0; i < s.size() && !space_at(s, i); ++i) {
            if (const std::size_t len = colon_at(s, i)) {
                (void)len;
                const auto* targets = index_.find(normalize_label(s.substr(0, i)));
                return targets && std::any_of(targets->begin(), targets->end(), [](const LabelTarget& t) { return is_place_label(t.kind); });
            }
        }
        return false;
    }
};

}  // namespace

std::vector<Item> cell_items(const GridRow& row, const LabelIndex& index, Split split) {
    std::vector<Item> out;
    for (int pos = 0; pos < static_cast<int>(row.cells.size()); ++pos) {
        const GridCell& cell = row.cells[pos];
        if (cell.text.empty()) continue;
        switch (split) {
            case Split::Pairs: Splitter(index, pos, cell.line, out).cell(cell.text); break;
            case Split::Words:
            case Split::Tokens: Splitter(index, pos, cell.line, out).words(cell.text, split == Split::Tokens); break;
            case Split::Cells: {
                std::string key = normalize_label(cell.text);
                out.push_back({pos, cell.line, 0, cell.text.size(), index.find(key), cell.text, std::move(key)});
                break;
            }
        }
    }
    return out;
}

}  // namespace formwork::io
