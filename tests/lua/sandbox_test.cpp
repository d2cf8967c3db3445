// sandbox-*: what a script can and cannot reach.
#include "script_test_support.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "lua/modules.h"

using namespace formwork::script;
using namespace formwork::script::test;

TEST_CASE("sandbox-1.1 forbidden globals are undeclared") {
    ScriptHost host(short_limits());
    const char* forbidden[] = {
        "io",      "os",       "package",        "module", "load",    "loadstring",
        "loadfile", "dofile",  "debug",   "ffi",            "jit",    "getfenv", "setfenv",
        "rawset",  "rawget",   "rawequal", "collectgarbage", "gcinfo", "newproxy", "print",
        "_G",      "coroutine", "_VERSION",
    };
    for (const char* name : forbidden) {
        INFO(name);
        const ScriptError e = run_error(host, std::string("\nreturn ") + name);
        CHECK(e.kind == ScriptError::Kind::Runtime);
        CHECK(e.file == kScript);
        CHECK(e.line == 2);
        CHECK(e.message == std::string("undeclared global '") + name + "'");
    }
}

TEST_CASE("sandbox-1.2 string.dump is absent") {
    ScriptHost host(short_limits());
    CHECK(run_ok(host, "return string.dump == nil").as_boolean());
    const ScriptError e = run_error(host, "local f = function() end\nreturn string.dump(f)");
    CHECK(e.line == 2);
    CHECK(e.message.find("dump") != std::string::npos);
}

TEST_CASE("sandbox-1.3 the string metatable does not lead to the real string table") {
    ScriptHost host(short_limits());
    CHECK(run_ok(host, "return (\"\").dump == nil").as_boolean());
    CHECK(run_ok(host, "return getmetatable(\"\") == false").as_boolean());
    const ScriptError e = run_error(host, "return getmetatable(\"\").__index");
    CHECK(e.message.find("attempt to index") != std::string::npos);
    // The redirected methods still work.
    CHECK(run_ok(host, "return ('abc'):upper() .. ('%d'):format(5) .. ('x'):rep(3, ',') .. ('hay'):sub(2)")
              .as_string() == "ABC5x,x,xay");
}

TEST_CASE("sandbox-1.4 library tables are read-only") {
    ScriptHost host(short_limits());
    CHECK(run_error(host, "string.upper = nil").message == "cannot modify library 'string' (field 'upper')");
    CHECK(run_error(host, "math.pi = 3").message == "cannot modify library 'math' (field 'pi')");
    CHECK(run_error(host, "table.insert = print").message.find("undeclared global 'print'") != std::string::npos);
    CHECK(run_error(host, "text.len = nil").message == "cannot modify library 'text' (field 'len')");
    CHECK(run_error(host, "setmetatable(string, {})").message.find("protected metatable") != std::string::npos);
    CHECK(run_ok(host, "return getmetatable(string) == false and getmetatable(math) == false").as_boolean());
}

TEST_CASE("sandbox-1.5 one script cannot poison what another sees") {
    ScriptHost host(short_limits());
    run_ok(host, R"(
        pcall(function() string.upper = function() return "pwned" end end)
        pcall(function() getmetatable("").__index.upper = function() return "pwned" end end)
        pcall(function() setmetatable(string, {__index = function() return "pwned" end}) end)
        pcall(function() upper = "pwned" end)
        return true)");
    CHECK(run_ok(host, "return ('a'):upper() .. string.upper('b')", "scripts/checks/other.lua").as_string() == "AB");
    CHECK(run_error(host, "return upper", "scripts/checks/other.lua").message == "undeclared global 'upper'");
}

TEST_CASE("sandbox-1.6 reading an undeclared global or writing any global names it") {
    ScriptHost host(short_limits());
    ScriptError e = run_error(host, "local a = 1\nlocal b = titel\nreturn b");
    CHECK(e.line == 2);
    CHECK(e.message == "undeclared global 'titel'");
    e = run_error(host, "local a = 1\n\ntotal = 3");
    CHECK(e.line == 3);
    CHECK(e.message.rfind("assignment to global 'total'", 0) == 0);
    e = run_error(host, "function helper() end");
    CHECK(e.message.rfind("assignment to global 'helper'", 0) == 0);
    // Even a name that exists cannot be replaced.
    e = run_error(host, "tostring = nil");
    CHECK(e.message.rfind("assignment to global 'tostring'", 0) == 0);
    // Functions a chunk returns keep the same rules when called later.
    auto chunk = host.load(kScript, "return function() return undeclared_thing end");
    REQUIRE(chunk);
    auto f = host.call(chunk.value());
    REQUIRE(f);
    auto r = host.call(f.value().as_function());
    REQUIRE(!r);
    CHECK(r.error().message == "undeclared global 'undeclared_thing'");
}

TEST_CASE("sandbox-1.7 bytecode is refused") {
    ScriptHost host(short_limits());
    const std::string bytecode = std::string("\x1bLJ\x02\x00\x00", 6) + "garbage";
    auto r = host.load("scripts/templates/compiled.lua", bytecode);
    REQUIRE(!r);
    CHECK(r.error().kind == ScriptError::Kind::Forbidden);
    CHECK(r.error().file == "scripts/templates/compiled.lua");
    CHECK(r.error().message.find("bytecode") != std::string::npos);
    // And no way to make or load it from inside.
    CHECK(run_error(host, "return loadstring(string.dump(function() end))").message ==
          "undeclared global 'loadstring'");
}

TEST_CASE("sandbox-1.8 math.random and coroutines are absent") {
    ScriptHost host(short_limits());
    CHECK(run_ok(host, "return math.random == nil and math.randomseed == nil").as_boolean());
    CHECK(run_ok(host, "return math.floor(2.5) + math.max(1, 7) + math.huge - math.huge ~= 0").as_boolean());
    CHECK(run_error(host, "return coroutine.wrap").message == "undeclared global 'coroutine'");
}

