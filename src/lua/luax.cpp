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
    const auto& contexts = detail::host_of(L).contexts;
    auto it = contexts.find(type);
    return it == contexts.end() ? nullptr : it->second;
}

}  // namespace formwork::script::luax
