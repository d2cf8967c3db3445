// ScriptValue: a Lua value copied out into plain C++ (nil, boolean, number, string, table,
// function handle), so that code outside the script layer never touches a lua_State.
//
// Tables keep their array part (keys 1..n) in order and their other keys in a stable order
// (numbers ascending, then strings by bytes), so that two runs of the same template give the
// same value. Copies share table contents: treat a converted value as read-only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace formwork::script {

namespace detail {
struct FunctionSlot;
}

// A Lua function kept alive in its host, to be called later (template hooks, checks) with
// ScriptHost::call. It stays valid while its ScriptHost lives; calling it after the host is
// gone, or on another host, gives a BadValue error. Copies share the same function.
class FunctionRef {
public:
    FunctionRef() = default;

    bool valid() const { return slot_ != nullptr; }
    // Where the function was written: its chunk name, first line and last line (the whole
    // file for a chunk). Empty / 0 for an invalid ref.
    const std::string& file() const;
    int first_line() const;
    int last_line() const;

private:
    friend struct detail::FunctionSlot;
    explicit FunctionRef(std::shared_ptr<const detail::FunctionSlot> slot) : slot_(std::move(slot)) {}
    std::shared_ptr<const detail::FunctionSlot> slot_;
};

struct ScriptTable;

class ScriptValue {
public:
    enum class Type { Nil, Boolean, Number, String, Table, Function };

    ScriptValue() = default;
    static ScriptValue boolean(bool b);
    static ScriptValue number(double n);
    static ScriptValue string(std::string s);
    static ScriptValue table(ScriptTable t);
    static ScriptValue function(FunctionRef f);

    Type type() const { return static_cast<Type>(v_.index()); }
    bool is_nil() const { return type() == Type::Nil; }
    bool is_boolean() const { return type() == Type::Boolean; }
    bool is_number() const { return type() == Type::Number; }
    bool is_string() const { return type() == Type::String; }
    bool is_table() const { return type() == Type::Table; }
    bool is_function() const { return type() == Type::Function; }

    // A number with no fractional part that a double holds exactly (|n| <= 2^53).
    bool is_integer() const;
    std::optional<std::int64_t> as_integer() const;

    // Preconditions: the matching type; std::bad_variant_access otherwise.
    bool as_boolean() const { return std::get<1>(v_); }
    double as_number() const { return std::get<2>(v_); }
    const std::string& as_string() const { return std::get<3>(v_); }
    const ScriptTable& as_table() const { return *std::get<4>(v_); }
    const FunctionRef& as_function() const { return std::get<5>(v_); }

    // Shortcuts into tables: nullptr when this is not a table or the key is absent.
    const ScriptValue* get(std::string_view key) const;
    const ScriptValue* at(std::size_t index) const;  // 1-based, array part

    // Lua's name for the type: "nil", "boolean", "number", "string", "table", "function".
    const char* type_name() const;

private:
    std::variant<std::monostate, bool, double, std::string, std::shared_ptr<const ScriptTable>,
                 FunctionRef>
        v_;
};

struct ScriptTable {
    std::vector<ScriptValue> array;                            // t[1] .. t[n]
    std::vector<std::pair<ScriptValue, ScriptValue>> fields;  // every other key, sorted

    const ScriptValue* find(std::string_view key) const;
    const ScriptValue* find(double key) const;
    // Inserts or replaces a field, keeping the order.
    void set(std::string_view key, ScriptValue value);
    void set(double key, ScriptValue value);
    bool empty() const { return array.empty() && fields.empty(); }
};

// The order of ScriptTable::fields: numbers before strings, numbers ascending, strings by bytes.
bool key_less(const ScriptValue& a, const ScriptValue& b);

}  // namespace formwork::script
