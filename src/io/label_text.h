// How the importer compares printed labels: two spellings that differ only in bracket or colon
// width, spaces, line breaks inside the label, a trailing colon, a leading "其中：" (of which) or
// a word-processor bookmark are the same label, so templates need few aliases.
#pragma once

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

}  // namespace formwork::io
