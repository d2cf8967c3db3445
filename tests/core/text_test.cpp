// Tests of the UTF-8 helpers the core's parsers share: decoding (including broken input),
// width folding and trimming.
#include <catch2/catch.hpp>

#include <string>

#include "core/text.h"

using namespace formwork::text;

TEST_CASE("text-1.1 decodes and re-encodes UTF-8") {
    const std::string s = "a≥９０％　万\U0001F600";
    const std::u32string d = decode_utf8(s);
    CHECK(d == U"a≥９０％　万\U0001F600");
    CHECK(encode_utf8(d) == s);
    CHECK(decode_utf8("").empty());
}

TEST_CASE("text-1.2 broken UTF-8 becomes U+FFFD, never lost or read past the end") {
    CHECK(decode_utf8("\xff") == U"\uFFFD");
    CHECK(decode_utf8("a\x80" "b") == U"a\uFFFDb");          // stray continuation byte
    CHECK(decode_utf8("\xe4\xb8") == U"\uFFFD\uFFFD");       // truncated at the end
    CHECK(decode_utf8("\xe4" "a") == U"\uFFFDa");            // truncated before ASCII
    CHECK(decode_utf8("\xc0\xaf") == U"\uFFFD\uFFFD");       // overlong '/'
    CHECK(decode_utf8("\xed\xa0\x80") == U"\uFFFD\uFFFD\uFFFD");  // surrogate
    CHECK(decode_utf8("\xf4\x90\x80\x80").front() == U'\uFFFD');  // past U+10FFFF
}

TEST_CASE("text-1.3 folds full-width forms and trims every kind of space") {
    CHECK(fold_width(U'９') == U'9');
    CHECK(fold_width(U'．') == U'.');
    CHECK(fold_width(U'％') == U'%');
    CHECK(fold_width(U'＞') == U'>');
    CHECK(fold_width(U'／') == U'/');
    CHECK(fold_width(U'　') == U' ');
    CHECK(fold_width(U'万') == U'万');
    CHECK(fold_width(U'a') == U'a');
    CHECK(trim(U" \t\u3000\u00a0x y\u3000\n") == U"x y");
    CHECK(trim(U"\u3000\u3000").empty());
    CHECK(trim_utf8("\u3000≥95%\u3000") == "≥95%");
    CHECK(is_space(U'\u3000'));
    CHECK_FALSE(is_space(U'_'));
}

TEST_CASE("text-1.4 trim_utf8 trims valid text in place and repairs broken text as before") {
    for (const char* t : {"", " ", "\u3000\u00a0\t\n", "x", " x ", "\u3000≥95%\u3000", "\u00a0万元\u00a0 ", "a\u3000b",
                          "\v\fy\r", "\xe3\x80", " \xff x ", "\xe3\x80\x80\xe3\x80", "\xc2 \xc2\xa0"}) {
        INFO(t);
        CHECK(trim_utf8(t) == encode_utf8(trim(decode_utf8(t))));
    }
    CHECK(trim_utf8("\u3000甲 乙\u00a0") == "甲 乙");
    CHECK(trim_utf8(" \xff ") == "\uFFFD");  // repaired, as through code points
}
