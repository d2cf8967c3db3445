// Money as a form prints it, read into the unit of the column it stands in: a figure with a
// unit is converted exactly ("250万" in a 万元 column is 250, "2,500元" is 0.25, "1.2亿元" is
// 12000, "854万(其中中央资金600万)" is 854: a remark in brackets after the figure does not
// change it); a bare figure ("1125", "1,125.00") is already in the column's unit. A unit that
// is not money ("250万人", "30美元") or text around the figure ("约250") is not read at all:
// the caller keeps the text as filed instead of guessing a scale.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/decimal.h"

namespace formwork {

struct MoneyReading {
    Decimal value;       // in the column's unit
    std::string unit;    // the unit as written ("万", "元", "亿元" …); "" for a bare figure
    std::string remark;  // a bracketed remark after the figure, as written; "" when none

    bool converted() const { return !unit.empty(); }
};

// nullopt when the text is not one figure with an optional money unit and remark, or the
// column's unit is not money (元, 千元, 万元, 亿元) while the text has a unit. Throws
// DecimalOverflow when the converted value does not fit.
std::optional<MoneyReading> read_money(std::string_view text, std::string_view column_unit);

}  // namespace formwork
