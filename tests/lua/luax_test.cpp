// luax-*: the binding toolbox, through a probe module that exists only in this test (the
// script layer's own tests may look inside it, so this file includes Lua).
#include "script_test_support.h"

#include <stdexcept>
#include <vector>

#include "lua/host_state.h"

using namespace formwork::script;
using namespace formwork::script::test;

namespace {

struct Collector {
    std::vector<std::string> where;
    std::vector<ScriptValue> values;
    ScriptHost* host = nullptr;
};

int probe_where(lua_State* L) {
    const SourceLocation at = luax::caller_location(L);
    lua_pushstring(L, (at.file + ":" + std::to_string(at.line)).c_str());
    return 1;
}

int probe_fail(lua_State* L) {
    return luax::guarded(L, []() -> int { throw std::runtime_error("probe failure"); });
}

int probe_echo(lua_State* L) {
    return luax::guarded(L, [&] {
        const ScriptValue v = luax::to_value(L, 1, "echo's argument");
        luax::push_value(L, v);
        return 1;
    });
}

int probe_collect(lua_State* L) {
    return luax::guarded(L, [&] {
        auto* c = luax::context<Collector>(L);
        if (c == nullptr) throw std::logic_error("no collector");
        c->where.push_back(luax::caller_location(L).file + ":" + std::to_string(luax::caller_location(L).line));
        c->values.push_back(luax::to_value(L, 1));
        return 0;
    });
}

// Calls a script function back through the host (a nested call).
int probe_call(lua_State* L) {
    return luax::guarded(L, [&] {
        auto* c = luax::context<Collector>(L);
        const ScriptValue f = luax::to_value(L, 1);
        auto r = c->host->call(f.as_function());
        if (!r) throw std::runtime_error("nested: " + r.error().to_string());
        luax::push_value(L, r.value());
        return 1;
    });
}

struct Tracked {
    static inline int destroyed = 0;
    ~Tracked() { ++destroyed; }
};

int probe_unwind(lua_State* L) {
    Tracked t;
    luaL_error(L, "unwinding");
    return 0;
}

const luaL_Reg probe_functions[] = {
    {"where", probe_where}, {"fail", probe_fail},     {"echo", probe_echo},     {"collect", probe_collect},
    {"call", probe_call},   {"unwind", probe_unwind}, {nullptr, nullptr},
};

int open_probe(lua_State* L) {
    luax::new_module(L, probe_functions);
    return 1;
}

const luax::Module probe_modules[] = {{"probe", open_probe}};

ScriptHost probe_host() { return detail::HostAccess::make(short_limits(), probe_modules); }

}  // namespace

TEST_CASE("luax-9.1 a binding learns the caller's file and line") {
    ScriptHost host = probe_host();
    CHECK(run_ok(host, "local x = 1\nreturn (probe.where())", "scripts/templates/hebei.lua").as_string() ==
          "scripts/templates/hebei.lua:2");
    // A tail call leaves no caller frame in LuaJIT: the position is unknown, not wrong.
    CHECK(run_ok(host, "local x = 1\nreturn probe.where()").as_string() == ":0");
    // Called through pcall (a C function), the script line is still found.
    CHECK(run_ok(host, "\n\nreturn select(2, pcall(probe.where))").as_string() == std::string(kScript) + ":3");
    Collector c;
    host.set_context(&c);
    run_ok(host, "probe.collect({kind = 'text'})\nlocal function field(t) probe.collect(t) end\n\nfield({kind = 'money'})");
    REQUIRE(c.where.size() == 2);
    CHECK(c.where[0] == std::string(kScript) + ":1");
    CHECK(c.where[1] == std::string(kScript) + ":2");
    CHECK(c.values[1].get("kind")->as_string() == "money");
    host.set_context<Collector>(nullptr);
    CHECK(run_error(host, "probe.collect(1)").message == "no collector");
}

TEST_CASE("luax-9.2 a C++ exception in a binding becomes a Lua error at the caller's line") {
    ScriptHost host = probe_host();
    const ScriptError e = run_error(host, "local a = 1\n\nprobe.fail()");
    CHECK(e.kind == ScriptError::Kind::Runtime);
    CHECK(e.line == 3);
    CHECK(e.message == "probe failure");
    CHECK(run_ok(host, "local ok, m = pcall(probe.fail) return m").as_string() == "probe failure");
}

TEST_CASE("luax-9.3 Lua errors run the destructors of C++ frames they unwind (LuaJIT x64)") {
    // The host relies on this in its protected work (C++ objects live there); if a LuaJIT
    // build ever unwinds with longjmp instead, this test says so.
    ScriptHost host = probe_host();
    Tracked::destroyed = 0;
    CHECK(run_error(host, "probe.unwind()").message == "unwinding");
    CHECK(Tracked::destroyed == 1);
}

TEST_CASE("luax-9.4 to_value and push_value round-trip through a binding") {
    ScriptHost host = probe_host();
    const ScriptValue v = run_ok(host, "return probe.echo({1, 2, name = '预算', nested = {ok = true}})");
    CHECK(v.as_table().array.size() == 2);
    CHECK(v.get("name")->as_string() == "预算");
    CHECK(v.get("nested")->get("ok")->as_boolean());
    const ScriptError e = run_error(host, "local t = {}\nt.me = t\nprobe.echo(t)");
    CHECK(e.line == 3);
    CHECK(e.message == "echo's argument.me contains itself (a cycle)");
}

TEST_CASE("luax-9.5 a nested call from a binding shares the outer deadline") {
    ScriptHost host = probe_host();
    Collector c;
    c.host = &host;
    host.set_context(&c);
    CHECK(run_ok(host, "return probe.call(function() return 7 end)").as_number() == 7);
    Result<ScriptValue> r = ScriptValue();
    const double ms = elapsed_ms([&] { r = host.run(kScript, "local v = probe.call(function() while true do end end)\n"
                                                             "return 'escaped'"); });
    REQUIRE(!r);
    CHECK(ms < 600);
    CHECK(r.error().kind == ScriptError::Kind::Timeout);
    CHECK(r.error().line == 1);
    require_usable(host);
}

TEST_CASE("luax-9.6 the host state is found from any lua_State of the host") {
    ScriptHost host = probe_host();
    detail::HostState& h = detail::HostAccess::state(host);
    CHECK(&detail::host_of(h.L) == &h);
    CHECK(h.depth == 0);
    CHECK(!h.stop);
}
