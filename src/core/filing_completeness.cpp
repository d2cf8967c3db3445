// Required and filled values of a filing (see filing_completeness.h).
#include "core/filing_completeness.h"

#include <algorithm>

#include "core/filing_facts.h"
#include "core/text.h"

namespace formwork {

namespace {

bool blank(const std::string& s) { return text::trim_utf8(s).empty(); }

// The comparison form of a category name: spaces dropped, full-width forms folded.
std::string category_key(const std::string& s) {
    std::u32string key;
    for (char32_t c : text::decode_utf8(s)) {
        c = text::fold_width(c);
        if (!text::is_space(c)) key += c;
    }
    return text::encode_utf8(key);
}

// What the form calls its total: the fixed row's label ("资金总额"), or the field's.
std::string total_label(const FormSpec& spec) {
    const std::string& ref = spec.total_ref;
    const auto dot = ref.find('.');
    const std::string head = ref.substr(0, dot);
    if (head == "fields")
        if (const FieldSpec* f = spec.find_field(ref.substr(dot + 1))) return f->label;
    if (const BlockSpec* b = spec.find_block(head)) {
        const std::string rest = ref.substr(dot + 1);
        const std::string row = rest.substr(0, rest.find('.'));
        for (const RowSpec& r : b->rows)
            if (r.id == row) return b->label + " " + r.label;
    }
    return ref;
}

}  // namespace

std::vector<RequiredValue> required_values(const Filing& filing, const FormSpec& spec) {
    std::vector<RequiredValue> out;
    auto add_field = [&](const FieldSpec& f) {
        if (std::any_of(out.begin(), out.end(), [&](const RequiredValue& r) { return r.label == f.label; })) return;
        out.push_back({f.label, !blank(filing.field(f.id))});
    };
    for (const BlockSpec& b : spec.blocks) {
        if (b.kind == BlockKind::Fields)
            for (const FieldSpec& f : b.fields)
                if (f.required || f.id == spec.title_field) add_field(f);
        if (b.kind == BlockKind::SpendingPlan) {
            const Table* t = filing.find_table(b.id);
            for (const FieldSpec& c : b.columns)
                if (c.required) out.push_back({b.label + " " + c.label, t && !t->rows.empty() && !blank(t->rows[0].cell(c.id))});
        }
        if (b.kind == BlockKind::Indicators) {
            for (const Level1Spec& l1 : b.indicators.tree) {
                if (!l1.required) continue;
                std::vector<std::string> names{category_key(l1.name)};
                for (const auto& a : l1.aliases) names.push_back(category_key(a));
                const bool present = std::any_of(filing.indicators.begin(), filing.indicators.end(), [&](const Indicator& i) {
                    return std::find(names.begin(), names.end(), category_key(i.level1)) != names.end();
                });
                out.push_back({b.label + " " + l1.name, present});
            }
        }
    }
    if (!spec.total_ref.empty()) {
        const std::string* total = referenced_text(filing, spec, spec.total_ref);
        out.push_back({total_label(spec), total && !blank(*total)});
    }
    return out;
}

std::size_t filled_values(const Filing& filing) {
    std::size_t n = 0;
    for (const auto& [id, v] : filing.fields) n += !blank(v);
    for (const auto& [id, t] : filing.tables)
        for (const auto& row : t.rows)
            for (const auto& [c, v] : row.cells) n += !blank(v);
    for (const Indicator& i : filing.indicators) {
        n += !blank(i.level1) + !blank(i.level2) + !blank(i.name);
        for (const auto& [p, v] : i.targets) n += !blank(v);
        for (const auto& [x, v] : i.extra) n += !blank(v);
    }
    return n;
}

}  // namespace formwork
