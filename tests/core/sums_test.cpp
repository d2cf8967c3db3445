// Tests of column sums: empty tables, blank and missing cells, cells that are not numbers,
// mixed scales, and overflow reported as a result.
#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <vector>

#include "core/sums.h"

using formwork::ColumnSum;
using formwork::Decimal;
using formwork::sum_column;
using formwork::Table;
using formwork::TableRow;

namespace {

Decimal dec(const char* text) { return *Decimal::parse(text); }

Table table_of(const std::string& column, const std::vector<std::string>& cells) {
    Table t;
    for (const std::string& c : cells) t.rows.push_back(TableRow{{{column, c}}});
    return t;
}

}  // namespace

TEST_CASE("sums-1.1 an empty table sums to zero") {
    const ColumnSum s = sum_column(Table{}, "full_year");
    CHECK(s.total == Decimal());
    CHECK(s.numeric == 0);
    CHECK(s.blank == 0);
    CHECK(s.not_numbers.empty());
    CHECK_FALSE(s.overflow);
    CHECK(s.clean());
}

TEST_CASE("sums-1.2 sums the expense lines of a seed filing exactly") {
    // seeds/000, second project: 3.5 + 0.75 + 1.75 + 5 + 3 = 14 (half-year), and the
    // full-year column 7 + 1.5 + 3.5 + 10 + 6 = 28, one more than the stated total of 27.
    const ColumnSum half = sum_column(table_of("half", {"3.5", "0.75", "1.75", "5", "3"}), "half");
    CHECK(half.total == dec("14"));
    CHECK(half.numeric == 5);
    const ColumnSum full = sum_column(table_of("full", {"7", "1.5", "3.5", "10", "6"}), "full");
    CHECK(full.total == dec("28"));
    CHECK(full.total != dec("27"));
    CHECK(full.clean());
}

TEST_CASE("sums-1.3 blank and missing cells are counted, not added") {
    Table t = table_of("full", {"18", "", "  ", "\u3000", "0"});
    t.rows.push_back(TableRow{{{"other", "5"}}});  // no "full" cell at all
    const ColumnSum s = sum_column(t, "full");
    CHECK(s.total == dec("18"));
    CHECK(s.numeric == 2);
    CHECK(s.blank == 4);
    CHECK(s.clean());
}

TEST_CASE("sums-1.4 mixed scales and widths add exactly") {
    const ColumnSum s = sum_column(table_of("v", {"1.5", "2万", "１．２５", "1,239.92", "\u30009.6"}), "v");
    CHECK(s.total == dec("21252.27"));
    CHECK(s.numeric == 5);
    CHECK(s.clean());
}

TEST_CASE("sums-1.5 cells that are not numbers are listed with row and reason") {
    const ColumnSum s = sum_column(table_of("v", {"10", "约5", "", "18万元", "2.5"}), "v");
    CHECK(s.total == dec("12.5"));
    CHECK(s.numeric == 2);
    CHECK(s.blank == 1);
    REQUIRE(s.not_numbers.size() == 2);
    CHECK(s.not_numbers[0].row == 1);
    CHECK(s.not_numbers[0].text == "约5");
    CHECK(s.not_numbers[0].error.find("unexpected character '约'") != std::string::npos);
    CHECK(s.not_numbers[1].row == 3);
    CHECK(s.not_numbers[1].text == "18万元");
    CHECK_FALSE(s.clean());
    CHECK_FALSE(s.overflow);
}

TEST_CASE("sums-1.6 overflow is reported with its row and the rest still classified") {
    const std::string max = Decimal::from_units(std::numeric_limits<std::int64_t>::max()).to_string();
    const ColumnSum s = sum_column(table_of("v", {"1", max, "2", "x", ""}), "v");
    CHECK(s.overflow);
    CHECK(s.overflow_row == 1);
    CHECK(s.numeric == 3);  // "2" is still counted as a number
    CHECK(s.blank == 1);
    REQUIRE(s.not_numbers.size() == 1);
    CHECK(s.not_numbers[0].row == 3);
    CHECK_FALSE(s.clean());
    // Going back into range later does not hide the overflow.
    const ColumnSum back = sum_column(table_of("v", {max, "1", "-1"}), "v");
    CHECK(back.overflow);
    CHECK(back.overflow_row == 1);
}

TEST_CASE("sums-1.7 negative amounts reach the edge without overflow") {
    const std::string min = Decimal::from_units(std::numeric_limits<std::int64_t>::min()).to_string();
    const ColumnSum s = sum_column(table_of("v", {"1", min, "-1"}), "v");
    CHECK_FALSE(s.overflow);
    CHECK(s.total == Decimal::from_units(std::numeric_limits<std::int64_t>::min()));
}

TEST_CASE("sums-1.8 sum_values sums a list of texts, e.g. income sources") {
    // seeds/003, first project: 资金总额 269 = 269 + 0 + 0 + 0 + 0 + 0 + 0.
    const ColumnSum s = formwork::sum_values({"269", "0", "0", "0", "0", "0", "0", ""});
    CHECK(s.total == dec("269"));
    CHECK(s.numeric == 7);
    CHECK(s.blank == 1);
    CHECK(formwork::sum_values({}).total == Decimal());
}

TEST_CASE("sums-1.9 parse_amount and is_blank_cell") {
    std::string error = "stale";
    CHECK_FALSE(formwork::parse_amount("  ", &error).has_value());
    CHECK(error.empty());
    // A scale word is not a plain figure: "2万" in a 万元 column is not 20000 万元 (#11).
    CHECK_FALSE(formwork::parse_amount("2万", &error).has_value());
    CHECK(error.find("scale word") != std::string::npos);
    CHECK(formwork::parse_amount("1,125.00") == dec("1125"));
    CHECK_FALSE(formwork::parse_amount("abc", &error).has_value());
    CHECK_FALSE(error.empty());
    CHECK(formwork::is_blank_cell(""));
    CHECK(formwork::is_blank_cell(" \t\u3000"));
    CHECK_FALSE(formwork::is_blank_cell("0"));
    CHECK_FALSE(formwork::is_blank_cell("……"));
    CHECK(formwork::is_blank_cell("\u00a0\r\n\v\f"));
    CHECK_FALSE(formwork::is_blank_cell("\u3000x"));
    CHECK_FALSE(formwork::is_blank_cell("\xe3\x80"));  // a cut U+3000 is content (U+FFFD), not space
    CHECK_FALSE(formwork::is_blank_cell("\xc2"));
}

TEST_CASE("sums-2.1 ratios between sums: half-year share of a seed budget") {
    // seeds/003, project 1: 121.05 of 269 is 45%, the stated 预算执行率 half-year target.
    const ColumnSum half = formwork::sum_values({"121.05"});
    const ColumnSum full = formwork::sum_values({"269"});
    CHECK(formwork::percent(half.total, full.total, 2) == dec("45"));
    // seeds/003, project 2: 557.56 of 1239.92 is 44.97%, not exactly 45.
    CHECK(formwork::percent(dec("557.56"), dec("1239.92"), 2) == dec("44.97"));
    CHECK_THROWS_AS(formwork::percent(half.total, formwork::sum_values({""}).total, 2), std::domain_error);
}
