// Exact fixed-point decimals (see decimal.h): parsing, formatting, checked arithmetic and
// half-even rounding. Integer arithmetic only; __int128 holds intermediate products.
#include "core/decimal.h"

#include <limits>

#include "core/text.h"

namespace formwork {

namespace {

using u128 = unsigned __int128;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
// Largest magnitude a negative value may have: 2^63 (INT64_MIN has no positive twin).
constexpr u128 kNegativeLimit = static_cast<u128>(kMax) + 1;
// Past this a mantissa cannot fit whatever the exponent; stop accumulating to avoid wrapping.
constexpr u128 kMantissaCap = static_cast<u128>(1) << 100;

u128 pow10(int n) {
    u128 r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

u128 magnitude(std::int64_t v) {
    return v < 0 ? static_cast<u128>(-(v + 1)) + 1 : static_cast<u128>(v);
}

// The signed value of sign × mag, or nullopt when it is outside int64.
std::optional<std::int64_t> to_signed(u128 mag, bool negative) {
    if (negative) {
        if (mag > kNegativeLimit) return std::nullopt;
        if (mag == kNegativeLimit) return std::numeric_limits<std::int64_t>::min();
        return -static_cast<std::int64_t>(mag);
    }
    if (mag > static_cast<u128>(kMax)) return std::nullopt;
    return static_cast<std::int64_t>(mag);
}

// n / d rounded half-even (ties go to the even neighbour), on magnitudes; d > 0.
u128 divide_half_even(u128 n, u128 d) {
    u128 q = n / d;
    const u128 r = n % d;
    const u128 twice = r * 2;  // r < d ≤ 2^63, so this cannot wrap
    if (twice > d || (twice == d && (q & 1) != 0)) ++q;
    return q;
}

void check_places(int places, const char* what) {
    if (places < 0 || places > Decimal::kScale) {
        throw std::invalid_argument(std::string(what) + ": places must be 0.." +
                                    std::to_string(Decimal::kScale) + ", got " + std::to_string(places));
    }
}

[[noreturn]] void overflow(const std::string& expression) {
    throw DecimalOverflow("decimal overflow: " + expression + " does not fit in ±9223372036854.775807");
}

struct ScaleWord {
    std::u32string_view word;
    int power;
};

// Two-character words first: 千万 must not be read as a number "3千" followed by 万.
constexpr ScaleWord kScaleWords[] = {
    {U"百万", 6}, {U"千万", 7}, {U"千", 3}, {U"万", 4}, {U"亿", 8},
};

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view utf8, std::string* error) {
    auto fail = [&](const std::string& why) -> std::optional<Decimal> {
        if (error) *error = "\"" + std::string(utf8) + "\" is not a number: " + why;
        return std::nullopt;
    };

    const std::u32string decoded = text::decode_utf8(utf8);
    std::u32string_view s = text::trim(decoded);
    if (s.empty()) return fail("the text is empty");

    int scale = 0;
    for (const ScaleWord& w : kScaleWords) {
        if (s.size() > w.word.size() && s.ends_with(w.word)) {
            scale = w.power;
            s.remove_suffix(w.word.size());
            break;
        }
        if (s == w.word) return fail("a scale word needs a number before it");
    }

    bool negative = false;
    if (!s.empty() && (text::fold_width(s.front()) == U'-' || text::fold_width(s.front()) == U'+')) {
        negative = text::fold_width(s.front()) == U'-';
        s.remove_prefix(1);
    }

    u128 mantissa = 0;
    bool too_big = false;
    int int_digits = 0;
    int frac_digits = 0;     // fractional digits taken into the mantissa
    int pending_zeros = 0;   // fractional zeros not yet taken (trailing zeros never count)
    bool seen_point = false;
    bool grouped = false;    // a thousands comma has been seen
    int run = 0;             // digits since the last comma (or the start)

    auto push_digit = [&](int d, int count) {  // mantissa = mantissa × 10^count + d
        if (too_big) return;
        for (int i = 0; i < count; ++i) {
            mantissa *= 10;
            if (mantissa > kMantissaCap) {
                too_big = true;
                return;
            }
        }
        mantissa += static_cast<unsigned>(d);
    };

    for (char32_t raw : s) {
        const char32_t c = text::fold_width(raw);
        if (text::is_ascii_digit(c)) {
            const int d = static_cast<int>(c - U'0');
            if (!seen_point) {
                push_digit(d, 1);
                ++int_digits;
                ++run;
            } else if (d == 0) {
                ++pending_zeros;
            } else {
                push_digit(d, pending_zeros + 1);
                frac_digits += pending_zeros + 1;
                pending_zeros = 0;
            }
        } else if (raw == U',') {
            if (seen_point) return fail("a thousands comma after the decimal point");
            if (run == 0 || (grouped && run != 3) || (!grouped && run > 3)) {
                return fail("thousands commas must separate groups of three digits");
            }
            grouped = true;
            run = 0;
        } else if (c == U',') {  // the full-width comma folds to ',' but is not accepted
            return fail("a full-width comma is ambiguous (list separator or mistyped decimal point)");
        } else if (c == U'.') {
            if (seen_point) return fail("more than one decimal point");
            if (int_digits == 0) return fail("a decimal point needs a digit before it");
            if (grouped && run != 3) return fail("thousands commas must separate groups of three digits");
            seen_point = true;
        } else {
            return fail("unexpected character '" + text::encode_utf8(std::u32string(1, raw)) + "'");
        }
    }
    if (int_digits == 0) return fail("no digits");
    if (seen_point && frac_digits == 0 && pending_zeros == 0) {
        return fail("a decimal point needs a digit after it");
    }
    if (!seen_point && grouped && run != 3) {
        return fail("thousands commas must separate groups of three digits");
    }

    const int exponent = scale + kScale - frac_digits;  // units = mantissa × 10^exponent
    if (exponent < 0) {
        return fail("more than " + std::to_string(kScale) +
                    " fractional digits; it would have to be rounded");
    }
    const u128 limit = negative ? kNegativeLimit : static_cast<u128>(kMax);
    if (too_big || mantissa > limit) return fail("out of range (beyond ±9223372036854.775807)");
    const u128 mag = mantissa * pow10(exponent);  // mantissa ≤ 2^63, 10^exponent ≤ 10^14
    const auto units = to_signed(mag, negative);
    if (!units) return fail("out of range (beyond ±9223372036854.775807)");
    return Decimal(*units);
}

Decimal Decimal::from_int(std::int64_t whole) {
    std::int64_t units = 0;
    if (__builtin_mul_overflow(whole, kUnitsPerOne, &units)) overflow("integer " + std::to_string(whole));
    return Decimal(units);
}

std::string Decimal::to_string() const {
    const u128 mag = magnitude(units_);
    const auto whole = static_cast<std::uint64_t>(mag / kUnitsPerOne);
    auto frac = static_cast<std::uint64_t>(mag % kUnitsPerOne);
    std::string out = units_ < 0 ? "-" : "";
    out += std::to_string(whole);
    if (frac != 0) {
        std::string digits(kScale, '0');
        for (int i = kScale - 1; i >= 0; --i) {
            digits[static_cast<std::size_t>(i)] = static_cast<char>('0' + frac % 10);
            frac /= 10;
        }
        while (digits.back() == '0') digits.pop_back();
        out += '.';
        out += digits;
    }
    return out;
}

Decimal Decimal::operator-() const {
    if (units_ == std::numeric_limits<std::int64_t>::min()) overflow("-(" + to_string() + ")");
    return Decimal(-units_);
}

Decimal& Decimal::operator+=(Decimal other) { return *this = *this + other; }
Decimal& Decimal::operator-=(Decimal other) { return *this = *this - other; }

std::optional<Decimal> checked_add(Decimal a, Decimal b) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a.units(), b.units(), &r)) return std::nullopt;
    return Decimal::from_units(r);
}

