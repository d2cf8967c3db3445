// pattern-*: the sandbox's own pattern matcher behaves like Lua's: known cases, error
// messages, and a differential run against LuaJIT's string library on random patterns.
#include "script_test_support.h"

#include <lua.hpp>

#include <random>

using namespace formwork::script;
using namespace formwork::script::test;

namespace {

std::string text(ScriptHost& host, const std::string& expression) {
    return run_ok(host, "local function s(...) local t = {} for i = 1, select('#', ...) do "
                        "t[i] = tostring((select(i, ...))) end return table.concat(t, ' ') end\n"
                        "return s(" + expression + ")")
        .as_string();
}

}  // namespace

TEST_CASE("pattern-7.1 find and match") {
    ScriptHost host(short_limits());
    CHECK(text(host, "('hello world'):find('o w')") == "5 7");
    CHECK(text(host, "('hello'):find('l+')") == "3 4");
    CHECK(text(host, "('key = value'):match('^(%w+)%s*=%s*(%w+)$')") == "key value");
    CHECK(text(host, "('  trim me  '):match('^%s*(.-)%s*$')") == "trim me");
    CHECK(text(host, "('THE (quick) fox'):find('%((%a+)%)')") == "5 11 quick");
    CHECK(text(host, "('f(a(b)c) x'):match('%b()')") == "(a(b)c)");
    CHECK(text(host, "('say \"hi\" now'):match('([\"\\'])(.-)%1')") == "\" hi");
    CHECK(text(host, "('hello'):match('()ll()')") == "3 5");
    CHECK(text(host, "('abc123'):match('[^%d]+')") == "abc");
    CHECK(text(host, "('x-y z'):match('[a-z%-]+')") == "x-y");
    CHECK(text(host, "(']]x'):match('[]]+')") == "]]");
    CHECK(text(host, "('abc'):find('^b')") == "nil");
    CHECK(text(host, "('a.c'):find('.', 1, true)") == "2 2");
    CHECK(text(host, "('abcabc'):find('b', -3)") == "5 5");
    CHECK(text(host, "('hello'):match('l', 4)") == "l");
    CHECK(text(host, "('预算绩效'):find('绩效', 1, true)") == "7 12");
    CHECK(text(host, "('2024年'):match('^(%d+)')") == "2024");
    CHECK(text(host, "('abc'):find('')") == "1 0");
    CHECK(text(host, "('abc'):find('c$')") == "3 3");
    CHECK(text(host, "('a$c'):find('$c')") == "2 3");
}

TEST_CASE("pattern-7.2 gsub and gmatch") {
    ScriptHost host(short_limits());
    CHECK(text(host, "('hello world'):gsub('o', '0')") == "hell0 w0rld 2");
    CHECK(text(host, "('abc'):gsub('%w', '%0%0')") == "aabbcc 3");
    CHECK(text(host, "('hello world'):gsub('(%w+)', '<%1>')") == "<hello> <world> 2");
    CHECK(text(host, "('$name is $age'):gsub('%$(%w+)', {name = 'Li', age = 30})") == "Li is 30 2");
    CHECK(text(host, "('abc'):gsub('', '-')") == "-a-b-c- 4");
    CHECK(text(host, "('aaa'):gsub('a', 'b', 2)") == "bba 2");
    CHECK(text(host, "('a b'):gsub('%w', function(c) if c == 'a' then return nil end return c:upper() end)") ==
          "a B 2");
    CHECK(text(host, "('x'):gsub('x', '100%%')") == "100% 1");
    CHECK(text(host, "('THE (quick) fox'):gsub('%f[%a]%a+', 'W')") == "W (W) W 3");
    CHECK(text(host, "('abc'):gsub('^.', 'X')") == "Xbc 1");
    CHECK(run_ok(host, "local t = {} for k, v in ('a=1, b=2'):gmatch('(%w+)=(%w+)') do t[#t + 1] = k .. v end "
                       "return table.concat(t, ',')")
              .as_string() == "a1,b2");
    CHECK(run_ok(host, "local n = 0 for w in ('one two  three'):gmatch('%a+') do n = n + 1 end return n")
              .as_number() == 3);
    CHECK(run_ok(host, "local n = 0 for w in ('abc'):gmatch('') do n = n + 1 end return n").as_number() == 4);
}

