// UTF-8 text by characters, for the `text` script module: Lua's string functions count bytes,
// and a Chinese form's limits ("at most 200 characters") count characters.
// Plain C++, no Lua.
#pragma once

#include <cstddef>
#include <string_view>

namespace formwork::script::utf8 {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

// Byte offset of the first malformed sequence (overlong, surrogate, past U+10FFFF, cut
// short), or npos when the text is valid UTF-8.
std::size_t invalid_at(std::string_view text);

// Number of characters (code points). Precondition: valid UTF-8.
std::size_t length(std::string_view text);

// Characters i..j, 1-based, negative counting from the end, like string.sub on characters.
// Precondition: valid UTF-8.
std::string_view sub(std::string_view text, long long i, long long j);

// Without leading and trailing white space: ASCII, no-break space, the ideographic space
// U+3000 that Chinese documents pad with, other Unicode spaces, and the invisible U+200B/U+FEFF
// that copy-paste leaves behind. Precondition: valid UTF-8.
std::string_view trim(std::string_view text);

}  // namespace formwork::script::utf8