std::optional<Decimal> checked_sub(Decimal a, Decimal b) {
    std::int64_t r = 0;
    if (__builtin_sub_overflow(a.units(), b.units(), &r)) return std::nullopt;
    return Decimal::from_units(r);
}

std::optional<Decimal> checked_mul(Decimal a, std::int64_t factor) {
    std::int64_t r = 0;
    if (__builtin_mul_overflow(a.units(), factor, &r)) return std::nullopt;
    return Decimal::from_units(r);
}

Decimal operator+(Decimal a, Decimal b) {
    if (auto r = checked_add(a, b)) return *r;
    overflow(a.to_string() + " + " + b.to_string());
}

Decimal operator-(Decimal a, Decimal b) {
    if (auto r = checked_sub(a, b)) return *r;
    overflow(a.to_string() + " - " + b.to_string());
}

Decimal operator*(Decimal a, std::int64_t factor) {
    if (auto r = checked_mul(a, factor)) return *r;
    overflow(a.to_string() + " * " + std::to_string(factor));
}

namespace {

// sign(n × d) × round_half_even(|n| / |d|) × 10^(kScale − places), as a Decimal.
Decimal divide_to_places(__int128 n, std::int64_t d, int places, const std::string& expression) {
    const bool negative = (n < 0) != (d < 0);
    const u128 n_mag = n < 0 ? static_cast<u128>(-(n + 1)) + 1 : static_cast<u128>(n);
    const u128 q = divide_half_even(n_mag, magnitude(d));
    const u128 step = pow10(Decimal::kScale - places);
    if (q > kNegativeLimit) overflow(expression);  // also keeps q × step from wrapping
    const auto units = to_signed(q * step, negative && q != 0);
    if (!units) overflow(expression);
    return Decimal::from_units(*units);
}

}  // namespace

Decimal ratio(Decimal a, Decimal b, int places) {
    check_places(places, "ratio");
    if (b.is_zero()) throw std::domain_error("ratio: division by zero (" + a.to_string() + " / 0)");
    // a.units / b.units is the ratio itself; scale the numerator so the quotient comes out
    // in steps of 10^-places, then round once.
    const __int128 n = static_cast<__int128>(a.units()) * static_cast<__int128>(pow10(places));
    return divide_to_places(n, b.units(), places, "ratio " + a.to_string() + " / " + b.to_string());
}

Decimal percent(Decimal part, Decimal whole, int places) {
    check_places(places, "percent");
    if (whole.is_zero()) {
        throw std::domain_error("percent: division by zero (" + part.to_string() + " / 0)");
    }
    const __int128 n = static_cast<__int128>(part.units()) * 100 * static_cast<__int128>(pow10(places));
    return divide_to_places(n, whole.units(), places,
                            "percent 100 * " + part.to_string() + " / " + whole.to_string());
}

Decimal round_half_even(Decimal x, int places) {
    check_places(places, "round_half_even");
    const u128 step = pow10(Decimal::kScale - places);
    const u128 q = divide_half_even(magnitude(x.units()), step);
    const auto units = to_signed(q * step, x.is_negative() && q != 0);
    if (!units) overflow("rounding " + x.to_string() + " to " + std::to_string(places) + " places");
    return Decimal::from_units(*units);
}

}  // namespace formwork
