// What kind of quantity a target value's unit measures, so that checks can ask "is this a
// rate, a count, an amount of money?" (BRIEF rules 10 and 11) without each keeping its own
// list of units. Units are those parse_target() returns: normal form, "%" for 百分比 and ％.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/decimal.h"

namespace formwork {

enum class UnitClass {
    None,     // a bare number
    Percent,  // %
    Money,    // 元 千元 万元 亿元
    Count,    // 次 人 个 家 期 件 场次 …
    Time,     // 秒 分钟 小时 天 日 工作日 周 个月 月 季度 年
    Measure,  // area, length, weight: 平方米 公里 吨 …
    Other,    // a unit none of the lists knows (a template's own)
};

struct UnitInfo {
    UnitClass base = UnitClass::None;  // the class of the first component ("元" in 元/人/天)
    bool per = false;                  // a compound unit: 元/人/天, 次/月, 元/平方米.月
};

UnitInfo classify_unit(std::string_view unit);

// "none" "percent" "money" "count" "time" "measure" "other".
const char* to_string(UnitClass c);

// A money value converted between 元, 千元, 万元 and 亿元, rounded half-even to Decimal's 6
// places (exact for every amount filed to the fen). nullopt when either unit is not money.
// Throws DecimalOverflow when the result does not fit.
std::optional<Decimal> convert_money(Decimal value, std::string_view from, std::string_view to);

}  // namespace formwork
