// Names and look-ups of the FormSpec model (see form_spec.h).
#include "core/form_spec.h"

namespace formwork {

const std::vector<std::string>& value_kind_names() {
    static const std::vector<std::string> names = {"text",  "longtext", "enum",    "year",  "phone",
                                                   "money", "integer",  "percent", "target"};
    return names;
}

const char* to_string(ValueKind kind) { return value_kind_names()[static_cast<size_t>(kind)].c_str(); }

const char* to_string(BlockKind kind) {
    switch (kind) {
        case BlockKind::Fields: return "fields";
        case BlockKind::Table: return "table";
        case BlockKind::Indicators: return "indicators";
        case BlockKind::SpendingPlan: return "spending_plan";
    }
    return "?";
}

const BlockSpec* FormSpec::find_block(const std::string& block_id) const {
    for (const auto& b : blocks)
        if (b.id == block_id) return &b;
    return nullptr;
}

const FieldSpec* FormSpec::find_field(const std::string& field_id) const {
    for (const auto& b : blocks)
        if (b.kind == BlockKind::Fields)
            for (const auto& f : b.fields)
                if (f.id == field_id) return &f;
    return nullptr;
}

}  // namespace formwork
