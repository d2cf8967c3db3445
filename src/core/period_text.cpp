// Splitting a printed period into start and end (see period_text.h).
#include "core/period_text.h"

#include "core/text.h"

namespace formwork {

namespace {

// The year a part of a period begins with (four digits), or 0.
int leading_year(std::u32string_view s) {
    if (s.size() < 4) return 0;
    int year = 0;
    for (int i = 0; i < 4; ++i) {
        const char32_t c = text::fold_width(s[i]);
        if (c < U'0' || c > U'9') return 0;
        year = year * 10 + static_cast<int>(c - U'0');
    }
    if (s.size() > 4) {
        const char32_t next = text::fold_width(s[4]);
        if (next >= U'0' && next <= U'9') return 0;  // five digits: not a year
    }
    return year >= 1900 && year <= 2200 ? year : 0;
}

bool is_dash(char32_t c) {
    return c == U'-' || c == U'－' || c == U'—' || c == U'–' || c == U'~' || c == U'～' || c == U'至' || c == U'到';
}

// The parts on either side of the dash run at [at, after), when they make a period.
std::optional<PeriodParts> parts_at(std::u32string_view s, std::size_t at, std::size_t after) {
    const std::u32string_view left = text::trim(s.substr(0, at));
    const std::u32string_view right = text::trim(s.substr(after));
    const int start_year = leading_year(left);
    if (start_year == 0 || right.empty()) return std::nullopt;
    PeriodParts p;
    p.start = text::encode_utf8(left);
    p.start_year = start_year;
    p.end_year = leading_year(right);
    if (p.end_year != 0) {
        p.end = text::encode_utf8(right);
    } else {
        // "2023年1月-12月": the end is in the start's year.
        const char32_t first = text::fold_width(right.front());
        if (first < U'0' || first > U'9') return std::nullopt;
        const std::size_t year_mark = left.find(U'年');
        if (year_mark == std::u32string_view::npos) return std::nullopt;
        p.end = text::encode_utf8(left.substr(0, year_mark + 1)) + text::encode_utf8(right);
        p.end_year = start_year;
    }
    if (p.end_year < p.start_year) return std::nullopt;
    return p;
}

}  // namespace

std::optional<PeriodParts> split_period(std::string_view text) {
    const std::u32string decoded = text::decode_utf8(text);
    const std::u32string_view s = text::trim(decoded);
    // The separator is the first run of dashes (or 至/到) with a period on both sides, so the
    // hyphens inside dates ("2023-01-01—2023-12-31") are passed over.
    for (std::size_t at = 1; at < s.size(); ++at) {
        if (!is_dash(s[at])) continue;
        std::size_t after = at;
        while (after < s.size() && is_dash(s[after])) ++after;
        if (auto p = parts_at(s, at, after)) return p;
        at = after;
    }
    return std::nullopt;
}

}  // namespace formwork
