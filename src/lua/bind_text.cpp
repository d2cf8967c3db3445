// The `text` module: UTF-8 helpers for template and check authors, counting characters
// where Lua's string functions count bytes.
//   text.len(s)        number of characters
//   text.sub(s, i, j)  characters i..j (negative from the end), like string.sub
//   text.trim(s)       without leading/trailing white space, including U+3000
//   text.valid(s)      whether s is well-formed UTF-8
// len, sub and trim raise an error on malformed UTF-8.
#include <stdexcept>
#include <string>

#include "lua/luax.h"
#include "core/utf8.h"

namespace formwork::script {

namespace {

std::string_view check_text(lua_State* L, int arg) {
    std::size_t size = 0;
    const char* data = luaL_checklstring(L, arg, &size);
    return {data, size};
}

void require_utf8(std::string_view text, const char* function) {
    const std::size_t bad = utf8::invalid_at(text);
    if (bad != utf8::npos)
        throw std::invalid_argument(std::string(function) + ": invalid UTF-8 at byte " + std::to_string(bad + 1));
}

void push_text(lua_State* L, std::string_view text) { lua_pushlstring(L, text.data(), text.size()); }

int text_len(lua_State* L) {
    const std::string_view text = check_text(L, 1);
    return luax::guarded(L, [&] {
        require_utf8(text, "text.len");
        lua_pushnumber(L, static_cast<lua_Number>(utf8::length(text)));
        return 1;
    });
}

int text_sub(lua_State* L) {
    const std::string_view text = check_text(L, 1);
    const auto i = static_cast<long long>(luaL_optnumber(L, 2, 1));
    const auto j = static_cast<long long>(luaL_optnumber(L, 3, -1));
    return luax::guarded(L, [&] {
        require_utf8(text, "text.sub");
        push_text(L, utf8::sub(text, i, j));
        return 1;
    });
}

int text_trim(lua_State* L) {
    const std::string_view text = check_text(L, 1);
    return luax::guarded(L, [&] {
        require_utf8(text, "text.trim");
        push_text(L, utf8::trim(text));
        return 1;
    });
}

// text.distance(a, b): edit distance by characters (for "the closest name").
int text_distance(lua_State* L) {
    const std::string_view a = check_text(L, 1), b = check_text(L, 2);
    if (a.size() > 4096 || b.size() > 4096) return luaL_error(L, "text.distance: texts longer than 4 KB");
    return luax::guarded(L, [&] {
        require_utf8(a, "text.distance");
        require_utf8(b, "text.distance");
        lua_pushnumber(L, static_cast<lua_Number>(utf8::distance(a, b)));
        return 1;
    });
}

int text_valid(lua_State* L) {
    lua_pushboolean(L, utf8::invalid_at(check_text(L, 1)) == utf8::npos);
    return 1;
}

const luaL_Reg text_functions[] = {
    {"distance", text_distance},
    {"len", text_len},
    {"sub", text_sub},
    {"trim", text_trim},
    {"valid", text_valid},
    {nullptr, nullptr},
};

}  // namespace

int open_text(lua_State* L) {
    luax::new_module(L, text_functions);
    return 1;
}

}  // namespace formwork::script
