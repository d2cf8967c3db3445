// UTF-8 text by characters: validation, repair, counting, slicing and trimming. The `text`
// script module exposes it (Lua's string functions count bytes, and a Chinese form's limits
// count characters); every boundary where outside text enters (script results, findings,
// JSON output, imported files) validates or repairs with it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace formwork::utf8 {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Byte offset of the first malformed sequence (overlong, surrogate, past U+10FFFF, cut
// short), or npos when the text is valid UTF-8.
std::size_t invalid_at(std::string_view text);

// The text with every malformed sequence replaced by U+FFFD (one per maximal bad run of
// bytes); `replaced` (optional) is set when anything was replaced.
std::string repair(std::string_view text, bool* replaced = nullptr);

// Appends one code point as UTF-8 (U+FFFD for a surrogate or a value past U+10FFFF).
void append(std::string& out, char32_t code_point);

// Number of characters (code points). Precondition: valid UTF-8.
std::size_t length(std::string_view text);

// Characters i..j, 1-based, negative counting from the end, like string.sub on characters.
// Precondition: valid UTF-8.
std::string_view sub(std::string_view text, long long i, long long j);

// Edit distance by characters (insertions, deletions, substitutions), for "the closest name":
// 0 for equal texts. Precondition: valid UTF-8. Stops counting at `cap` (returns cap).
std::size_t distance(std::string_view a, std::string_view b, std::size_t cap = 1000);

// Without leading and trailing white space: ASCII, no-break space, the ideographic space
// U+3000 that Chinese documents pad with, other Unicode spaces, and the invisible U+200B/U+FEFF
// that copy-paste leaves behind. Precondition: valid UTF-8.
std::string_view trim(std::string_view text);

}  // namespace formwork::utf8
