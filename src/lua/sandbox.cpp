// The sandbox: which globals scripts see, and how each chunk's environment is built.
//
// Libraries are opened one by one (never luaL_openlibs). Only the names below are copied out
// of them; each library and bound module reaches scripts as a read-only proxy shared by all
// chunks. Every chunk gets its own empty environment whose metatable reads through to those
// names, raises "undeclared global" for anything else and refuses every assignment, so a
// script can neither create globals nor change what another script sees.
//
// `require` is the sandbox's own: it loads only libraries from the lib folders (sandbox_require).
// Left out on purpose: io, os, package/module, load/loadstring/loadfile/dofile,
// debug, ffi, jit, getfenv/setfenv, rawget/rawset/rawequal, collectgarbage/gcinfo, newproxy,
// print, _G, coroutine (a resume boundary would be one more place a stop could be caught,
// and nothing in a template needs one), string.dump, math.random/randomseed (checks must give
// the same answer every run).
#include "lua/host_state.h"
#include "lua/modules.h"

#include <algorithm>

namespace formwork::script::detail {

namespace {

constexpr const char* kBaseFunctions[] = {
    "assert", "error",  "getmetatable", "ipairs",   "next", "pairs",  "pcall",
    "select", "setmetatable", "tonumber", "tostring", "type", "unpack", "xpcall",
};
// Not copied from the base library: the sandbox's own (sandbox_require.cpp).
constexpr const char* kOwnFunctions[] = {"require"};

constexpr const char* kString[] = {"byte", "char", "find",    "format", "gmatch", "gsub", "len",
                                   "lower", "match", "rep", "reverse", "sub", "upper"};
constexpr const char* kTable[] = {"concat", "insert", "remove", "sort"};
constexpr const char* kMath[] = {"abs",  "acos", "asin", "atan", "atan2", "ceil", "cos",  "cosh",
                                 "deg",  "exp",  "floor", "fmod", "frexp", "huge", "ldexp", "log",
                                 "log10", "max", "min",  "modf", "pi",    "pow",  "rad",  "sin",
                                 "sinh", "sqrt", "tan",  "tanh"};
constexpr const char* kBit[] = {"arshift", "band", "bnot", "bor",    "bswap", "bxor",
                                "lshift",  "rol",  "ror",  "rshift", "tobit", "tohex"};

struct Library {
    const char* name;
    std::span<const char* const> fields;
};

constexpr Library kLibraries[] = {
    {LUA_STRLIBNAME, kString},
    {LUA_TABLIBNAME, kTable},
    {LUA_MATHLIBNAME, kMath},
    {LUA_BITLIBNAME, kBit},
};

const char* key_text(lua_State* L, int index) {
    return lua_type(L, index) == LUA_TSTRING ? lua_tostring(L, index) : "?";
}

// __index of the shared globals table: the name is not on the allow-list.
int undeclared_global(lua_State* L) { return luaL_error(L, "undeclared global '%s'", key_text(L, 2)); }

// __newindex of each chunk's environment.
int global_assignment(lua_State* L) {
    return luaL_error(L, "assignment to global '%s' (declare it local)", key_text(L, 2));
}

// __newindex of a library proxy; upvalue 1 is the library's name.
int library_assignment(lua_State* L) {
    return luaL_error(L, "cannot modify library '%s' (field '%s')", lua_tostring(L, lua_upvalueindex(1)),
                      key_text(L, 2));
}

// Pushes an empty table that reads through to the table at `target` and refuses writes.
void push_readonly_proxy(lua_State* L, int target, const char* name) {
    lua_newtable(L);
    lua_newtable(L);
    lua_pushvalue(L, target);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, name);
    lua_pushcclosure(L, library_assignment, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

void open_library(lua_State* L, const char* name, lua_CFunction open) {
    lua_pushcfunction(L, open);
    lua_pushstring(L, name);
    lua_call(L, 1, 0);
}

// Strings share one metatable whose __index is the real string table, which would hand
// string.dump to any script as ("").dump: point it at the sandboxed copy and hide it.
void redirect_string_metatable(lua_State* L, int sandboxed_string) {
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, sandboxed_string);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
}

}  // namespace

void open_sandbox(lua_State* L, HostState& h, std::span<const luax::Module> modules) {
    open_library(L, "", luaopen_base);
    open_library(L, LUA_STRLIBNAME, luaopen_string);
    open_library(L, LUA_TABLIBNAME, luaopen_table);
    open_library(L, LUA_MATHLIBNAME, luaopen_math);
    open_library(L, LUA_BITLIBNAME, luaopen_bit);
    if (h.options.jit) open_library(L, LUA_JITLIBNAME, luaopen_jit);
    luaJIT_setmode(L, 0, LUAJIT_MODE_ENGINE | (h.options.jit ? LUAJIT_MODE_ON : LUAJIT_MODE_OFF));

    lua_newtable(L);
    const int globals = lua_gettop(L);
    for (const char* name : kBaseFunctions) {
        lua_getfield(L, LUA_GLOBALSINDEX, name);
        lua_setfield(L, globals, name);
    }
    lua_pushcfunction(L, sandbox_pcall);
    lua_setfield(L, globals, "pcall");
    lua_pushcfunction(L, sandbox_xpcall);
    lua_setfield(L, globals, "xpcall");
    lua_pushcfunction(L, sandbox_require);
    lua_setfield(L, globals, "require");
    guard_field(L, globals, "tostring");

    for (const Library& library : kLibraries) {
        lua_getfield(L, LUA_GLOBALSINDEX, library.name);
        const int real = lua_gettop(L);
        lua_newtable(L);
        const int copy = lua_gettop(L);
        for (const char* field : library.fields) {
            lua_getfield(L, real, field);
            lua_setfield(L, copy, field);
        }
        if (library.name == std::string_view(LUA_STRLIBNAME)) {
            lua_getfield(L, real, "rep");
            add_bounded_string_functions(L, copy, lua_gettop(L));
            lua_pop(L, 1);
            redirect_string_metatable(L, copy);
        }
        if (library.name == std::string_view(LUA_STRLIBNAME)) guard_field(L, copy, "format");
        if (library.name == std::string_view(LUA_TABLIBNAME)) guard_field(L, copy, "sort");
        push_readonly_proxy(L, copy, library.name);
        lua_setfield(L, globals, library.name);
        lua_settop(L, real - 1);
    }

    for (const luax::Module& module : modules) {
        lua_pushcfunction(L, module.open);
        lua_call(L, 0, 1);
        push_readonly_proxy(L, lua_gettop(L), module.name);
        lua_setfield(L, globals, module.name);
        lua_pop(L, 1);
    }

    lua_newtable(L);
    lua_pushcfunction(L, undeclared_global);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, globals);

    lua_newtable(L);
    lua_pushvalue(L, globals);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, global_assignment);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    h.env_meta_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);

    register_protected_entry(h, L);
}

void set_chunk_environment(lua_State* L, HostState& h, int index) {
    index = index < 0 ? lua_gettop(L) + index + 1 : index;
    lua_newtable(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, h.env_meta_ref);
    lua_setmetatable(L, -2);
    lua_setfenv(L, index);
}

}  // namespace formwork::script::detail

namespace formwork::script {

std::vector<std::string> sandbox_globals() {
    using namespace detail;
    std::vector<std::string> names(std::begin(kBaseFunctions), std::end(kBaseFunctions));
    names.insert(names.end(), std::begin(kOwnFunctions), std::end(kOwnFunctions));
    for (const Library& library : kLibraries) {
        names.emplace_back(library.name);
        for (const char* field : library.fields) names.push_back(std::string(library.name) + "." + field);
    }
    for (const ModuleInfo& module : bound_modules()) {
        names.push_back(module.name);
        for (const std::string& f : module.functions) names.push_back(module.name + "." + f);
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace formwork::script