TEST_CASE("pattern-7.3 malformed patterns give Lua's messages at the script line") {
    ScriptHost host(short_limits());
    CHECK(run_error(host, "\nlocal m = ('x'):match('%')").to_string() ==
          std::string(kScript) + ":2: malformed pattern (ends with '%')");
    CHECK(run_error(host, "return ('x'):match('[a')").message == "malformed pattern (missing ']')");
    CHECK(run_error(host, "return ('x'):match('(x')").message == "unfinished capture");
    CHECK(run_error(host, "return ('x'):match('%1')").message == "invalid capture index");
    CHECK(run_error(host, "return ('x'):match('x)')").message == "invalid pattern capture");
    CHECK(run_error(host, "return ('x'):match('%f')").message == "missing '[' after '%f' in pattern");
    CHECK(run_error(host, "return ('x'):match('%b')").message == "missing arguments to '%b'");
    CHECK(run_error(host, "return ('x'):gsub('x', '%2')").message == "invalid capture index");
    CHECK(run_error(host, "return ('x'):gsub('x', {x = {}})").message == "invalid replacement value (a table)");
    CHECK(run_error(host, "return ('x'):match(string.rep('(', 40))").message == "too many captures");
}

TEST_CASE("pattern-7.4 random patterns match exactly like LuaJIT's string library") {
    // A plain LuaJIT state with the stock string library is the reference.
    lua_State* ref = luaL_newstate();
    REQUIRE(ref != nullptr);
    luaL_openlibs(ref);
    ScriptHost host(short_limits());

    const char* harness = R"(
        local function ser(ok, ...)
            if not ok then return "error" end
            local t = {}
            for i = 1, select('#', ...) do t[i] = type((select(i, ...))) .. ":" .. tostring((select(i, ...))) end
            return table.concat(t, "|")
        end
        return function(op, s, p, init)
            if op == "find" then return ser(pcall(string.find, s, p, init))
            elseif op == "match" then return ser(pcall(string.match, s, p, init))
            elseif op == "gsub" then return ser(pcall(string.gsub, s, p, "<%0>"))
            else
                return ser(pcall(function()
                    local out = {}
                    for a, b in string.gmatch(s, p) do out[#out + 1] = tostring(a) .. "/" .. tostring(b) end
                    return table.concat(out, ",")
                end))
            end
        end)";
    REQUIRE(luaL_loadstring(ref, harness) == 0);
    REQUIRE(lua_pcall(ref, 0, 1, 0) == 0);
    const int ref_fn = luaL_ref(ref, LUA_REGISTRYINDEX);
    auto sandbox_fn = host.run(kScript, harness);
    REQUIRE(sandbox_fn);

    const char* pieces[] = {"a", "b", ".", "%a", "%d", "%s", "[ab]", "[^a]", "[a-c]", "*", "+", "-", "?", "(",
                            ")", "()", "%b()", "%f[a]", "^", "$", "%1", "%", "[", "]", "%.", "x"};
    const char subject_chars[] = "ab(). 1ba";
    std::mt19937 rng(20240501);
    const char* ops[] = {"find", "match", "gsub", "gmatch"};
    int compared = 0;
    for (int round = 0; round < 4000; ++round) {
        std::string p;
        const int np = 1 + static_cast<int>(rng() % 6);
        for (int i = 0; i < np; ++i) p += pieces[rng() % std::size(pieces)];
        std::string s;
        const int ns = static_cast<int>(rng() % 10);
        for (int i = 0; i < ns; ++i) s += subject_chars[rng() % (sizeof subject_chars - 1)];
        const double init = static_cast<double>(static_cast<int>(rng() % 7) - 3);
        const char* op = ops[rng() % 4];

        lua_rawgeti(ref, LUA_REGISTRYINDEX, ref_fn);
        lua_pushstring(ref, op);
        lua_pushlstring(ref, s.data(), s.size());
        lua_pushlstring(ref, p.data(), p.size());
        lua_pushnumber(ref, init);
        REQUIRE(lua_pcall(ref, 4, 1, 0) == 0);
        const std::string expected = lua_tostring(ref, -1);
        lua_pop(ref, 1);

        auto got = host.call(sandbox_fn.value().as_function(),
                             std::vector{ScriptValue::string(op), ScriptValue::string(s), ScriptValue::string(p),
                                         ScriptValue::number(init)});
        REQUIRE(got);
        INFO(op << " subject=[" << s << "] pattern=[" << p << "] init=" << init);
        CHECK(got.value().as_string() == expected);
        ++compared;
    }
    CHECK(compared == 4000);
    lua_close(ref);
}
