// Unit classes (see unit_class.h). The lists follow the built-in vocabulary of
// target_vocabulary.cpp, grouped by what the units measure.
#include "core/unit_class.h"

#include <array>

namespace formwork {

namespace {

constexpr std::string_view kMoney[] = {"元", "千元", "万元", "亿元"};
constexpr int kMoneyPower[] = {0, 3, 4, 8};
constexpr std::string_view kCount[] = {"次", "人次", "人", "个", "家", "期", "件", "场次", "场", "辆", "台",
                                       "套", "项", "篇", "条", "起", "份", "户", "名", "批", "本", "册",
                                       "所", "座", "处", "课时"};
constexpr std::string_view kTime[] = {"秒", "分钟", "小时", "天", "日", "工作日", "周", "个月", "月", "季度", "年"};
constexpr std::string_view kMeasure[] = {"平方米", "万平方米", "平方公里", "亩", "公顷", "米",
                                         "公里", "千米", "吨", "千克", "公斤"};

template <std::size_t N>
bool in(const std::string_view (&list)[N], std::string_view unit) {
    for (std::string_view u : list)
        if (u == unit) return true;
    return false;
}

int money_power(std::string_view unit) {
    for (std::size_t i = 0; i < std::size(kMoney); ++i)
        if (kMoney[i] == unit) return kMoneyPower[i];
    return -1;
}

UnitClass classify_base(std::string_view unit) {
    if (unit.empty()) return UnitClass::None;
    if (unit == "%") return UnitClass::Percent;
    if (in(kMoney, unit)) return UnitClass::Money;
    if (in(kCount, unit)) return UnitClass::Count;
    if (in(kTime, unit)) return UnitClass::Time;
    if (in(kMeasure, unit)) return UnitClass::Measure;
    return UnitClass::Other;
}

}  // namespace

UnitInfo classify_unit(std::string_view unit) {
    const std::size_t split = unit.find_first_of("/.");
    UnitInfo info;
    info.per = split != std::string_view::npos;
    info.base = classify_base(unit.substr(0, split));
    return info;
}

const char* to_string(UnitClass c) {
    switch (c) {
        case UnitClass::None: return "none";
        case UnitClass::Percent: return "percent";
        case UnitClass::Money: return "money";
        case UnitClass::Count: return "count";
        case UnitClass::Time: return "time";
        case UnitClass::Measure: return "measure";
        case UnitClass::Other: return "other";
    }
    return "other";
}

std::optional<Decimal> convert_money(Decimal value, std::string_view from, std::string_view to) {
    const int pf = money_power(from), pt = money_power(to);
    if (pf < 0 || pt < 0) return std::nullopt;
    if (pf == pt) return value;
    std::int64_t factor = 1;
    for (int i = 0; i < (pf > pt ? pf - pt : pt - pf); ++i) factor *= 10;
    if (pf > pt) return value * factor;  // 万元 → 元: multiply
    return ratio(value, Decimal::from_int(factor), Decimal::kScale);
}

}  // namespace formwork
