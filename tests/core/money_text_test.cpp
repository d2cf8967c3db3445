// money-*: money written with units, read exactly into a column's unit (issue 11: "250万" in a
// 万元 form was once stored as 2,500,000).
#include <catch2/catch.hpp>

#include "core/money_text.h"

using namespace formwork;

namespace {

std::string read(const char* text, const char* unit = "万元") {
    const auto r = read_money(text, unit);
    return r ? r->value.to_string() + "|" + r->unit + "|" + r->remark : "-";
}

}  // namespace

TEST_CASE("money-1.1 a figure with a unit is converted into the column's unit exactly") {
    CHECK(read("250万") == "250|万|");
    CHECK(read("10000万元") == "10000|万元|");
    CHECK(read("2,500元") == "0.25|元|");
    CHECK(read("1.2亿元") == "12000|亿元|");
    CHECK(read("1.2亿") == "12000|亿|");
    CHECK(read("3千元") == "0.3|千元|");
    CHECK(read("5百万元") == "500|百万元|");
    CHECK(read("２５０万") == "250|万|");  // full-width digits
    CHECK(read("854万(其中中央资金600万)") == "854|万|(其中中央资金600万)");
    CHECK(read("854万（其中中央资金600万）") == "854|万|（其中中央资金600万）");
    CHECK(read("250万", "元") == "2500000|万|");
    CHECK(read("3,000,000元", "元") == "3000000|元|");
    CHECK(read("0.01元") == "0.000001|元|");
}

TEST_CASE("money-1.2 a bare figure is already in the column's unit") {
    CHECK(read("1125") == "1125||");
    CHECK(read("1,125.00") == "1125||");
    CHECK(read(" 6.80 ") == "6.8||");
    CHECK(read("-3") == "-3||");
}

TEST_CASE("money-1.3 what is not one figure with a money unit is not read") {
    CHECK(read("250万人") == "-");
    CHECK(read("30美元") == "-");
    CHECK(read("约250万") == "-");
    CHECK(read("2019-2021") == "-");
    CHECK(read("") == "-");
    CHECK(read("万元") == "-");
    CHECK(read("(600万)") == "-");
    CHECK(read("250万", "人") == "-");  // a column whose unit is not money takes no unit
    CHECK(read("250", "人") == "250||");
}

#include "core/period_text.h"

namespace {

std::string period(const char* text) {
    const auto p = formwork::split_period(text);
    return p ? p->start + "|" + p->end + "|" + std::to_string(p->start_year) + "|" + std::to_string(p->end_year) : "-";
}

}  // namespace

TEST_CASE("period-1.1 a period printed in one cell splits into start and end as printed") {
    CHECK(period("2019-2021") == "2019|2021|2019|2021");
    CHECK(period("2023.07-2024.01") == "2023.07|2024.01|2023|2024");
    CHECK(period("2023年1月-12月") == "2023年1月|2023年12月|2023|2023");
    CHECK(period("2020年1月--2020年11月") == "2020年1月|2020年11月|2020|2020");
    CHECK(period("2021年至2023年") == "2021年|2023年|2021|2023");
    CHECK(period("2023-01-01—2023-12-31") == "2023-01-01|2023-12-31|2023|2023");
    CHECK(period(" 2019 — 2021 ") == "2019|2021|2019|2021");
}

TEST_CASE("period-1.2 what is not a period") {
    CHECK(period("3年") == "-");
    CHECK(period("2024") == "-");
    CHECK(period("2023-") == "-");
    CHECK(period("2023-2021") == "-");  // ends before it starts
    CHECK(period("12345-2021") == "-");
    CHECK(period("一年-两年") == "-");
}
