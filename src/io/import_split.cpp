// Documents of a file and their templates (see import_split.h).
#include "io/import_split.h"

#include <algorithm>
#include <set>
#include <string>

#include "io/cell_items.h"
#include "io/label_index.h"
#include "io/label_text.h"
#include "io/text_pattern.h"

namespace formwork::io {

namespace {

// A title is a line of its own: a text line, or a row with a single non-blank cell.
bool title_text(const GridRow& row, std::string& text) {
    int filled = 0;
    for (const auto& c : row.cells)
        if (!c.text.empty()) ++filled, text = c.text;
    if (filled != 1) return false;
    text = strip_bookmarks(text);
    return !text.empty();
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return !suffix.empty() && s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A document must print at least this many of its template's labels to be read as that form.
constexpr std::size_t kMinLabels = 2;
// What a title naming the template is worth, in labels.
constexpr std::size_t kTitleBonus = 3;

}  // namespace

namespace {

// One line as a title candidate: its text and label key, worked out once for all templates.
bool is_title_text(const ImportTemplate& t, const std::string& text, const std::string& key) {
    const auto& titles = t.spec->import_spec.titles;
    if (titles.empty()) return ends_with(key, normalize_label(t.spec->title));
    for (const auto& p : titles)
        if (match_pattern(text, p, &t.budget)) return true;
    return false;
}

}  // namespace

bool is_title_of(const ImportTemplate& t, const GridRow& row) {
    std::string text;
    if (!title_text(row, text)) return false;
    return is_title_text(t, text, normalize_label(text));
}

std::vector<Document> split_documents(const TextGrid& grid, const std::vector<const ImportTemplate*>& templates) {
    std::vector<Document> docs;
    Document current;
    for (std::size_t i = 0; i < grid.rows.size(); ++i) {
        std::string text;
        if (!title_text(grid.rows[i], text)) continue;
        const std::string key = normalize_label(text);
        std::vector<const ImportTemplate*> matched;
        for (const auto* t : templates)
            if (is_title_text(*t, text, key)) matched.push_back(t);
        if (matched.empty()) continue;
        if (current.title >= 0) {  // rows before the first title stay with the first document
            current.end = i;
            docs.push_back(current);
            current = Document{};
            current.begin = i;
        }
        current.title = static_cast<long>(i);
        current.candidates = std::move(matched);
    }
    current.end = grid.rows.size();
    docs.push_back(current);
    // A title with no labels after it before the next title: a page header, part of the next.
    for (std::size_t i = 0; i + 1 < docs.size();) {
        auto keys = document_keys(grid, docs[i].begin, docs[i].end, docs[i].title);
        std::size_t best = 0;
        for (const auto* t : templates) {
            best = std::max(best, labels_found(keys, *t));
            if (best >= kMinLabels) break;
        }
        if (best >= kMinLabels) {
            docs[i].keys = std::move(keys);
            ++i;
            continue;
        }
        docs[i + 1].begin = docs[i].begin;
        docs.erase(docs.begin() + static_cast<long>(i));
    }
    return docs;
}

namespace {


void add_cell_keys(std::string_view text, bool words, std::unordered_set<std::string>& keys) {
    keys.insert(normalize_label(text));
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // words
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t w = space_at(text, i)) {
            i += w;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && !space_at(text, j)) ++j;
        spans.emplace_back(i, j);
        i = j;
    }
    if (spans.size() > 1) keys.insert(normalize_label(text.substr(spans[0].first, spans[0].second - spans[0].first)));
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ':') keys.insert(normalize_label(text.substr(0, i)));
        else if (colon_at(text, i) == 3) keys.insert(normalize_label(text.substr(0, i)));  // ：
    }
    if (!words) return;
    for (std::size_t a = 0; a < spans.size(); ++a)
        for (std::size_t n = 1; n <= 4 && a + n <= spans.size(); ++n) {
            const std::string_view run = text.substr(spans[a].first, spans[a + n - 1].second - spans[a].first);
            keys.insert(normalize_label(run));
            // A label and its value in one word: "单位信息:324001…", "资金总额：109.04".
            for (std::size_t i = 0; n == 1 && i < run.size(); ++i)
                if (colon_at(run, i)) {
                    keys.insert(normalize_label(run.substr(0, i)));
                    break;
                }
        }
}

}  // namespace

std::unordered_set<std::string> document_keys(const TextGrid& grid, std::size_t begin, std::size_t end, long title) {
    std::unordered_set<std::string> keys;
    const bool words = grid.layout == GridLayout::SpaceRows;
    for (std::size_t r = begin; r < end; ++r) {
        if (static_cast<long>(r) == title) continue;
        for (const auto& cell : grid.rows[r].cells)
            if (!cell.text.empty()) add_cell_keys(cell.text, words, keys);
    }
    keys.erase(std::string());
    return keys;
}

std::size_t labels_found(const std::unordered_set<std::string>& keys, const ImportTemplate& t) {
    std::size_t found = 0;
    for (const auto& key : keys) {
        const auto* targets = t.index.find(key);
        if (targets && std::any_of(targets->begin(), targets->end(), [](const LabelTarget& x) { return x.kind != LabelKind::Ignore; }))
            ++found;
    }
    return found;
}

TemplateChoice choose_template(const TextGrid& grid, const Document& doc, const std::vector<const ImportTemplate*>& templates) {
    TemplateChoice best;
    std::size_t best_score = 0;
    bool best_titled = false;
    std::optional<std::unordered_set<std::string>> made;
    if (!doc.keys) made = document_keys(grid, doc.begin, doc.end, doc.title);
    const std::unordered_set<std::string>& keys = doc.keys ? *doc.keys : *made;
    for (const auto* t : templates) {
        if (t->budget.spent()) continue;
        const std::size_t found = labels_found(keys, *t);
        if (found < kMinLabels) continue;
        const bool titled = std::find(doc.candidates.begin(), doc.candidates.end(), t) != doc.candidates.end();
        const std::size_t score = found + (titled ? kTitleBonus : 0);
        // Ties: the template whose title started the form, then the first.
        if (score > best_score || (score == best_score && titled && !best_titled)) {
            best = {t, found};
            best_score = score;
            best_titled = titled;
        }
    }
    return best;
}

}  // namespace formwork::io
