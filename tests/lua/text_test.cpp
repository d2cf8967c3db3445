// text-*: the `text` module (built on core/utf8.h); bind-*: the module list.
#include "script_test_support.h"

#include "lua/modules.h"

using namespace formwork::script;
using namespace formwork::script::test;

TEST_CASE("bind-5.1 the bound modules and their functions") {
    const auto modules = bound_modules();
    REQUIRE(modules.size() == 3);
    CHECK(modules[0].name == "form");
    CHECK(modules[1].name == "text");
    CHECK(modules[1].functions == std::vector<std::string>{"distance", "len", "sub", "trim", "valid"});
    CHECK(modules[2].name == "check");
}

TEST_CASE("text-6.3 the text module in scripts") {
    ScriptHost host(short_limits());
    CHECK(run_ok(host, "return text.len('预算绩效目标')").as_number() == 6);
    CHECK(run_ok(host, "return text.sub('预算绩效目标', 3)").as_string() == "绩效目标");
    CHECK(run_ok(host, "return text.trim('\\227\\128\\128 项目名称 ')").as_string() == "项目名称");
    CHECK(!run_ok(host, "return text.valid('\\255')").as_boolean());
    const ScriptError e = run_error(host, "local s = 'ok'\nlocal n = text.len('ab\\255')\nreturn n");
    CHECK(e.kind == ScriptError::Kind::Runtime);
    CHECK(e.line == 2);
    CHECK(e.message == "text.len: invalid UTF-8 at byte 3");
    CHECK(run_error(host, "local n = text.len()").message.find("bad argument #1 to 'len'") != std::string::npos);
    CHECK(run_ok(host, "return select(2, pcall(text.sub, '\\255'))").as_string() == "text.sub: invalid UTF-8 at byte 1");
}
