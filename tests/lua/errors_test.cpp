// error-*: every failure becomes a ScriptError naming file and line, without running script
// code from the host (no __tostring on error values, no __index on results).
#include "script_test_support.h"

using namespace formwork::script;
using namespace formwork::script::test;

TEST_CASE("error-3.1 a syntax error names file and line") {
    ScriptHost host(short_limits());
    auto r = host.load("scripts/templates/nantong.lua", "return {\n  title = 'x'\n  year = 2024,\n}");
    REQUIRE(!r);
    CHECK(r.error().kind == ScriptError::Kind::Syntax);
    CHECK(r.error().file == "scripts/templates/nantong.lua");
    CHECK(r.error().line == 3);
    CHECK(r.error().message.find("near 'year'") != std::string::npos);
    CHECK(r.error().to_string().rfind("scripts/templates/nantong.lua:3: ", 0) == 0);
}

TEST_CASE("error-3.2 a runtime error names file and line") {
    ScriptHost host(short_limits());
    const ScriptError e = run_error(host, "local t = nil\nlocal x = 1\nreturn t.field", "scripts/templates/nantong.lua");
    CHECK(e.kind == ScriptError::Kind::Runtime);
    CHECK(e.to_string() == "scripts/templates/nantong.lua:3: attempt to index local 't' (a nil value)");
    CHECK(e.traceback.find("scripts/templates/nantong.lua:3: in main chunk") != std::string::npos);
}

TEST_CASE("error-3.3 an error with a table value names the line, without touching the table") {
    ScriptHost host(short_limits());
    ScriptError e = run_error(host, "local a = 1\nerror({code = 7})");
    CHECK(e.kind == ScriptError::Kind::Runtime);
    CHECK(e.line == 2);
    CHECK(e.message == "error object is a table value");
    // A __tostring that never returns is never called by the host.
    double ms = elapsed_ms([&] {
        e = run_error(host, "local v = setmetatable({}, {__tostring = function() while true do end end})\nerror(v)");
    });
    CHECK(ms < 90);
    CHECK(e.line == 2);
    CHECK(e.message == "error object is a table value");
    e = run_error(host, "local v = setmetatable({}, {__tostring = function() return 'nice' end})\nerror(v)");
    CHECK(e.message == "error object is a table value");
    CHECK(run_error(host, "error(42)").message == "42");
    CHECK(run_error(host, "error()").message == "error with a nil value");
    CHECK(run_error(host, "error(false)").message == "error with the value false");
}

TEST_CASE("error-3.4 a returned table's metamethods never run in the host") {
    ScriptHost host(short_limits());
    ScriptValue v;
    const double ms = elapsed_ms([&] {
        v = run_ok(host, R"(
            local loop = function() while true do end end
            return setmetatable({title = "x", {1}}, {__index = loop, __len = loop, __tostring = loop,
                                                     __eq = loop, __concat = loop, __pairs = loop}))");
    });
    CHECK(ms < 90);
    REQUIRE(v.is_table());
    CHECK(v.get("title")->as_string() == "x");
    CHECK(v.get("missing") == nullptr);
    CHECK(v.as_table().array.size() == 1);
}

TEST_CASE("error-3.5 long script paths are reported in full") {
    ScriptHost host(short_limits());
    const std::string path = "/home/analyst/.local/share/formwork/templates/jiangsu_provincial_project_2024.lua";
    REQUIRE(path.size() > 60);  // longer than Lua's own LUA_IDSIZE, which abbreviates
    ScriptError e = run_error(host, "local t = nil\nreturn t.x", path);
    CHECK(e.file == path);
    CHECK(e.line == 2);
    CHECK(e.message == "attempt to index local 't' (a nil value)");
    auto syntax = host.load(path, "return {\n\n,}");
    REQUIRE(!syntax);
    CHECK(syntax.error().file == path);
    CHECK(syntax.error().line == 3);
    e = run_error(host, "\nwhile true do end", path);
    CHECK(e.file == path);
    CHECK(e.line == 2);
    CHECK(e.traceback.find(path) != std::string::npos);
}

TEST_CASE("error-3.6 error levels and positionless messages") {
    ScriptHost host(short_limits());
    ScriptError e = run_error(host, "local a = 1\nerror('plain', 0)");
    CHECK(e.message == "plain");
    CHECK(e.line == 2);  // from the stack, since the message has no position
    e = run_error(host, "local function check(v)\n  if not v then error('need a value', 2) end\nend\n\ncheck(nil)");
    CHECK(e.line == 5);
    CHECK(e.message == "need a value");
}

TEST_CASE("error-3.7 the traceback lists the calls") {
    ScriptHost host(short_limits());
    const ScriptError e = run_error(host, "local function inner()\n  error('deep')\nend\n"
                                          "local function outer()\n  inner()\nend\nouter()");
    CHECK(e.line == 2);
    CHECK(e.traceback.rfind("stack traceback:", 0) == 0);
    CHECK(e.traceback.find(std::string(kScript) + ":2: in function 'inner'") != std::string::npos);
    CHECK(e.traceback.find(std::string(kScript) + ":5: in function 'outer'") != std::string::npos);
    CHECK(e.traceback.find(std::string(kScript) + ":7: in main chunk") != std::string::npos);
}

TEST_CASE("error-3.8 an error inside a function from another chunk names that chunk") {
    ScriptHost host(short_limits());
    auto lib = host.run("scripts/checks/lib.lua", "return function(x)\n  return x.amount\nend");
    REQUIRE(lib);
    auto user = host.load("scripts/checks/user.lua", "local f = ...\nlocal v = f(nil)\nreturn v");
    REQUIRE(user);
    auto r = host.call(user.value(), std::vector{lib.value()});
    REQUIRE(!r);
    CHECK(r.error().file == "scripts/checks/lib.lua");
    CHECK(r.error().line == 2);
    CHECK(r.error().traceback.find("scripts/checks/user.lua:2") != std::string::npos);
}

TEST_CASE("error-3.10 an error in a C function called in tail position names the file only") {
    // LuaJIT replaces the caller's frame on `return f(x)`, so no line is known; the error
    // still names the script rather than guessing a line.
    ScriptHost host(short_limits());
    const ScriptError e = run_error(host, "local a = 1\nreturn text.len('\\255')");
    CHECK(e.file == kScript);
    CHECK(e.line == 0);
    CHECK(e.to_string() == std::string(kScript) + ": text.len: invalid UTF-8 at byte 1");
}

TEST_CASE("error-3.9 ScriptError::to_string and kind names") {
    ScriptError e{ScriptError::Kind::Timeout, "scripts/checks/x.lua", 12, "stopped: exceeded the 200 ms time limit", {}};
    CHECK(e.to_string() == "scripts/checks/x.lua:12: stopped: exceeded the 200 ms time limit");
    e.line = 0;
    CHECK(e.to_string() == "scripts/checks/x.lua: stopped: exceeded the 200 ms time limit");
    e.file.clear();
    CHECK(e.to_string() == "stopped: exceeded the 200 ms time limit");
    CHECK(std::string(kind_name(ScriptError::Kind::BadValue)) == "bad value");
    CHECK(std::string(kind_name(ScriptError::Kind::Syntax)) == "syntax");
}
