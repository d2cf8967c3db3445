// SpecIndex's helpers: normalize_category, which works on the bytes of valid text, answers as
// decoding every character would.
#include <catch2/catch.hpp>

#include "checks/spec_index.h"
#include "core/text.h"

using namespace formwork;

namespace {

// What normalize_category means: spaces dropped, full-width forms folded, character by character.
std::string by_characters(std::string_view name) {
    std::u32string out;
    for (char32_t c : text::decode_utf8(name))
        if (!text::is_space(c)) out.push_back(text::fold_width(c));
    return text::encode_utf8(out);
}

}  // namespace

TEST_CASE("normalize_category: byte by byte as character by character", "[checks][spec_index]") {
    const char* names[] = {
        "", "产出指标", "满意度指标", "服务对象满意度指标", "abc", "Output",       // already normal
        " 产出指标 ", "产出\t指标", "产出\n指标", "产出\v\f\r指标",              // ASCII spaces
        "产出\xC2\xA0指标", "\xC2\xA9 2026",                                  // U+00A0; U+00A9 kept
        "产出\xE3\x80\x80指标", "一、产出指标", "《办法》",                   // U+3000; U+3001, 《》 kept
        "（一）产出指标", "ＡＢＣ１２３", "\xEF\xBD\x9E", "\xEF\xBD\x9F", "\xEF\xBC\x80",  // full-width forms; U+FF5F, U+FF00 kept
        "产出\xFF指标", "\xE4\xBA", "\xC0\xAF", "\xED\xA0\x80",                 // invalid bytes
        "😀指标", "\xF0\x9F\x98",                                                // 4-byte, truncated
    };
    for (const char* n : names) {
        INFO("name: " << n);
        CHECK(script::normalize_category(n) == by_characters(n));
    }
    CHECK(script::normalize_category(" 产出\xE3\x80\x80指标 ") == "产出指标");
    CHECK(script::normalize_category("ＡＢＣ") == "ABC");
}
