// value-*: converting what scripts return, passing values in, and function handles.
#include "script_test_support.h"

using namespace formwork::script;
using namespace formwork::script::test;

TEST_CASE("value-4.1 scalars") {
    ScriptHost host(short_limits());
    CHECK(run_ok(host, "return nil").is_nil());
    CHECK(run_ok(host, "return").is_nil());
    CHECK(run_ok(host, "return true").as_boolean());
    CHECK(run_ok(host, "return '预算绩效'").as_string() == "预算绩效");
    CHECK(run_ok(host, "return 'a\\0b'").as_string() == std::string("a\0b", 3));
    const ScriptValue n = run_ok(host, "return 42");
    CHECK(n.is_integer());
    CHECK(n.as_integer() == 42);
    CHECK(!run_ok(host, "return 1.5").is_integer());
    CHECK(!run_ok(host, "return 2^60").is_integer());
    CHECK(!run_ok(host, "return 0/0").is_integer());
    CHECK(run_ok(host, "return -2^53").as_integer() == -9007199254740992LL);
    CHECK(run_ok(host, "return 1, 2, 3").as_number() == 1);  // the first value
}

TEST_CASE("value-4.2 tables keep an array part and fields in a stable order") {
    ScriptHost host(short_limits());
    const ScriptValue v = run_ok(host, R"(
        return {"a", "b", "c", zeta = 1, alpha = {x = true}, [10] = "ten", [0.5] = "half", [-1] = "neg", [5] = "five"})");
    REQUIRE(v.is_table());
    const ScriptTable& t = v.as_table();
    REQUIRE(t.array.size() == 3);
    CHECK(t.array[2].as_string() == "c");
    CHECK(v.at(1)->as_string() == "a");
    CHECK(v.at(4) == nullptr);
    REQUIRE(t.fields.size() == 6);
    CHECK(t.fields[0].first.as_number() == -1);
    CHECK(t.fields[1].first.as_number() == 0.5);
    CHECK(t.fields[2].first.as_number() == 5);
    CHECK(t.fields[3].first.as_number() == 10);
    CHECK(t.fields[4].first.as_string() == "alpha");
    CHECK(t.fields[5].first.as_string() == "zeta");
    CHECK(v.get("alpha")->get("x")->as_boolean());
    CHECK(t.find(10.0)->as_string() == "ten");
    CHECK(t.find(2.0)->as_string() == "b");
    // A hole ends the array part; what follows is kept as numbered fields.
    const ScriptValue holes = run_ok(host, "return {1, 2, nil, 4}");
    CHECK(holes.as_table().array.size() == 2);
    CHECK(holes.as_table().find(4.0)->as_number() == 4);
}

TEST_CASE("value-4.3 cycles, depth, size and unsupported keys are BadValue errors with a path") {
    ScriptHost host(short_limits());
    ScriptError e = run_error(host, "local t = {blocks = {{}}}\nt.blocks[1].parent = t\nreturn t\n");
    CHECK(e.kind == ScriptError::Kind::BadValue);
    CHECK(e.file == kScript);
    CHECK(e.line == 3);  // the chunk's last line: where a template's `return` is
    CHECK(e.message == "the returned value.blocks[1].parent contains itself (a cycle)");
    // Shared (not cyclic) tables are fine.
    CHECK(run_ok(host, "local s = {1} return {s, s, {s}}").as_table().array.size() == 3);
    e = run_error(host, "local t = {} local c = t for i = 1, 100 do c.next = {} c = c.next end return t");
    CHECK(e.message.find("is nested deeper than 64 levels") != std::string::npos);
    e = run_error(host, "local t = {} for i = 1, 300000 do t[i] = i end return t");
    CHECK(e.message == "the returned value[200000] has more than 200000 values");
    e = run_error(host, "return {[true] = 1}");
    CHECK(e.message == "the returned value has a key of type boolean (only string and number keys are supported)");
    e = run_error(host, "return {[{}] = 1}");
    CHECK(e.kind == ScriptError::Kind::BadValue);
    require_usable(host);
}

