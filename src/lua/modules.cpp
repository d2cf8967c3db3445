// Every module scripts can use, in one list (lite-xl's api.c). To add one: write
// bind_<name>.cpp with one luaL_Reg table and one open_<name>, declare it here, add a row,
// add it to CMakeLists.txt, and describe it in scripts/api/<name>.lua for LuaLS.
#include <algorithm>

#include "lua/host_state.h"
#include "lua/modules.h"

namespace formwork::script {

int open_form(lua_State* L);
int open_text(lua_State* L);
int open_check(lua_State* L);

namespace {

constexpr luax::Module kModules[] = {
    {"form", open_form},
    {"text", open_text},
    {"check", open_check},
};

int list_fields(lua_State* L) {
    auto* info = static_cast<ModuleInfo*>(lua_touserdata(L, 1));
    auto* open = reinterpret_cast<lua_CFunction>(lua_touserdata(L, 2));
    lua_settop(L, 0);
    lua_pushcfunction(L, open);
    lua_call(L, 0, 1);
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        if (lua_type(L, -2) == LUA_TSTRING) info->functions.emplace_back(lua_tostring(L, -2));
        lua_pop(L, 1);
    }
    return 0;
}

}  // namespace

std::span<const luax::Module> luax::modules() { return kModules; }

std::vector<ModuleInfo> bound_modules() {
    // Open each module in a scratch state (not a sandbox: nothing runs but the open function).
    detail::HostState scratch;
    scratch.L = lua_newstate(detail::limited_alloc, &scratch);
    std::vector<ModuleInfo> modules;
    for (const luax::Module& module : kModules) {
        ModuleInfo info{module.name, {}};
        if (scratch.L != nullptr) {
            lua_pushcfunction(scratch.L, list_fields);
            lua_pushlightuserdata(scratch.L, &info);
            lua_pushlightuserdata(scratch.L, reinterpret_cast<void*>(module.open));
            lua_pcall(scratch.L, 2, 0, 0);
            lua_settop(scratch.L, 0);
        }
        std::sort(info.functions.begin(), info.functions.end());
        modules.push_back(std::move(info));
    }
    return modules;
}

}  // namespace formwork::script
