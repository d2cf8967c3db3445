// The binding toolbox of luax.h, over the host's internals.
#include "lua/host_state.h"

namespace formwork::script::luax {

void new_module(lua_State* L, const luaL_Reg* functions) {
    lua_newtable(L);
    luaL_register(L, nullptr, functions);
}

void push_value(lua_State* L, const ScriptValue& value) { detail::push_value(detail::host_of(L), L, value); }

ScriptValue to_value(lua_State* L, int index, std::string_view what) {
    return detail::to_value(detail::host_of(L), L, index, what);
}

void* context(lua_State* L, std::type_index type) {
    // A host has two or three contexts and accessors ask on every call: comparing the types
    // is cheaper than hashing the type's name.
    for (const auto& [t, object] : detail::host_of(L).contexts)
        if (t == type) return object;
    return nullptr;
}

}  // namespace formwork::script::luax