TEST_CASE("sandbox-1.9 the allow-list names no forbidden capability") {
    const auto globals = sandbox_globals();
    for (const char* bad : {"io", "os", "load", "loadstring", "dofile", "loadfile", "debug", "jit", "ffi",
                            "getfenv", "setfenv", "rawget", "rawset", "collectgarbage", "newproxy", "string.dump",
                            "math.random", "coroutine", "module", "package", "print"}) {
        INFO(bad);
        CHECK(std::find(globals.begin(), globals.end(), bad) == globals.end());
    }
    for (const char* good : {"pcall", "string.find", "string.gsub", "table.sort", "math.floor", "bit.band", "text.len"})
        CHECK(std::find(globals.begin(), globals.end(), good) != globals.end());
    CHECK(std::is_sorted(globals.begin(), globals.end()));
}

TEST_CASE("sandbox-1.10 pcall and xpcall still catch ordinary errors") {
    ScriptHost host(short_limits());
    CHECK(run_ok(host, "local ok, e = pcall(error, 'boom') return tostring(ok) .. ' ' .. e").as_string() ==
          "false boom");
    CHECK(run_ok(host, "local ok, e = pcall(function() local t = nil return t.x end) return e").as_string() ==
          std::string(kScript) + ":1: attempt to index local 't' (a nil value)");
    CHECK(run_ok(host, "return select(2, pcall(function(a, b) return a + b end, 2, 3))").as_number() == 5);
    CHECK(run_ok(host, "return select(2, xpcall(function() error('x', 0) end, function(m) return 'handled ' .. m end))")
              .as_string() == "handled x");
    CHECK(run_ok(host, "return select(2, xpcall(function(a, b) return a * b end, error, 6, 7))").as_number() == 42);
    CHECK(run_ok(host, "return pcall(pcall, error, 'x')").as_boolean());
    CHECK(run_error(host, "local ok = pcall()").message.find("bad argument #1 to 'pcall'") != std::string::npos);
}

TEST_CASE("sandbox-1.11 script metamethods run normally inside the script") {
    ScriptHost host(short_limits());
    CHECK(run_ok(host, R"(
        local mt = {__tostring = function(v) return "money " .. v.n end,
                    __index = function(t, k) return k .. "!" end,
                    __add = function(a, b) return a.n + b.n end}
        local a = setmetatable({n = 1}, mt)
        local b = setmetatable({n = 2}, mt)
        return tostring(a) .. " " .. string.format("%s", b) .. " " .. a.missing .. " " .. (a + b))")
              .as_string() == "money 1 money 2 missing! 3");
}

TEST_CASE("sandbox-1.12 require loads a library of the lib folders once, read-only, and nothing else (#13)") {
    namespace fs = std::filesystem;
    char tmpl[] = "/tmp/formwork-lib-XXXXXX";
    REQUIRE(mkdtemp(tmpl));
    const fs::path dir = tmpl, lib = dir / "lib", outside = dir / "outside";
    fs::create_directories(lib);
    fs::create_directories(outside);
    auto write = [](const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; };
    write(lib / "shared.lua", "local M = {}\nM.loads = (M.loads or 0) + 1\nfunction M.twice(x) return 2 * x end\nreturn M\n");
    write(lib / "loop_a.lua", "return require 'loop_b'\n");
    write(lib / "loop_b.lua", "return require 'loop_a'\n");
    write(lib / "broken.lua", "local x = 1\nerror('broken library')\n");
    write(outside / "secret.lua", "return { secret = 42 }\n");
    fs::create_symlink(outside / "secret.lua", lib / "escape.lua");
    HostOptions options = short_limits();
    options.lib_dirs = std::vector<fs::path>{lib};
    ScriptHost host(options);

    CHECK(run_ok(host, "local s = require 'shared'\nreturn s.twice(21)").as_number() == 42);
    // Once per host: the same value, not run again.
    CHECK(run_ok(host, "return require('shared') == require('shared')").as_boolean());
    // Read-only: a script cannot change what another gets.
    CHECK(run_error(host, "local s = require 'shared'\ns.twice = nil").message.find("cannot modify library 'shared'") !=
          std::string::npos);
    CHECK(run_ok(host, "return require('shared').twice(1)").as_number() == 2);
    // Only names, only these folders.
    for (const char* name : {"../outside/secret", "outside/secret", "/etc/passwd", "a.b", ""}) {
        INFO(name);
        CHECK(run_error(host, std::string("return require '") + name + "'").message.find("not a library name") != std::string::npos);
    }
    // A link out of the folder is refused by name, not passed over.
    CHECK(run_error(host, "return require 'escape'").message.find("outside") != std::string::npos);
    CHECK(run_error(host, "return require 'missing'").message.find("no library \"missing\"") != std::string::npos);
    CHECK(run_error(host, "return require 'loop_a'").message.find("requires itself") != std::string::npos);
    // An error inside a library names the library's file and line, and does not stick.
    ScriptError e = run_error(host, "return require 'broken'");
    CHECK(e.file.find("broken.lua") != std::string::npos);
    CHECK(e.line == 2);
    CHECK(run_error(host, "return require 'broken'").message.find("broken library") != std::string::npos);
    // A library whose file changed is loaded again.
    write(lib / "shared.lua", "return { twice = function(x) return 3 * x end }\n");
    fs::last_write_time(lib / "shared.lua", fs::last_write_time(lib / "shared.lua") + std::chrono::seconds(2));
    CHECK(run_ok(host, "return require('shared').twice(1)").as_number() == 3);
    fs::remove_all(dir);
}
