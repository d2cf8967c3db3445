// Exact decimal numbers for money and quantities: no floating point anywhere.
//
// A Decimal is a signed int64 count of millionths (kScale = 6 fractional digits). Why 6:
// amounts are filed in 万元 (10,000 yuan) and must stay exact down to 0.01 yuan, which is
// 0.000001 万元. Why int64: its range, ±9,223,372,036,854.775807, is ±9.2 × 10^16 yuan when
// the unit is 万元 and still 9.2 × 10^12 when counting single items (1.4亿 = 1.4 × 10^8), far
// beyond any budget or target, and int64 arithmetic is fast enough to check 100,000 filings.
// Intermediate products (multiplication, ratios) use GCC's __int128, so only the final result
// has to fit.
//
// Every operation is exact or fails loudly: parsing never rounds (a text with more precision
// than 6 fractional digits is rejected), arithmetic that leaves the range throws
// DecimalOverflow, and rounding happens only where asked for (ratio, round_half_even).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace formwork {

// Thrown when a result does not fit; the message names the operation and its operands.
class DecimalOverflow : public std::overflow_error {
public:
    using std::overflow_error::overflow_error;
};

class Decimal {
public:
    static constexpr int kScale = 6;                      // fractional digits
    static constexpr std::int64_t kUnitsPerOne = 1000000;  // 10^kScale

    constexpr Decimal() = default;  // zero

    // Parses a number as people type it in a form. Accepts:
    //   18   1.5   -3   +2   0.36   1,239.92 (ASCII thousands commas, groups of three)
    //   full-width digits ０-９, full-width point ．, full-width signs ＋ －
    //   surrounding ASCII spaces, tabs, no-break and full-width (U+3000) spaces
    //   one trailing scale word: 千 (10^3), 万 (10^4), 百万 (10^6), 千万 (10^7), 亿 (10^8)
    // Rejects (nullopt, and an English reason in *error): empty text, anything else around
    // the number, a full-width comma (in Chinese text it is a list separator or a mistyped
    // point, so a guess either way could be wrong), malformed grouping ("1,23"), a point
    // without digits on both sides, more than 6 fractional digits after scaling (trailing
    // zeros do not count: "1.50000000" is fine), and values outside the range.
    static std::optional<Decimal> parse(std::string_view text, std::string* error = nullptr);

    static Decimal from_int(std::int64_t whole);  // throws DecimalOverflow beyond ±9.2 × 10^12
    static constexpr Decimal from_units(std::int64_t units) { return Decimal(units); }

    constexpr std::int64_t units() const { return units_; }
    constexpr bool is_zero() const { return units_ == 0; }
    constexpr bool is_negative() const { return units_ < 0; }

    // Shortest exact text: "18", "9.5", "0.75", "-0.000001"; never an exponent or a trailing
    // zero, never grouping commas (so that the text parses back to the same value).
    std::string to_string() const;

    Decimal operator-() const;  // throws DecimalOverflow for the one value without a negation
    Decimal& operator+=(Decimal other);
    Decimal& operator-=(Decimal other);

    friend Decimal operator+(Decimal a, Decimal b);
    friend Decimal operator-(Decimal a, Decimal b);
    friend Decimal operator*(Decimal a, std::int64_t factor);
    friend Decimal operator*(std::int64_t factor, Decimal a) { return a * factor; }

    friend constexpr auto operator<=>(const Decimal&, const Decimal&) = default;
    friend constexpr bool operator==(const Decimal&, const Decimal&) = default;

private:
    constexpr explicit Decimal(std::int64_t units) : units_(units) {}

    std::int64_t units_ = 0;
};

// Non-throwing forms of the arithmetic: nullopt when the result does not fit.
std::optional<Decimal> checked_add(Decimal a, Decimal b);
std::optional<Decimal> checked_sub(Decimal a, Decimal b);
std::optional<Decimal> checked_mul(Decimal a, std::int64_t factor);

// a / b rounded half-even to `places` fractional digits (0..6), computed in one step so
// that nothing is rounded twice. Throws std::domain_error when b is zero,
// std::invalid_argument for places outside 0..6, DecimalOverflow when the result does not fit.
Decimal ratio(Decimal a, Decimal b, int places);

// 100 × part / whole rounded half-even to `places` digits: the share as a percentage,
// e.g. percent(121.05, 269, 2) = 45. Same errors as ratio.
Decimal percent(Decimal part, Decimal whole, int places);

// x rounded half-even to `places` fractional digits (0..6). Throws std::invalid_argument for
// places outside 0..6 and DecimalOverflow if rounding up leaves the range.
Decimal round_half_even(Decimal x, int places);

}  // namespace formwork
