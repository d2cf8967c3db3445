// Readable names for cell paths (see place_label.h).
#include "core/place_label.h"

#include "core/filing_cells.h"

#include <vector>

namespace formwork {

namespace {

const FieldSpec* find_in(const std::vector<FieldSpec>& list, const std::string& id) {
    for (const auto& f : list)
        if (f.id == id) return &f;
    return nullptr;
}

const char* word(Lang lang, const char* zh, const char* en) { return lang == Lang::En ? en : zh; }

// "第3行" / "row 3" for index "2" (paths count from 0, people from 1).
std::string nth(Lang lang, const std::string& index, const char* zh_before, const char* zh_after, const char* en) {
    size_t n = 0;
    try {
        n = std::stoul(index) + 1;
    } catch (const std::exception&) {
        return index;
    }
    return lang == Lang::En ? en + std::to_string(n) : zh_before + std::to_string(n) + zh_after;
}

}  // namespace

std::string path_label(const std::string& path, const FormSpec* spec, const Filing& filing, Lang lang) {
    const std::string sep = " › ";
    if (path.empty()) return word(lang, "整份填报", "whole filing");
    if (!spec) return path;
    const auto p = split_cell_path(path);
    if (p[0] == "f" && p.size() == 2) {
        const FieldSpec* f = spec->find_field(p[1]);
        return f ? f->label : path;
    }
    if (p[0] == "t" && p.size() >= 2) {
        const BlockSpec* b = spec->find_block(p[1]);
        if (!b) return path;
        std::string out = b->label;
        if (p.size() >= 3) {
            size_t row = 0;
            try {
                row = std::stoul(p[2]);
            } catch (const std::exception&) {
                return out;
            }
            if (b->fixed_rows() && row < b->rows.size()) out += sep + b->rows[row].label;
            else if (b->kind == BlockKind::Table) out += sep + nth(lang, p[2], "第", "行", "row ");
        }
        if (p.size() >= 4)
            if (const FieldSpec* c = find_in(b->columns, p[3])) out += sep + c->label;
        return out;
    }
    if (p[0] == "i") {
        const BlockSpec* ind = nullptr;
        for (const auto& b : spec->blocks)
            if (b.kind == BlockKind::Indicators) ind = &b;
        std::string out = ind && !ind->label.empty() ? ind->label : word(lang, "绩效指标", "indicators");
        if (p.size() < 2) return out;
        size_t n = 0;
        try {
            n = std::stoul(p[1]);
        } catch (const std::exception&) {
            return out;
        }
        const std::string name = n < filing.indicators.size() ? filing.indicators[n].name : std::string();
        out += sep + (name.empty() ? nth(lang, p[1], "第", "条", "indicator ") : name);
        if (p.size() == 3) {
            if (p[2] == "l1") out += sep + word(lang, "一级指标", "Level 1");
            else if (p[2] == "l2") out += sep + word(lang, "二级指标", "Level 2");
            else if (p[2] == "name") out += sep + word(lang, "三级指标", "Indicator");
        } else if (p.size() == 4 && ind) {
            const FieldSpec* c = find_in(p[2] == "t" ? ind->indicators.periods : ind->indicators.extra, p[3]);
            if (c) out += sep + c->label;
        }
        return out;
    }
    return path;
}

}  // namespace formwork