TEST_CASE("value-4.4 functions come back as handles that can be called later") {
    ScriptHost host(short_limits());
    const ScriptValue v = run_ok(host, "local base = 10\nreturn {check = function(x, t)\n  return base + x + t.n\nend}");
    const ScriptValue* check = v.get("check");
    REQUIRE(check != nullptr);
    REQUIRE(check->is_function());
    CHECK(check->as_function().file() == kScript);
    CHECK(check->as_function().first_line() == 2);
    CHECK(check->as_function().last_line() == 4);
    ScriptTable arg;
    arg.set("n", ScriptValue::number(100));
    auto r = host.call(check->as_function(), std::vector{ScriptValue::number(5), ScriptValue::table(arg)});
    REQUIRE(r);
    CHECK(r.value().as_number() == 115);
}

TEST_CASE("value-4.5 C++ values reach scripts as tables") {
    ScriptHost host(short_limits());
    ScriptTable row;
    row.array = {ScriptValue::number(1.5), ScriptValue::number(2.5)};
    row.set("name", ScriptValue::string("绩效"));
    row.set("ok", ScriptValue::boolean(true));
    ScriptTable doc;
    doc.set("rows", ScriptValue::table(ScriptTable{{ScriptValue::table(row), ScriptValue::table(row)}, {}}));
    auto chunk = host.load(kScript, R"(
        local doc = ...
        local sum = 0
        for _, r in ipairs(doc.rows) do sum = sum + r[1] + r[2] end
        return {sum = sum, name = doc.rows[2].name, ok = doc.rows[1].ok, count = #doc.rows})");
    REQUIRE(chunk);
    auto r = host.call(chunk.value(), std::vector{ScriptValue::table(doc)});
    REQUIRE(r);
    CHECK(r.value().get("sum")->as_number() == 8);
    CHECK(r.value().get("name")->as_string() == "绩效");
    CHECK(r.value().get("ok")->as_boolean());
    CHECK(r.value().get("count")->as_number() == 2);
}

TEST_CASE("value-4.6 function handles belong to their host") {
    FunctionRef f;
    {
        ScriptHost first(short_limits());
        f = run_ok(first, "return function() return 1 end").as_function();
        ScriptHost second(short_limits());
        auto r = second.call(f);
        REQUIRE(!r);
        CHECK(r.error().kind == ScriptError::Kind::BadValue);
        auto passed = second.run(kScript, "return function(g) return g end");
        REQUIRE(passed);
        auto r2 = second.call(passed.value().as_function(), std::vector{ScriptValue::function(f)});
        REQUIRE(!r2);
        CHECK(r2.error().message.find("another script host") != std::string::npos);
    }
    // The host is gone: the handle is inert, not dangling.
    CHECK(f.valid());
    ScriptHost third(short_limits());
    CHECK(!third.call(f));
    CHECK(!third.call(FunctionRef{}));
}

TEST_CASE("value-4.7 dropped handles are released") {
    ScriptHost host(short_limits());
    run_ok(host, "return 1");
    host.collect_garbage();
    const std::size_t before = host.memory_used();
    for (int i = 0; i < 2000; ++i) {
        auto chunk = host.load(kScript, "return {f = function() end, s = string.rep('x', 1000)}");
        REQUIRE(chunk);
        REQUIRE(host.call(chunk.value()));
    }
    host.collect_garbage();
    CHECK(host.memory_used() < before + (std::size_t{1} << 20));
}

TEST_CASE("value-4.8 ScriptTable lookups and ordered insertion") {
    ScriptTable t;
    t.set("b", ScriptValue::number(2));
    t.set("a", ScriptValue::number(1));
    t.set(3.0, ScriptValue::string("three"));
    t.set("b", ScriptValue::number(20));
    REQUIRE(t.fields.size() == 3);
    CHECK(t.fields[0].first.as_number() == 3);
    CHECK(t.fields[1].first.as_string() == "a");
    CHECK(t.find("b")->as_number() == 20);
    CHECK(t.find("c") == nullptr);
    CHECK(t.find(3.0)->as_string() == "three");
    CHECK(ScriptValue::table(t).get("a")->as_number() == 1);
    CHECK(ScriptValue::string("x").get("a") == nullptr);
}
