// Which printed values are numbers, and how wide text prints (see export_layout.h).
#include <string>

#include "core/text.h"
#include "io/export_layout.h"

namespace formwork::io {

std::optional<NumberValue> number_of(std::string_view text, ValueKind kind) {
    if (kind != ValueKind::Money && kind != ValueKind::Integer && kind != ValueKind::Percent) return std::nullopt;
    std::u32string t(text::trim(text::decode_utf8(text)));
    for (char32_t& c : t) c = text::fold_width(c);
    NumberValue n;
    if (kind == ValueKind::Percent && !t.empty() && t.back() == U'%') {
        t.pop_back();
        n.percent = true;
    }
    if (t.empty()) return std::nullopt;
    // Digits, point, grouping commas and a sign only: Decimal::parse would also take a scale
    // word ("2万" = 20000), and storing 20000 would not be what was filed.
    bool after_point = false;
    for (char32_t c : t) {
        if (c == U'.') {
            after_point = true;
        } else if (c == U',') {
            n.grouped = true;
        } else if (text::is_ascii_digit(c)) {
            if (after_point) ++n.places;
        } else if (c != U'+' && c != U'-') {
            return std::nullopt;
        }
    }
    auto value = Decimal::parse(text::encode_utf8(t));
    if (!value) return std::nullopt;
    if (n.percent) {
        // 25% is stored as 0.25: two more decimals, which must still be exact.
        if (n.places + 2 > Decimal::kScale) return std::nullopt;
        value = ratio(*value, Decimal::from_int(100), Decimal::kScale);
    }
    n.value = *value;
    return n;
}

namespace {

bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000;
}

}  // namespace

int display_width(std::string_view utf8) {
    int width = 0;
    for (char32_t c : text::decode_utf8(utf8)) width += is_wide(c) ? 2 : 1;
    return width;
}

}  // namespace formwork::io
