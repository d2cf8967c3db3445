// Turning the bytes of a text file (a plain-text export, an HTML page) into UTF-8. Filings
// arrive in UTF-8, in GB18030/GBK (pages and exports made on Chinese Windows), and now and
// then in UTF-16 with a byte order mark (Notepad's "Unicode").
#pragma once

#include <string>
#include <string_view>

namespace formwork::io {

struct DecodedText {
    std::string text;      // valid UTF-8, without a byte order mark
    std::string encoding;  // what the bytes were decoded from: "UTF-8", "GB18030", "GBK", "UTF-16LE" …
};

// In order: a byte order mark (UTF-8, UTF-16LE, UTF-16BE); the `declared` charset when given
// (an HTML page's meta charset; gb2312/gbk/x-gbk decode as GB18030, their superset, as browsers
// do) if the bytes decode with it; valid UTF-8; GB18030. Throws GridError when none applies,
// and for NUL bytes in a text that is not UTF-16.
DecodedText decode_text(std::string_view bytes, std::string_view declared = {});

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s);

}  // namespace formwork::io
