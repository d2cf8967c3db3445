// text-*: the UTF-8 helpers and the `text` module built on them; bind-*: the module list.
#include "script_test_support.h"

#include "script/modules.h"
#include "script/text_utf8.h"

using namespace formwork::script;
using namespace formwork::script::test;

TEST_CASE("bind-5.1 the bound modules and their functions") {
    const auto modules = bound_modules();
    REQUIRE(modules.size() == 3);
    CHECK(modules[0].name == "form");
    CHECK(modules[1].name == "text");
    CHECK(modules[1].functions == std::vector<std::string>{"len", "sub", "trim", "valid"});
    CHECK(modules[2].name == "check");
}

TEST_CASE("text-6.1 utf8 validity") {
    CHECK(utf8::invalid_at("预算绩效 abc") == utf8::npos);
    CHECK(utf8::invalid_at("") == utf8::npos);
    CHECK(utf8::invalid_at("ab\xff") == 2);
    CHECK(utf8::invalid_at("\xc0\x80") == 0);          // overlong NUL
    CHECK(utf8::invalid_at("x\xed\xa0\x80") == 1);     // surrogate
    CHECK(utf8::invalid_at("\xf4\x90\x80\x80") == 0);  // past U+10FFFF
    CHECK(utf8::invalid_at("\xe9\xa2") == 0);          // cut short
    CHECK(utf8::invalid_at("\xf0\x9f\x98\x80") == utf8::npos);
}

TEST_CASE("text-6.2 utf8 length, sub and trim") {
    CHECK(utf8::length("预算绩效") == 4);
    CHECK(utf8::length("a预b") == 3);
    CHECK(utf8::sub("预算绩效目标", 2, 3) == "算绩");
    CHECK(utf8::sub("预算绩效目标", -2, -1) == "目标");
    CHECK(utf8::sub("预算绩效目标", 5, 100) == "目标");
    CHECK(utf8::sub("预算绩效目标", 0, 1) == "预");
    CHECK(utf8::sub("预算", 3, 2).empty());
    CHECK(utf8::sub("预算", -100, 1) == "预");
    CHECK(utf8::trim("\xe3\x80\x80 预算 \xe3\x80\x80\t") == "预算");
    CHECK(utf8::trim("\xef\xbb\xbf\xc2\xa0x y\xe2\x80\x8b") == "x y");
    CHECK(utf8::trim("   ").empty());
    CHECK(utf8::trim("无空格") == "无空格");
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
