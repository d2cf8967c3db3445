// Which texts a field kind accepts (see value_rules.h).
#include "core/value_rules.h"

#include "core/decimal.h"
#include "core/sums.h"
#include "core/target_value.h"

namespace formwork {

bool accepts(ValueKind kind, const std::string& text) {
    if (is_blank_cell(text)) return true;
    switch (kind) {
        case ValueKind::Money: return parse_amount(text).has_value();
        case ValueKind::Integer: {
            auto d = parse_amount(text);
            return d && d->units() % Decimal::kUnitsPerOne == 0;
        }
        case ValueKind::Percent: {
            const TargetValue t = parse_target(text);
            return t.kind == TargetKind::Numeric && t.cmp == Comparator::None && (t.unit == "%" || t.unit.empty());
        }
        default: return true;
    }
}

}  // namespace formwork
