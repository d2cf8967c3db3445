// The cell-text cleaning every office reader applies (clean_cell() in text_grid.h), with a fast
// path: most cells are one line with nothing to trim or untag, and clean_cell would return them
// unchanged, so they are copied as they are (the xlsx import of thousands of filings is
// dominated by this otherwise).
#pragma once

#include <string>
#include <string_view>

#include "io/text_grid.h"

namespace formwork::io {

inline bool cell_needs_cleaning(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s)  // (find_first_of would call memchr once per character)
        if (c == '<' || c == '\n' || c == '\r') return true;
    // clean_cell trims ASCII space and tab, U+3000 (E3 80 80) and U+00A0 (C2 A0) at the ends.
    const char first = s.front(), last = s.back();
    if (first == ' ' || first == '\t' || last == ' ' || last == '\t') return true;
    if (s.substr(0, 3) == "\xE3\x80\x80" || s.substr(0, 2) == "\xC2\xA0") return true;
    return (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") || (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0");
}

inline std::string tidy_cell(std::string_view raw) {
    return cell_needs_cleaning(raw) ? clean_cell(raw) : std::string(raw);
}

}  // namespace formwork::io
