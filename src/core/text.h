// Small UTF-8 helpers shared by the core's parsers (Decimal, target values): decoding to code
// points, folding full-width forms to ASCII, and trimming the spaces that filed text carries
// (ASCII, no-break and the full-width U+3000 that Chinese documents pad cells with).
#pragma once

#include <string>
#include <string_view>

namespace formwork::text {

// Invalid UTF-8 bytes decode to U+FFFD, so that a parser sees "some unknown character"
// instead of silently losing bytes.
std::u32string decode_utf8(std::string_view utf8);
std::string encode_utf8(std::u32string_view text);

bool is_space(char32_t c);
std::u32string_view trim(std::u32string_view text);
std::string trim_utf8(std::string_view utf8);  // trims and re-encodes; invalid bytes become U+FFFD

// Full-width ASCII forms (U+FF01..U+FF5E, e.g. ０ ． ％ ／ ＞) become their ASCII twins and
// U+3000 becomes ' '; every other character is returned unchanged.
char32_t fold_width(char32_t c);

inline bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

}  // namespace formwork::text
