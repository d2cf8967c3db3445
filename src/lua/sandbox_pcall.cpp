// pcall and xpcall as scripts see them: ordinary errors are caught as usual, but a stop (time
// or memory limit) is raised again at once, and an xpcall handler is never run for it.
// Also the nesting guard around the library functions that call back into Lua from C.
#include <string>

#include "lua/host_state.h"

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

// Upvalues: a library function that may call back into Lua from C (tostring tail-calls
// __tostring, which may be tostring itself: a loop no count hook sees; format and sort call
// metamethods and comparators), and its name. Each nested entry passes the guard, so such a
// loop is stopped. Called from C, the function cannot name itself in an argument error
// ("bad argument #2 to '?'"), so the name is put back.
int guarded_call(lua_State* L) {
    check_c_stack(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0) == 0) return lua_gettop(L);
    if (host_of(L).stop) return raise_stop(L);
    if (lua_type(L, -1) == LUA_TSTRING) {
        std::string message = lua_tostring(L, -1);
        const std::string unnamed = " to '?'";
        if (auto at = message.find(unnamed); at != std::string::npos) {
            message.replace(at, unnamed.size(), std::string(" to '") + lua_tostring(L, lua_upvalueindex(2)) + "'");
            lua_pushlstring(L, message.data(), message.size());
        }
    }
    return lua_error(L);
}

}  // namespace

void guard_field(lua_State* L, int index, const char* name) {
    index = index < 0 ? lua_gettop(L) + index + 1 : index;
    lua_getfield(L, index, name);
    lua_pushstring(L, name);
    lua_pushcclosure(L, guarded_call, 2);
    lua_setfield(L, index, name);
}

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
