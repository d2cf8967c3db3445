// Internal to the script layer (src/lua, src/templates, src/checks): the toolbox of bind_<module>.cpp files (love2d's runtime.h role).
// A binding file holds one luaL_Reg table and one open_<module> function, and is listed in
// modules.cpp. Bindings run inside the host's protected call, so they may raise Lua errors;
// they must not let a C++ exception out: wrap bodies in luax::guarded.
#pragma once

#include <lua.hpp>

#include <cstdio>
#include <exception>
#include <span>
#include <stdexcept>
#include <string_view>
#include <typeindex>

#include "lua/script_error.h"
#include "lua/script_value.h"

namespace formwork::script::luax {

struct Module {
    const char* name;    // the global scripts see
    lua_CFunction open;  // pushes the module table
};

// Every module of modules.cpp.
std::span<const Module> modules();

// Pushes a new module table filled from a null-terminated luaL_Reg list.
void new_module(lua_State* L, const luaL_Reg* functions);

// The script line that called the running C function (the first Lua frame above it), e.g. for
// a template constructor to remember where each field was declared. {"", 0} if none, which
// includes a tail call: LuaJIT drops the caller's frame for `return f(x)`, so a binding
// called that way cannot know its line (`return (f(x))` is not a tail call).
SourceLocation caller_location(lua_State* L);

// Pushes a C++ value; tables become new Lua tables, functions must belong to this host.
void push_value(lua_State* L, const ScriptValue& value);

// Reads the Lua value at `index` without running metamethods (raw access), under the host's
// depth and size limits. Throws BadValueError naming the path (`what.blocks[2]`).
ScriptValue to_value(lua_State* L, int index, std::string_view what = "argument");

struct BadValueError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The object the host registered with ScriptHost::set_context<T>, or nullptr.
void* context(lua_State* L, std::type_index type);
template <class T>
T* context(lua_State* L) {
    return static_cast<T*>(context(L, std::type_index(typeid(T))));
}

// Runs body() (which returns the number of Lua results) and turns a C++ exception into a Lua
// error raised after the catch block has ended, so no exception crosses a Lua frame and no
// Lua error skips a catch block's cleanup. Lua errors raised inside body() pass through.
template <class F>
int guarded(lua_State* L, F&& body) {
    char message[512];
    try {
        return body();
    } catch (const std::exception& e) {
        std::snprintf(message, sizeof message, "%s", e.what());
    }
    return luaL_error(L, "%s", message);
}

}  // namespace formwork::script::luax
