// A filing's values by place in its template (see filing_places.h).
#include "core/filing_places.h"

#include <algorithm>
#include <cstdlib>

#include "core/filing_cells.h"

namespace formwork {

namespace {

const char* tr(Lang lang, const char* zh, const char* en) { return lang == Lang::Zh ? zh : en; }

std::string row_number(Lang lang, std::size_t row) {
    return lang == Lang::Zh ? "第 " + std::to_string(row + 1) + " 行" : "row " + std::to_string(row + 1);
}

std::string join(std::initializer_list<std::string> parts) {
    std::string out;
    for (const auto& p : parts)
        if (!p.empty()) out += (out.empty() ? "" : " · ") + p;
    return out;
}

template <class T>
int index_of(const std::vector<T>& list, const std::string& id) {
    auto it = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.id == id; });
    return it == list.end() ? -1 : static_cast<int>(it - list.begin());
}

int block_index(const FormSpec* spec, const std::string& id) {
    if (!spec) return -1;
    return index_of(spec->blocks, id);
}

const std::string& label_or(const std::string& label, const std::string& id) { return label.empty() ? id : label; }

const BlockSpec* indicators_block(const FormSpec* spec) {
    if (!spec) return nullptr;
    for (const auto& b : spec->blocks)
        if (b.kind == BlockKind::Indicators) return &b;
    return nullptr;
}

std::string level_head(const FormSpec* spec, Lang lang, std::size_t level) {
    if (spec && level < spec->import_spec.level_heads.size() && lang == Lang::Zh) return spec->import_spec.level_heads[level];
    static const char* zh[] = {"一级指标", "二级指标", "三级指标"};
    static const char* en[] = {"level 1", "level 2", "indicator"};
    return lang == Lang::Zh ? zh[level] : en[level];
}

class Collector {
public:
    Collector(const FormSpec* spec, Lang lang, std::vector<PlacedValue>& out) : spec_(spec), lang_(lang), out_(out) {}

    void fields(const Filing& f) {
        // Form order first (the template's blocks), then what the template does not know.
        std::vector<const std::string*> done;
        if (spec_)
            for (std::size_t b = 0; b < spec_->blocks.size(); ++b)
                for (std::size_t i = 0; i < spec_->blocks[b].fields.size(); ++i) {
                    const FieldSpec& field = spec_->blocks[b].fields[i];
                    auto it = f.fields.find(field.id);
                    if (it == f.fields.end()) continue;
                    done.push_back(&it->first);
                    add("f/" + escape_cell_id(field.id), "f/" + escape_cell_id(field.id), field.label,
                        "f:" + std::to_string(b) + ":" + std::to_string(i), it->second, true);
                }
        for (const auto& [id, text] : f.fields)
            if (std::find(done.begin(), done.end(), &id) == done.end())
                add("f/" + escape_cell_id(id), "f/" + escape_cell_id(id), id, "f/" + id, text, false);
    }

    void tables(const Filing& f) {
        for (const auto& [id, table] : f.tables) {
            const int b = block_index(spec_, id);
            const BlockSpec* block = b >= 0 ? &spec_->blocks[static_cast<std::size_t>(b)] : nullptr;
            if (block && block->kind != BlockKind::Table && block->kind != BlockKind::SpendingPlan) block = nullptr;
            const std::string base = "t/" + escape_cell_id(id) + "/";
            for (std::size_t r = 0; r < table.rows.size(); ++r) {
                std::string row_key, row_label;
                bool row_known = block != nullptr;
                if (block && block->fixed_rows() && r < block->rows.size()) {
                    row_key = escape_cell_id(block->rows[r].id);
                    row_label = block->rows[r].label;
                } else {
                    row_key = "#" + std::to_string(r);
                    if (block && block->kind == BlockKind::SpendingPlan) row_known = r == 0;
                    else if (block && block->fixed_rows()) row_known = false;
                    if (!(block && block->kind == BlockKind::SpendingPlan && r == 0)) row_label = row_number(lang_, r);
                }
                for (const auto& [column, text] : table.rows[r].cells) {
                    const int c = block ? index_of(block->columns, column) : -1;
                    const bool known = row_known && c >= 0;
                    const std::string table_label = block ? label_or(block->label, id) : id;
                    const std::string column_label = c >= 0 ? block->columns[static_cast<std::size_t>(c)].label : column;
                    const std::string slot = known ? "t:" + std::to_string(b) + ":" + std::to_string(r) + ":" + std::to_string(c)
                                                   : base + row_key + "/" + column;
                    add(base + row_key + "/" + escape_cell_id(column), base + std::to_string(r) + "/" + escape_cell_id(column),
                        join({table_label, row_label, column_label}), slot, text, known);
                }
            }
        }
    }

