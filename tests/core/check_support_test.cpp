// Tests of the core helpers the checks lean on: percentage ranges from rounded amounts,
// unit classes and money conversion, and filed years.
#include <catch2/catch.hpp>

#include "core/percent_bounds.h"
#include "core/target_value.h"
#include "core/unit_class.h"
#include "core/year_text.h"

using namespace formwork;

namespace {

Decimal dec(const char* text) { return *Decimal::parse(text); }

}  // namespace

TEST_CASE("checkcore-1.1 a percentage range contains the share of exactly filed amounts") {
    const auto r = percent_range(dec("121.05"), dec("269"), dec("0.005"));
    REQUIRE(r);
    CHECK(r->low <= dec("45"));
    CHECK(r->high >= dec("45"));
}

TEST_CASE("checkcore-1.2 the range allows only the rounding of the amounts to 0.01") {
    // seeds/003: 557.56 / 1239.92 = 44.968 %; no rounding of 0.005 reaches 45 %.
    const auto bad = percent_range(dec("557.56"), dec("1239.92"), dec("0.005"));
    REQUIRE(bad);
    CHECK(bad->high < dec("45"));
    CHECK(bad->low > dec("44.96"));
    // 15.25 / 33.9 = 44.985 %, but 15.255 / 33.9 is 45 %: agrees within rounding.
    const auto ok = percent_range(dec("15.25"), dec("33.9"), dec("0.005"));
    REQUIRE(ok);
    CHECK(ok->low <= dec("45"));
    CHECK(ok->high >= dec("45"));
    // no tolerance: the exact share only
    const auto exact = percent_range(dec("1"), dec("4"), Decimal());
    REQUIRE(exact);
    CHECK(exact->low == dec("25"));
    CHECK(exact->high == dec("25"));
}

TEST_CASE("checkcore-1.3 a whole within the tolerance has no range") {
    CHECK_FALSE(percent_range(dec("1"), dec("0"), dec("0.005")));
    CHECK_FALSE(percent_range(dec("1"), dec("0.005"), dec("0.005")));
    CHECK_FALSE(percent_range(dec("1"), dec("10"), dec("-1")));
}

TEST_CASE("checkcore-1.4 percent_of gives the amount a share stands for, half-even") {
    CHECK(percent_of(dec("1239.92"), dec("45"), 2) == dec("557.96"));
    CHECK(percent_of(dec("269"), dec("45"), 2) == dec("121.05"));
    CHECK(percent_of(dec("0.1"), dec("25"), 2) == dec("0.02"));  // 0.025 → even
    CHECK(percent_of(dec("-10"), dec("45"), 0) == dec("-4"));     // −4.5 → even
}

TEST_CASE("checkcore-1.5 within compares exactly") {
    CHECK(within(dec("1.005"), dec("1"), dec("0.005")));
    CHECK_FALSE(within(dec("1.005001"), dec("1"), dec("0.005")));
    CHECK(within(Decimal::from_units(INT64_MAX), Decimal::from_units(INT64_MIN + 1), Decimal::from_units(INT64_MAX)) == false);
}

TEST_CASE("checkcore-2.1 units are classified by what they measure") {
    CHECK(classify_unit("%").base == UnitClass::Percent);
    CHECK(classify_unit("万元").base == UnitClass::Money);
    CHECK(classify_unit("人").base == UnitClass::Count);
    CHECK(classify_unit("人次").base == UnitClass::Count);
    CHECK(classify_unit("小时").base == UnitClass::Time);
    CHECK(classify_unit("平方米").base == UnitClass::Measure);
    CHECK(classify_unit("").base == UnitClass::None);
    CHECK(classify_unit("光年").base == UnitClass::Other);
    const UnitInfo per = classify_unit("元/平方米.月");
    CHECK(per.base == UnitClass::Money);
    CHECK(per.per);
    CHECK(classify_unit("次/月").base == UnitClass::Count);
    CHECK_FALSE(classify_unit("万元").per);
    CHECK(std::string(to_string(UnitClass::Count)) == "count");
}

TEST_CASE("checkcore-2.2 money converts between 元, 万元 and 亿元") {
    CHECK(convert_money(dec("550"), "元", "万元") == dec("0.055"));
    CHECK(convert_money(dec("1.5"), "亿元", "万元") == dec("15000"));
    CHECK(convert_money(dec("9.6"), "万元", "万元") == dec("9.6"));
    CHECK_FALSE(convert_money(dec("9.6"), "人", "万元"));
}

TEST_CASE("checkcore-3.1 a filed year parses with or without 年") {
    CHECK(parse_year("2024") == 2024);
    CHECK(parse_year(" 2021年 ") == 2021);
    CHECK(parse_year("２０２３年") == 2023);
    CHECK_FALSE(parse_year(""));
    CHECK_FALSE(parse_year("2023-2025"));
    CHECK_FALSE(parse_year("长期"));
    CHECK_FALSE(parse_year("24"));
}

TEST_CASE("checkcore-4.1 placeholder_word agrees with parse_target") {
    for (const char* text : {"", "  ", "是/否", "……", "⋯⋯", "...", "—", "--", "不适用", "无", "/",
                             "≥95%", "合理", "立项依据充分性", "严格执行相关财经法规、制度等规定", "≤通报1次"}) {
        INFO(text);
        const TargetValue t = parse_target(text);
        const auto w = placeholder_word(text);
        CHECK(w.has_value() == (t.kind == TargetKind::Placeholder));
        if (w) CHECK(*w == t.word);
    }
}
