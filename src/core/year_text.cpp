// Parsing a filed year (see year_text.h).
#include "core/year_text.h"

#include "core/text.h"

namespace formwork {

std::optional<int> parse_year(std::string_view utf8) {
    const std::u32string decoded = text::decode_utf8(utf8);
    std::u32string_view t = text::trim(decoded);
    if (!t.empty() && t.back() == U'年') t = text::trim(t.substr(0, t.size() - 1));
    if (t.size() != 4) return std::nullopt;
    int year = 0;
    for (char32_t c : t) {
        c = text::fold_width(c);
        if (!text::is_ascii_digit(c)) return std::nullopt;
        year = year * 10 + static_cast<int>(c - U'0');
    }
    return year;
}

}  // namespace formwork
