// Percentage ranges from rounded amounts (see percent_bounds.h). 128-bit integer arithmetic
// on Decimal units; only the final bounds must fit.
#include "core/percent_bounds.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace formwork {

namespace {

using i128 = __int128;

// n / d rounded towards −∞ or +∞; d > 0.
i128 div_floor(i128 n, i128 d) {
    i128 q = n / d;
    if (n % d != 0 && n < 0) --q;
    return q;
}

i128 div_ceil(i128 n, i128 d) {
    i128 q = n / d;
    if (n % d != 0 && n > 0) ++q;
    return q;
}

Decimal fit(i128 units, const char* what) {
    if (units > std::numeric_limits<std::int64_t>::max() || units < std::numeric_limits<std::int64_t>::min())
        throw DecimalOverflow(std::string("decimal overflow: ") + what + " does not fit");
    return Decimal::from_units(static_cast<std::int64_t>(units));
}

}  // namespace

std::optional<PercentRange> percent_range(Decimal part, Decimal whole, Decimal half_step) {
    if (half_step.is_negative() || whole <= half_step) return std::nullopt;
    const i128 one = Decimal::kUnitsPerOne;
    const i128 p = part.units(), w = whole.units(), h = half_step.units();
    // 100 × (p ∓ h) / (w ± h), in units: the quotient of unit counts times 100 × 10^6.
    const i128 low = div_floor((p - h) * 100 * one, w + h);
    const i128 high = div_ceil((p + h) * 100 * one, w - h);
    return PercentRange{fit(low, "percent_range low"), fit(high, "percent_range high")};
}

Decimal percent_of(Decimal whole, Decimal percent, int places) {
    // whole × percent / 100 = ratio(whole × percent, 100): form the product in 128 bits by
    // treating percent's units as a scaled integer.
    if (places < 0 || places > Decimal::kScale)
        throw std::invalid_argument("percent_of: places must be 0..6, got " + std::to_string(places));
    const i128 product = static_cast<i128>(whole.units()) * percent.units();  // scale 10^12
    // back to scale 10^6 and divide by 100 in one rounding step, at `places` digits
    i128 divisor = static_cast<i128>(Decimal::kUnitsPerOne) * 100;
    i128 step = 1;
    for (int i = places; i < Decimal::kScale; ++i) step *= 10;
    divisor *= step;
    const bool negative = product < 0;
    const i128 mag = negative ? -product : product;
    i128 q = mag / divisor;
    const i128 r = mag % divisor;
    if (r * 2 > divisor || (r * 2 == divisor && (q & 1) != 0)) ++q;
    return fit((negative ? -q : q) * step, "percent_of");
}

bool within(Decimal a, Decimal b, Decimal tolerance) {
    i128 d = static_cast<i128>(a.units()) - b.units();
    if (d < 0) d = -d;
    return d <= static_cast<i128>(tolerance.units());
}

}  // namespace formwork
