// pcall and xpcall as scripts see them: ordinary errors are caught as usual, but a stop (time
// or memory limit) is raised again at once, and an xpcall handler is never run for it.
#include "script/host_state.h"

namespace formwork::script::detail {

namespace {

// The message handler xpcall installs; upvalue 1 is the script's own handler.
int xpcall_handler(lua_State* L) {
    if (host_of(L).stop) return 1;  // leave the stop's message alone, run no script code
    check_c_stack(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

}  // namespace

int sandbox_pcall(lua_State* L) {
    luaL_checkany(L, 1);
    check_c_stack(L);
    const int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (status != 0 && host_of(L).stop) return raise_stop(L);
    lua_pushboolean(L, status == 0);
    lua_insert(L, 1);
    return lua_gettop(L);
}

int sandbox_xpcall(lua_State* L) {
    // xpcall(f, handler, ...) → stack [wrapped handler, f, ...] for lua_pcall.
    luaL_checkany(L, 2);
    check_c_stack(L);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_replace(L, 1);
    lua_replace(L, 2);
    const int status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 1);
    if (status != 0 && host_of(L).stop) return raise_stop(L);
    lua_pushboolean(L, status == 0);
    lua_replace(L, 1);
    return lua_gettop(L);
}

}  // namespace formwork::script::detail
