// Reading money written with units into a column's unit (see money_text.h).
#include "core/money_text.h"

#include "core/text.h"
#include "core/unit_class.h"

namespace formwork {

namespace {

struct Scale {
    std::u32string_view word;  // as written after the figure, 元 removed
    const char* unit;          // the money unit it makes
    int extra_power;           // 百万 and 千万 are 100 and 1000 万元
};

// Longer words first: 千万 before 万, 百万 before 万.
constexpr Scale kScales[] = {
    {U"千万", "万元", 3}, {U"百万", "万元", 2}, {U"亿", "亿元", 0}, {U"万", "万元", 0}, {U"千", "千元", 0}, {U"", "元", 0},
};

bool is_close_bracket(char32_t c) { return c == U')' || c == U'）'; }

}  // namespace

std::optional<MoneyReading> read_money(std::string_view text, std::string_view column_unit) {
    const std::u32string decoded = text::decode_utf8(text);
    std::u32string_view s = text::trim(decoded);
    MoneyReading r;
    // A remark in brackets after the figure: "854万(其中中央资金600万)".
    if (!s.empty() && is_close_bracket(s.back())) {
        const auto open = s.find_first_of(U"(（");
        if (open == std::u32string_view::npos || open == 0) return std::nullopt;
        r.remark = text::encode_utf8(s.substr(open));
        s = text::trim(s.substr(0, open));
    }
    if (s.empty()) return std::nullopt;
    const bool yuan = s.back() == U'元';
    if (yuan) s.remove_suffix(1);
    const Scale* scale = nullptr;
    for (const Scale& w : kScales) {
        if (!w.word.empty() && s.size() > w.word.size() && s.ends_with(w.word)) {
            scale = &w;
            s.remove_suffix(w.word.size());
            break;
        }
    }
    if (!scale && yuan) scale = &kScales[std::size(kScales) - 1];
    // The figure itself: digits, a decimal point, thousands commas, a sign; nothing else.
    for (char32_t c : s) {
        const char32_t f = text::fold_width(c);
        if (!((f >= U'0' && f <= U'9') || f == U'.' || f == U',' || f == U'-' || f == U'+')) return std::nullopt;
    }
    auto figure = Decimal::parse(text::encode_utf8(s));
    if (!figure) return std::nullopt;
    if (!scale) {
        r.value = *figure;
        return r;
    }
    Decimal amount = *figure;
    for (int i = 0; i < scale->extra_power; ++i) amount = amount * 10;
    const auto converted = convert_money(amount, scale->unit, column_unit);
    if (!converted) return std::nullopt;
    r.value = *converted;
    r.unit = text::encode_utf8(scale->word) + (yuan ? "元" : "");
    return r;
}

}  // namespace formwork
