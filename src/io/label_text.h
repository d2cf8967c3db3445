// How the importer compares printed labels: two spellings that differ only in bracket or colon
// width, spaces, line breaks inside the label, a trailing colon, a leading "其中：" (of which) or
// a word-processor bookmark are the same label, so templates need few aliases.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace formwork::io {

// The comparison form of a label: full-width ASCII forms folded ("（" → "(", "：" → ":"),
// every space and line break dropped, "[bookmark: …]" anchors dropped, question marks and
// U+FFFD dropped (characters a copy lost), a leading "其中:" and trailing colons stripped.
// "项目资金 （万元）" and "项目资金(万元)" give the same key.
std::string normalize_label(std::string_view text);

// The text without "[bookmark: …]" anchors that document converters leave before headings,
// trimmed; otherwise as printed (for patterns and stored values).
std::string strip_bookmarks(std::string_view text);

// The byte length of the space at `i` of `s` (ASCII whitespace, U+3000, U+00A0), or 0. Asked
// for every byte of every cell of an import, so it looks at the lead byte first.
inline std::size_t space_at(std::string_view s, std::size_t i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
    if (c == '\xE3') return s.size() - i >= 3 && s[i + 1] == '\x80' && s[i + 2] == '\x80' ? 3 : 0;
    if (c == '\xC2') return s.size() - i >= 2 && s[i + 1] == '\xA0' ? 2 : 0;
    return 0;
}

// The byte length of the colon at `i` (1 for ':', 3 for '：'), or 0.
inline std::size_t colon_at(std::string_view s, std::size_t i) {
    const char c = s[i];
    if (c == ':') return 1;
    if (c == '\xEF') return s.size() - i >= 3 && s[i + 1] == '\xBC' && s[i + 2] == '\x9A' ? 3 : 0;
    return 0;
}

}  // namespace formwork::io