    void indicators(const Filing& f) {
        const BlockSpec* block = indicators_block(spec_);
        for (std::size_t n = 0; n < f.indicators.size(); ++n) {
            const Indicator& ind = f.indicators[n];
            const std::string base = "i/" + std::to_string(n) + "/";
            const std::string who = (lang_ == Lang::Zh ? "指标 " : "indicator ") + std::to_string(n + 1) +
                                    (ind.name.empty() ? "" : (lang_ == Lang::Zh ? "「" + ind.name + "」" : " \"" + ind.name + "\""));
            const bool known = block != nullptr;
            add(base + "l1", base + "l1", join({who, level_head(spec_, lang_, 0)}), "i:" + std::to_string(n) + ":l1", ind.level1, known);
            add(base + "l2", base + "l2", join({who, level_head(spec_, lang_, 1)}), "i:" + std::to_string(n) + ":l2", ind.level2, known);
            add(base + "name", base + "name", join({who, level_head(spec_, lang_, 2)}), "i:" + std::to_string(n) + ":name", ind.name, known);
            for (const auto& [period, text] : ind.targets) {
                const int p = block ? index_of(block->indicators.periods, period) : -1;
                const std::string label = p >= 0 ? block->indicators.periods[static_cast<std::size_t>(p)].label : period;
                add(base + "t/" + escape_cell_id(period), base + "t/" + escape_cell_id(period), join({who, label}),
                    p >= 0 ? "i:" + std::to_string(n) + ":t" + std::to_string(p) : base + "t/" + period, text, p >= 0);
            }
            for (const auto& [column, text] : ind.extra) {
                const int x = block ? index_of(block->indicators.extra, column) : -1;
                const std::string label = x >= 0 ? block->indicators.extra[static_cast<std::size_t>(x)].label : column;
                add(base + "x/" + escape_cell_id(column), base + "x/" + escape_cell_id(column), join({who, label}),
                    x >= 0 ? "i:" + std::to_string(n) + ":x" + std::to_string(x) : base + "x/" + column, text, x >= 0);
            }
        }
    }

private:
    const FormSpec* spec_;
    Lang lang_;
    std::vector<PlacedValue>& out_;

    void add(std::string key, std::string path, std::string label, std::string slot, const std::string& text, bool known) {
        if (text.empty()) return;
        out_.push_back({std::move(key), std::move(path), std::move(label), std::move(slot), text, known && spec_ != nullptr});
    }
};

std::vector<std::string> split_key(const std::string& key) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t slash = key.find('/', start);
        parts.push_back(key.substr(start, slash - start));
        if (slash == std::string::npos) return parts;
        start = slash + 1;
    }
}

}  // namespace

std::vector<PlacedValue> placed_values(const Filing& filing, const FormSpec* spec, Lang lang) {
    std::vector<PlacedValue> out;
    Collector c(spec, lang, out);
    c.fields(filing);
    c.tables(filing);
    c.indicators(filing);
    return out;
}

std::string place_label(const std::string& key, const FormSpec* spec, Lang lang) {
    // Keys are built from template ids, which never hold '/' (escaped ones are shown as is).
    const auto parts = split_key(key);
    if (parts.size() == 2 && parts[0] == "f") {
        const FieldSpec* f = spec ? spec->find_field(parts[1]) : nullptr;
        return f ? f->label : parts[1];
    }
    if (parts.size() == 4 && parts[0] == "t") {
        const BlockSpec* b = spec ? spec->find_block(parts[1]) : nullptr;
        std::string row = parts[2];
        if (!row.empty() && row[0] == '#') {
            const std::size_t n = static_cast<std::size_t>(std::atol(row.c_str() + 1));
            row = b && b->kind == BlockKind::SpendingPlan && n == 0 ? std::string() : row_number(lang, n);
        } else if (b) {
            const int r = index_of(b->rows, row);
            if (r >= 0) row = b->rows[static_cast<std::size_t>(r)].label;
        }
        std::string column = parts[3];
        if (b)
            if (const int c = index_of(b->columns, column); c >= 0) column = b->columns[static_cast<std::size_t>(c)].label;
        return join({b ? label_or(b->label, parts[1]) : parts[1], row, column});
    }
    if (parts.size() >= 3 && parts[0] == "i") {
        const std::string who = tr(lang, "指标 ", "indicator ") + std::to_string(std::atol(parts[1].c_str()) + 1);
        const BlockSpec* block = indicators_block(spec);
        if (parts[2] == "l1") return join({who, level_head(spec, lang, 0)});
        if (parts[2] == "l2") return join({who, level_head(spec, lang, 1)});
        if (parts[2] == "name") return join({who, level_head(spec, lang, 2)});
        if (parts.size() == 4 && block) {
            const auto& list = parts[2] == "t" ? block->indicators.periods : block->indicators.extra;
            if (const int i = index_of(list, parts[3]); i >= 0) return join({who, list[static_cast<std::size_t>(i)].label});
        }
        return join({who, parts.back()});
    }
    return key;
}

}  // namespace formwork
