// ScriptValue and ScriptTable: construction, lookups and the stable key order.
#include "lua/script_value.h"

#include <algorithm>
#include <cmath>

namespace formwork::script {

ScriptValue ScriptValue::boolean(bool b) {
    ScriptValue v;
    v.v_.emplace<1>(b);
    return v;
}

ScriptValue ScriptValue::number(double n) {
    ScriptValue v;
    v.v_.emplace<2>(n);
    return v;
}

ScriptValue ScriptValue::string(std::string s) {
    ScriptValue v;
    v.v_.emplace<3>(std::move(s));
    return v;
}

ScriptValue ScriptValue::table(ScriptTable t) {
    ScriptValue v;
    v.v_.emplace<4>(std::make_shared<const ScriptTable>(std::move(t)));
    return v;
}

ScriptValue ScriptValue::function(FunctionRef f) {
    ScriptValue v;
    v.v_.emplace<5>(std::move(f));
    return v;
}

bool ScriptValue::is_integer() const {
    if (!is_number()) return false;
    const double n = as_number();
    return std::isfinite(n) && std::trunc(n) == n && std::fabs(n) <= 9007199254740992.0;
}

std::optional<std::int64_t> ScriptValue::as_integer() const {
    if (!is_integer()) return std::nullopt;
    return static_cast<std::int64_t>(as_number());
}

const ScriptValue* ScriptValue::get(std::string_view key) const {
    return is_table() ? as_table().find(key) : nullptr;
}

const ScriptValue* ScriptValue::at(std::size_t index) const {
    if (!is_table() || index == 0 || index > as_table().array.size()) return nullptr;
    return &as_table().array[index - 1];
}

const char* ScriptValue::type_name() const {
    switch (type()) {
    case Type::Nil: return "nil";
    case Type::Boolean: return "boolean";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Table: return "table";
    case Type::Function: return "function";
    }
    return "nil";
}

bool key_less(const ScriptValue& a, const ScriptValue& b) {
    if (a.is_number() != b.is_number()) return a.is_number();
    if (a.is_number()) return a.as_number() < b.as_number();
    if (a.is_string() && b.is_string()) return a.as_string() < b.as_string();
    return a.type() < b.type();
}

namespace {

template <class Key>
std::vector<std::pair<ScriptValue, ScriptValue>>::const_iterator lower(
    const std::vector<std::pair<ScriptValue, ScriptValue>>& fields, const Key& key) {
    return std::lower_bound(fields.begin(), fields.end(), key,
                            [](const auto& field, const Key& k) { return key_less(field.first, k); });
}

}  // namespace

const ScriptValue* ScriptTable::find(std::string_view key) const {
    // Strings sort after numbers, so search only the string tail.
    auto it = std::partition_point(fields.begin(), fields.end(), [&](const auto& f) {
        return f.first.is_number() || (f.first.is_string() && f.first.as_string() < key);
    });
    if (it != fields.end() && it->first.is_string() && it->first.as_string() == key) return &it->second;
    return nullptr;
}

const ScriptValue* ScriptTable::find(double key) const {
    if (key >= 1 && key <= static_cast<double>(array.size()) && std::trunc(key) == key)
        return &array[static_cast<std::size_t>(key) - 1];
    const ScriptValue k = ScriptValue::number(key);
    auto it = lower(fields, k);
    if (it != fields.end() && it->first.is_number() && it->first.as_number() == key) return &it->second;
    return nullptr;
}

void ScriptTable::set(std::string_view key, ScriptValue value) {
    ScriptValue k = ScriptValue::string(std::string(key));
    auto it = lower(fields, k);
    auto pos = fields.begin() + (it - fields.cbegin());
    if (pos != fields.end() && !key_less(k, pos->first))
        pos->second = std::move(value);
    else
        fields.emplace(pos, std::move(k), std::move(value));
}

void ScriptTable::set(double key, ScriptValue value) {
    ScriptValue k = ScriptValue::number(key);
    auto it = lower(fields, k);
    auto pos = fields.begin() + (it - fields.cbegin());
    if (pos != fields.end() && !key_less(k, pos->first))
        pos->second = std::move(value);
    else
        fields.emplace(pos, std::move(k), std::move(value));
}

}  // namespace formwork::script
