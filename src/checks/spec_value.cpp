// A template as the plain Lua table f:spec() gives check scripts (scripts/api/check.lua
// describes its shape): what the template declares, without labels' aliases for fields and
// without anything a check cannot use. Built once per template and script, then cached.
#include "checks/check_lua.h"

namespace formwork::script::detail {

namespace {

ScriptValue str(const std::string& s) { return ScriptValue::string(s); }

ScriptValue strings(const std::vector<std::string>& list) {
    ScriptTable t;
    for (const auto& s : list) t.array.push_back(str(s));
    return ScriptValue::table(std::move(t));
}

ScriptValue field_value(const FieldSpec& f, const std::string& block) {
    ScriptTable t;
    t.set("id", str(f.id));
    t.set("label", str(f.label));
    t.set("kind", str(to_string(f.kind)));
    t.set("required", ScriptValue::boolean(f.required));
    if (!block.empty()) t.set("block", str(block));
    if (!f.options.empty()) t.set("options", strings(f.options));
    return ScriptValue::table(std::move(t));
}

ScriptValue fields_of(const std::vector<FieldSpec>& list, const std::string& block = {}) {
    ScriptTable t;
    for (const FieldSpec& f : list) t.array.push_back(field_value(f, block));
    return ScriptValue::table(std::move(t));
}

ScriptValue table_value(const BlockSpec& b) {
    ScriptTable t;
    t.set("id", str(b.id));
    t.set("label", str(b.label));
    t.set("kind", str(b.kind == BlockKind::SpendingPlan ? "spending_plan" : "table"));
    t.set("unit", str(b.unit));
    t.set("fixed", ScriptValue::boolean(b.fixed_rows()));
    t.set("columns", fields_of(b.columns));
    if (b.fixed_rows()) {
        ScriptTable rows;
        for (const RowSpec& r : b.rows) {
            ScriptTable row;
            row.set("id", str(r.id));
            row.set("label", str(r.label));
            row.set("indent", ScriptValue::number(r.indent));
            ScriptTable sums;
            for (const auto& parts : r.sum_of) sums.array.push_back(strings(parts));
            row.set("sum_of", ScriptValue::table(std::move(sums)));
            rows.array.push_back(ScriptValue::table(std::move(row)));
        }
        t.set("rows", ScriptValue::table(std::move(rows)));
    }
    if (!b.total_columns.empty()) {
        t.set("total_columns", strings(b.total_columns));
        t.set("total_label", str(b.total_label));
    }
    return ScriptValue::table(std::move(t));
}

ScriptValue indicators_value(const BlockSpec& b) {
    ScriptTable t;
    t.set("id", str(b.id));
    t.set("label", str(b.label));
    t.set("periods", fields_of(b.indicators.periods));
    t.set("extra", fields_of(b.indicators.extra));
    ScriptTable tree;
    for (const Level1Spec& l1 : b.indicators.tree) {
        ScriptTable one;
        one.set("name", str(l1.name));
        one.set("required", ScriptValue::boolean(l1.required));
        ScriptTable level2;
        for (const Level2Spec& l2 : l1.level2) {
            ScriptTable two;
            two.set("name", str(l2.name));
            two.set("required", ScriptValue::boolean(l2.required));
            level2.array.push_back(ScriptValue::table(std::move(two)));
        }
        one.set("level2", ScriptValue::table(std::move(level2)));
        tree.array.push_back(ScriptValue::table(std::move(one)));
    }
    t.set("tree", ScriptValue::table(std::move(tree)));
    return ScriptValue::table(std::move(t));
}

}  // namespace

ScriptValue spec_to_value(const FormSpec& spec) {
    ScriptTable t;
    t.set("id", str(spec.id));
    t.set("version", ScriptValue::number(spec.version));
    t.set("title", str(spec.title));
    t.set("family", str(spec.family));
    t.set("region", str(spec.region));
    t.set("level", str(spec.level));
    if (spec.year > 0) t.set("year", ScriptValue::number(spec.year));
    t.set("money_unit", str(spec.money_unit));
    t.set("title_field", str(spec.title_field));
    if (!spec.year_field.empty()) t.set("year_field", str(spec.year_field));
    if (!spec.total_ref.empty()) t.set("total", str(spec.total_ref));
    ScriptTable options;
    for (const auto& [k, v] : spec.options) options.set(k, str(v));
    t.set("options", ScriptValue::table(std::move(options)));
    t.set("grades", strings(spec.grades));
    ScriptTable fields, tables;
    for (const BlockSpec& b : spec.blocks) {
        switch (b.kind) {
            case BlockKind::Fields:
                for (const FieldSpec& f : b.fields) fields.array.push_back(field_value(f, b.id));
                break;
            case BlockKind::Table: tables.array.push_back(table_value(b)); break;
            case BlockKind::SpendingPlan:
                tables.array.push_back(table_value(b));
                if (!t.find("spending_plan")) t.set("spending_plan", table_value(b));
                break;
            case BlockKind::Indicators:
                if (!t.find("indicators")) t.set("indicators", indicators_value(b));
                break;
        }
    }
    t.set("fields", ScriptValue::table(std::move(fields)));
    t.set("tables", ScriptValue::table(std::move(tables)));
    return ScriptValue::table(std::move(t));
}

}  // namespace formwork::script::detail
