// text-*: the UTF-8 helpers of core/utf8.h (the `text` script module and every boundary where
// outside text enters use them).
#include <catch2/catch.hpp>

#include "core/utf8.h"

using namespace formwork;

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

TEST_CASE("text-6.4 repair replaces each malformed run with one U+FFFD") {
    bool replaced = true;
    CHECK(utf8::repair("预算", &replaced) == "预算");
    CHECK_FALSE(replaced);
    CHECK(utf8::repair("a\xff\xfe" "b", &replaced) == "a\xef\xbf\xbd" "b");
    CHECK(replaced);
    CHECK(utf8::repair("\xe9\xa2") == "\xef\xbf\xbd");            // cut short at the end
    CHECK(utf8::repair("x\xed\xa0\x80y") == "x\xef\xbf\xbdy");   // a surrogate
    CHECK(utf8::repair("\xc0\x80") == "\xef\xbf\xbd");            // overlong NUL
    const std::string fixed = utf8::repair(std::string("\x80\x80预\xff算\xe9"));
    CHECK(utf8::invalid_at(fixed) == utf8::npos);
    CHECK(fixed == "\xef\xbf\xbd预\xef\xbf\xbd算\xef\xbf\xbd");
}

TEST_CASE("text-6.5 distance counts characters, not bytes") {
    CHECK(utf8::distance("满意度", "满意度") == 0);
    CHECK(utf8::distance("群众满意度", "服务对象满意度") == 4);
    CHECK(utf8::distance("", "预算") == 2);
    CHECK(utf8::distance("abc", "abd") == 1);
    CHECK(utf8::distance("预算执行率", "预算执行率%", 100) == 1);
    CHECK(utf8::distance(std::string(50, 'a'), "", 10) == 10);  // capped
}
