// Comparing a share computed from filed amounts with a percentage stated elsewhere in the
// same filing (BRIEF rule 4: 半年计划执行数 / 全年预算数 against a 预算执行率 target of =45%).
//
// Filed amounts are rounded (to 0.01 万元), so the true share is not one number but a range:
// with each amount off by at most `half_step`, part/whole lies between
//   (part − half_step) / (whole + half_step)  and  (part + half_step) / (whole − half_step).
// A stated percentage agrees when it lies in that range; nothing else is tolerated (the
// percentage itself is taken as exact). The bounds are rounded outwards to Decimal's 6 places,
// so the comparison never rejects a value the exact range would accept.
#pragma once

#include <optional>

#include "core/decimal.h"

namespace formwork {

struct PercentRange {
    Decimal low;   // 100 × (part − h) / (whole + h), rounded down
    Decimal high;  // 100 × (part + h) / (whole − h), rounded up
};

// nullopt when whole ≤ half_step (no meaningful share) or half_step is negative.
// Throws DecimalOverflow when a bound does not fit.
std::optional<PercentRange> percent_range(Decimal part, Decimal whole, Decimal half_step);

// whole × percent / 100 rounded half-even to `places` (0..6): the amount a share stands for,
// e.g. percent_of(1239.92, 45, 2) = 557.96. Same errors as ratio().
Decimal percent_of(Decimal whole, Decimal percent, int places);

// |a − b| ≤ tolerance, exactly (no overflow: computed in 128 bits).
bool within(Decimal a, Decimal b, Decimal tolerance);

}  // namespace formwork
