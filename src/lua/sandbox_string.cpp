// string.find, match, gmatch, gsub and rep as scripts see them: the same behaviour as Lua 5.1,
// but matching runs on the budgeted matcher (stopped at the deadline like any loop) and
// results larger than the string limit are refused before they are built, so
// string.rep("x", 1e9) fails at once instead of allocating. A gsub replacement function or
// table is called behind the nesting guard (check_c_stack).
#include <cmath>

#include "lua/host_state.h"
#include "lua/lua_pattern.h"

namespace formwork::script::detail {

namespace {

using pattern::Matcher;
using pattern::Outcome;

bool budget_exhausted(void* context) { return deadline_passed(*static_cast<const HostState*>(context)); }

pattern::Budget budget_of(lua_State* L) { return {budget_exhausted, &host_of(L)}; }

// Lua 5.1's string positions: negative counts from the end; 0 and below become 1.
std::size_t start_offset(lua_State* L, int arg, std::size_t length) {
    double init = luaL_optnumber(L, arg, 1);
    if (init < 0) init = static_cast<double>(length) + init + 1;
    if (init < 1) init = 1;
    if (init > static_cast<double>(length) + 1) init = static_cast<double>(length) + 1;
    return static_cast<std::size_t>(init) - 1;
}

int raise_outcome(lua_State* L, Outcome outcome, const Matcher& m) {
    if (outcome == Outcome::Stopped) return stop_for_time(L);
    return luaL_error(L, "%s", m.error());
}

void push_capture(lua_State* L, const Matcher& m, int i, const char* subject, std::size_t at, std::size_t end) {
    if (i >= m.capture_count()) {
        if (i != 0) luaL_error(L, "invalid capture index");
        lua_pushlstring(L, subject + at, end - at);  // no captures: the whole match
        return;
    }
    const pattern::Capture& c = m.capture(i);
    if (c.length == pattern::kOpen) luaL_error(L, "unfinished capture");
    if (c.length == pattern::kPosition)
        lua_pushnumber(L, static_cast<lua_Number>(c.start + 1));
    else
        lua_pushlstring(L, subject + c.start, static_cast<std::size_t>(c.length));
}

// Pushes every capture, or the whole match when there are none and `whole` is set.
int push_captures(lua_State* L, const Matcher& m, const char* subject, std::size_t at, std::size_t end, bool whole) {
    const int count = m.capture_count() == 0 && whole ? 1 : m.capture_count();
    luaL_checkstack(L, count, "too many captures");
    for (int i = 0; i < count; ++i) push_capture(L, m, i, subject, at, end);
    return count;
}

int find_or_match(lua_State* L, bool find) {
    std::size_t length = 0;
    std::size_t pattern_length = 0;
    const char* subject = luaL_checklstring(L, 1, &length);
    const char* pat = luaL_checklstring(L, 2, &pattern_length);
    const std::size_t init = start_offset(L, 3, length);
    const std::string_view s(subject, length);
    const std::string_view p(pat, pattern_length);

    if (find && (lua_toboolean(L, 4) || pattern::is_plain(p))) {
        bool stopped = false;
        const std::size_t at = pattern::find_plain(s, p, init, budget_of(L), stopped);
        if (stopped) return stop_for_time(L);
        if (at == std::string_view::npos) {
            lua_pushnil(L);
            return 1;
        }
        lua_pushnumber(L, static_cast<lua_Number>(at + 1));
        lua_pushnumber(L, static_cast<lua_Number>(at + pattern_length));
        return 2;
    }

    const bool anchor = !p.empty() && p[0] == '^';
    Matcher m(s, p, budget_of(L));
    for (std::size_t at = init;; ++at) {
        const Outcome outcome = m.match(at, anchor ? 1 : 0);
        if (outcome == Outcome::Match) {
            if (!find) return push_captures(L, m, subject, at, m.end(), true);
            lua_pushnumber(L, static_cast<lua_Number>(at + 1));
            lua_pushnumber(L, static_cast<lua_Number>(m.end()));
            return 2 + push_captures(L, m, subject, at, m.end(), false);
        }
        if (outcome != Outcome::NoMatch) return raise_outcome(L, outcome, m);
        if (anchor || at >= length) break;
    }
    lua_pushnil(L);
    return 1;
}

int bounded_find(lua_State* L) { return find_or_match(L, true); }

int bounded_match(lua_State* L) { return find_or_match(L, false); }

// The iterator gmatch returns. Upvalues: subject, pattern, next offset.
int gmatch_step(lua_State* L) {
    std::size_t length = 0;
    std::size_t pattern_length = 0;
    const char* subject = lua_tolstring(L, lua_upvalueindex(1), &length);
    const char* pat = lua_tolstring(L, lua_upvalueindex(2), &pattern_length);
    auto from = static_cast<std::size_t>(lua_tonumber(L, lua_upvalueindex(3)));
    Matcher m(std::string_view(subject, length), std::string_view(pat, pattern_length), budget_of(L));
    for (std::size_t at = from; at <= length; ++at) {
        const Outcome outcome = m.match(at, 0);
        if (outcome == Outcome::Match) {
            std::size_t next = m.end();
            if (next == at) ++next;  // an empty match: move on, or it would repeat forever
            lua_pushnumber(L, static_cast<lua_Number>(next));
            lua_replace(L, lua_upvalueindex(3));
            return push_captures(L, m, subject, at, m.end(), true);
        }
        if (outcome != Outcome::NoMatch) return raise_outcome(L, outcome, m);
    }
    return 0;
}

int bounded_gmatch(lua_State* L) {
    luaL_checkstring(L, 1);
    luaL_checkstring(L, 2);
    lua_settop(L, 2);
    lua_pushnumber(L, 0);
    lua_pushcclosure(L, gmatch_step, 3);
    return 1;
}

// Appends the replacement of one match to the buffer (gsub's third argument is at index 3)
// and gives the number of bytes added.
std::size_t add_replacement(lua_State* L, luaL_Buffer* b, const Matcher& m, const char* subject, std::size_t at,
                            std::size_t end) {
    const int kind = lua_type(L, 3);
    std::size_t added = 0;
    if (kind == LUA_TSTRING || kind == LUA_TNUMBER) {
        std::size_t length = 0;
        const char* repl = lua_tolstring(L, 3, &length);
        for (std::size_t i = 0; i < length; ++i) {
            if (repl[i] != '%' || i + 1 == length) {
                luaL_addchar(b, repl[i]);
                ++added;
                continue;
            }
            const char next = repl[++i];
            if (next < '0' || next > '9') {
                luaL_addchar(b, next);  // "%%" and any other "%x" give the character
                ++added;
                continue;
            }
            if (next == '0')
                lua_pushlstring(L, subject + at, end - at);
            else
                push_capture(L, m, next - '1', subject, at, end);
            added += lua_objlen(L, -1);
            luaL_addvalue(b);
        }
        return added;
    }
    if (kind == LUA_TFUNCTION) {
        check_c_stack(L);
        lua_pushvalue(L, 3);
        const int n = push_captures(L, m, subject, at, end, true);
        lua_call(L, n, 1);
    } else {
        check_c_stack(L);  // lua_gettable may run the table's __index
        push_capture(L, m, 0, subject, at, end);
        lua_gettable(L, 3);
    }
    if (!lua_toboolean(L, -1)) {  // nil or false keeps the original text
        lua_pop(L, 1);
        lua_pushlstring(L, subject + at, end - at);
    } else if (!lua_isstring(L, -1)) {
        luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    }
    added = lua_objlen(L, -1);
    luaL_addvalue(b);
    return added;
}

int bounded_gsub(lua_State* L) {
    std::size_t length = 0;
    std::size_t pattern_length = 0;
    const char* subject = luaL_checklstring(L, 1, &length);
    const char* pat = luaL_checklstring(L, 2, &pattern_length);
    const int kind = lua_type(L, 3);
    luaL_argcheck(L, kind == LUA_TNUMBER || kind == LUA_TSTRING || kind == LUA_TFUNCTION || kind == LUA_TTABLE,
                  3, "string/function/table expected");
    const double max_replacements = luaL_optnumber(L, 4, static_cast<double>(length) + 1);
    lua_settop(L, 3);

    const std::size_t limit = host_of(L).options.string_limit;
    const std::string_view p(pat, pattern_length);
    const bool anchor = !p.empty() && p[0] == '^';
    Matcher m(std::string_view(subject, length), p, budget_of(L));
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    std::size_t at = 0;
    std::size_t produced = 0;
    double replacements = 0;
    while (replacements < max_replacements) {
        const Outcome outcome = m.match(at, anchor ? 1 : 0);
        if (outcome == Outcome::Malformed || outcome == Outcome::Stopped) return raise_outcome(L, outcome, m);
        if (outcome == Outcome::Match) {
            ++replacements;
            produced += add_replacement(L, &b, m, subject, at, m.end());
        }
        if (outcome == Outcome::Match && m.end() > at) {
            at = m.end();
        } else if (at < length) {
            luaL_addchar(&b, subject[at++]);
            ++produced;
        } else {
            break;
        }
        if (produced > limit) return stop_for_size(L, "string.gsub", static_cast<double>(produced));
        if (anchor) break;
    }
    produced += length - at;
    if (produced > limit) return stop_for_size(L, "string.gsub", static_cast<double>(produced));
    luaL_addlstring(&b, subject + at, length - at);
    luaL_pushresult(&b);
    lua_pushnumber(L, replacements);
    return 2;
}

// Upvalue 1: the original string.rep, called once the size is known to be acceptable.
int bounded_rep(lua_State* L) {
    std::size_t length = 0;
    std::size_t separator = 0;
    luaL_checklstring(L, 1, &length);
    const double count = luaL_checknumber(L, 2);
    luaL_optlstring(L, 3, "", &separator);
    if (count >= 1) {
        const double n = std::floor(count);
        const double total = static_cast<double>(length) * n + static_cast<double>(separator) * (n - 1);
        if (total > static_cast<double>(host_of(L).options.string_limit))
            return stop_for_size(L, "string.rep", total);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

}  // namespace

void add_bounded_string_functions(lua_State* L, int index, int real_rep) {
    lua_pushcfunction(L, bounded_find);
    lua_setfield(L, index, "find");
    lua_pushcfunction(L, bounded_match);
    lua_setfield(L, index, "match");
    lua_pushcfunction(L, bounded_gmatch);
    lua_setfield(L, index, "gmatch");
    lua_pushcfunction(L, bounded_gsub);
    lua_setfield(L, index, "gsub");
    lua_pushvalue(L, real_rep);
    lua_pushcclosure(L, bounded_rep, 1);
    lua_setfield(L, index, "rep");
}

}  // namespace formwork::script::detail
