// Lua values ↔ ScriptValue.
//
// Reading uses raw access only (lua_rawgeti, lua_next, lua_tolstring on real strings), so no
// __index, __len, __tostring or other metamethod of a script's value ever runs: a returned
// table whose __index loops forever converts like any other. Cycles, depth and size are
// limited, and the error names the path to the offending value.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "lua/host_state.h"

namespace formwork::script::detail {

namespace {

class Reader {
public:
    Reader(HostState& h, lua_State* L, std::string_view root) : h_(h), L_(L) { path_.emplace_back(root); }

    ScriptValue read(int index, int depth) {
        if (++count_ > h_.options.max_values)
            fail("has more than " + std::to_string(h_.options.max_values) + " values");
        switch (lua_type(L_, index)) {
        case LUA_TNIL: return {};
        case LUA_TBOOLEAN: return ScriptValue::boolean(lua_toboolean(L_, index) != 0);
        case LUA_TNUMBER: return ScriptValue::number(lua_tonumber(L_, index));
        case LUA_TSTRING: {
            std::size_t length = 0;
            const char* text = lua_tolstring(L_, index, &length);
            return ScriptValue::string(utf8::repair(std::string_view(text, length)));
        }
        case LUA_TTABLE: return read_table(index, depth);
        case LUA_TFUNCTION: return ScriptValue::function(make_function_ref(h_, L_, index));
        default:
            fail(std::string("is a ") + lua_typename(L_, lua_type(L_, index)) + ", which cannot leave a script");
        }
    }

private:
    [[noreturn]] void fail(const std::string& what) {
        std::string where;
        for (const std::string& part : path_) where += part;
        throw luax::BadValueError(where + " " + what);
    }

    ScriptValue read_table(int index, int depth) {
        if (depth >= h_.options.max_depth)
            fail("is nested deeper than " + std::to_string(h_.options.max_depth) + " levels");
        const void* identity = lua_topointer(L_, index);
        for (const void* open : open_tables_)
            if (open == identity) fail("contains itself (a cycle)");
        if (lua_checkstack(L_, 4) == 0) fail("is nested too deeply");
        open_tables_.push_back(identity);

        ScriptTable table;
        for (int i = 1;; ++i) {
            lua_rawgeti(L_, index, i);
            if (lua_isnil(L_, -1)) {
                lua_pop(L_, 1);
                break;
            }
            path_.push_back("[" + std::to_string(i) + "]");
            table.array.push_back(read(lua_gettop(L_), depth + 1));
            path_.pop_back();
            lua_pop(L_, 1);
        }
        const double array_size = static_cast<double>(table.array.size());

        lua_pushnil(L_);
        while (lua_next(L_, index) != 0) {
            const int value = lua_gettop(L_);
            const int key = value - 1;
            if (lua_type(L_, key) == LUA_TNUMBER) {
                const double k = lua_tonumber(L_, key);
                if (!(k >= 1 && k <= array_size && std::trunc(k) == k)) {
                    path_.push_back("[" + number_text(k) + "]");
                    table.fields.emplace_back(ScriptValue::number(k), read(value, depth + 1));
                    path_.pop_back();
                }
            } else if (lua_type(L_, key) == LUA_TSTRING) {
                std::size_t length = 0;
                const char* text = lua_tolstring(L_, key, &length);
                std::string name = utf8::repair(std::string_view(text, length));
                path_.push_back("." + name);
                table.fields.emplace_back(ScriptValue::string(std::move(name)), read(value, depth + 1));
                path_.pop_back();
            } else {
                fail(std::string("has a key of type ") + lua_typename(L_, lua_type(L_, key)) +
                     " (only string and number keys are supported)");
            }
            lua_pop(L_, 1);
        }
        std::sort(table.fields.begin(), table.fields.end(),
                  [](const auto& a, const auto& b) { return key_less(a.first, b.first); });
        open_tables_.pop_back();
        return ScriptValue::table(std::move(table));
    }

    static std::string number_text(double n) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.14g", n);
        return buffer;
    }

    HostState& h_;
    lua_State* L_;
    std::size_t count_ = 0;
    std::vector<std::string> path_;
    std::vector<const void*> open_tables_;
};

void push(HostState& h, lua_State* L, const ScriptValue& value, int depth) {
    if (depth > 200) luaL_error(L, "value nested too deeply to pass to a script");
    luaL_checkstack(L, 3, "value nested too deeply to pass to a script");
    switch (value.type()) {
    case ScriptValue::Type::Nil: lua_pushnil(L); return;
    case ScriptValue::Type::Boolean: lua_pushboolean(L, value.as_boolean() ? 1 : 0); return;
    case ScriptValue::Type::Number: lua_pushnumber(L, value.as_number()); return;
    case ScriptValue::Type::String:
        lua_pushlstring(L, value.as_string().data(), value.as_string().size());
        return;
    case ScriptValue::Type::Function: {
        const FunctionSlot* slot = FunctionSlot::of(value.as_function());
        if (slot == nullptr || slot->host.lock().get() != &h)
            luaL_error(L, "a function from another script host cannot be passed here");
        lua_rawgeti(L, LUA_REGISTRYINDEX, slot->ref);
        return;
    }
    case ScriptValue::Type::Table: {
        const ScriptTable& t = value.as_table();
        lua_createtable(L, static_cast<int>(t.array.size()), static_cast<int>(t.fields.size()));
        int i = 0;
        for (const ScriptValue& item : t.array) {
            push(h, L, item, depth + 1);
            lua_rawseti(L, -2, ++i);
        }
        for (const auto& [key, item] : t.fields) {
            push(h, L, key, depth + 1);
            push(h, L, item, depth + 1);
            lua_rawset(L, -3);
        }
        return;
    }
    }
}

}  // namespace

ScriptValue to_value(HostState& h, lua_State* L, int index, std::string_view root) {
    index = index < 0 ? lua_gettop(L) + index + 1 : index;
    Reader reader(h, L, root);
    return reader.read(index, 0);
}

void push_value(HostState& h, lua_State* L, const ScriptValue& value) { push(h, L, value, 0); }

}  // namespace formwork::script::detail
