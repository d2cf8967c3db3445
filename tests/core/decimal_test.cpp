// Tests of Decimal: parsing as filed, exact formatting, checked arithmetic, rounding, ratios.
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>

#include "core/decimal.h"

using formwork::Decimal;
using formwork::DecimalOverflow;

namespace {

// The value of `text` in millionths; fails the test when it does not parse.
std::int64_t units_of(const std::string& text) {
    std::string error;
    const auto d = Decimal::parse(text, &error);
    INFO("text: " << text << " error: " << error);
    REQUIRE(d.has_value());
    return d->units();
}

// The error Decimal::parse gives for `text`; fails the test when it parses.
std::string error_of(const std::string& text) {
    std::string error;
    const auto d = Decimal::parse(text, &error);
    INFO("text: " << text);
    REQUIRE_FALSE(d.has_value());
    REQUIRE_FALSE(error.empty());
    return error;
}

Decimal dec(const std::string& text) { return Decimal::from_units(units_of(text)); }

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

}  // namespace

TEST_CASE("decimal-1.1 parses plain and grouped numbers") {
    CHECK(units_of("18") == 18000000);
    CHECK(units_of("1.5") == 1500000);
    CHECK(units_of("121.05") == 121050000);
    CHECK(units_of("1,239.92") == 1239920000);
    CHECK(units_of("1,234,567") == 1234567000000);
    CHECK(units_of("0.36") == 360000);
    CHECK(units_of("-3") == -3000000);
    CHECK(units_of("+2") == 2000000);
    CHECK(units_of("0") == 0);
    CHECK(units_of("-0") == 0);
    CHECK(units_of("007") == 7000000);
    CHECK(units_of("0.000001") == 1);
    CHECK(units_of("6.80") == 6800000);
}

TEST_CASE("decimal-1.2 trims ASCII and full-width spaces") {
    CHECK(units_of("  18 ") == 18000000);
    CHECK(units_of("\t1.5\n") == 1500000);
    CHECK(units_of("\u30009.6") == 9600000);       // "　9.6" as in seeds/001
    CHECK(units_of("3.84\u3000\u3000") == 3840000);
    CHECK(units_of("\u00a02") == 2000000);         // no-break space
}

TEST_CASE("decimal-1.3 reads full-width digits, point and signs") {
    CHECK(units_of("１８") == 18000000);
    CHECK(units_of("１．５") == 1500000);
    CHECK(units_of("－３") == -3000000);
    CHECK(units_of("＋０．２５") == 250000);
    CHECK(units_of("1,2３4.5") == 1234500000);  // mixed widths are the same digits
}

TEST_CASE("decimal-1.4 applies scale words exactly") {
    CHECK(units_of("1.4亿") == 140000000LL * 1000000);
    CHECK(units_of("4万") == 40000LL * 1000000);
    CHECK(units_of("2.5万") == 25000LL * 1000000);
    CHECK(units_of("3千") == 3000LL * 1000000);
    CHECK(units_of("1.5百万") == 1500000LL * 1000000);
    CHECK(units_of("2千万") == 20000000LL * 1000000);
    CHECK(units_of("0.0000001万") == 1000);       // 7 digits typed, 0.001 after scaling
    CHECK(units_of("1.2345678万") == 12345678000);  // 12345.678
    CHECK(units_of("１．４亿") == 140000000LL * 1000000);
    CHECK(units_of(" 4万\u3000") == 40000LL * 1000000);
}

TEST_CASE("decimal-1.5 accepts trailing zeros beyond six places, since nothing is rounded") {
    CHECK(units_of("1.50000000") == 1500000);
    CHECK(units_of("0.0000010000") == 1);
}

TEST_CASE("decimal-1.6 rejects garbage with a reason") {
    CHECK(error_of("").find("empty") != std::string::npos);
    CHECK(error_of("   ").find("empty") != std::string::npos);
    CHECK(error_of("\u3000").find("empty") != std::string::npos);
    CHECK(error_of("abc").find("unexpected character 'a'") != std::string::npos);
    CHECK(error_of("18万元").find("unexpected character") != std::string::npos);
    CHECK(error_of("12a").find("'a'") != std::string::npos);
    CHECK(error_of("1.2.3").find("more than one decimal point") != std::string::npos);
    CHECK(error_of(".5").find("digit before") != std::string::npos);
    CHECK(error_of("5.").find("digit after") != std::string::npos);
    CHECK(error_of("-").find("no digits") != std::string::npos);
    CHECK(error_of("+").find("no digits") != std::string::npos);
    CHECK(error_of("万").find("scale word") != std::string::npos);
    CHECK(error_of("1 000").find("unexpected character ' '") != std::string::npos);
    CHECK(error_of("--3").find("unexpected character '-'") != std::string::npos);
    CHECK(error_of("≥90").find("unexpected character '≥'") != std::string::npos);
    CHECK(error_of("90%").find("'%'") != std::string::npos);
    CHECK(error_of("1万万").find("unexpected character '万'") != std::string::npos);
    CHECK(error_of("1.5e3").find("'e'") != std::string::npos);
    CHECK(error_of("\xff").find("unexpected character") != std::string::npos);  // invalid UTF-8
}

TEST_CASE("decimal-1.7 rejects malformed grouping and the ambiguous full-width comma") {
    CHECK(error_of("1,23").find("groups of three") != std::string::npos);
    CHECK(error_of("1234,567").find("groups of three") != std::string::npos);
    CHECK(error_of(",123").find("groups of three") != std::string::npos);
    CHECK(error_of("1,,234").find("groups of three") != std::string::npos);
    CHECK(error_of("1,234,56").find("groups of three") != std::string::npos);
    CHECK(error_of("1,2345.6").find("groups of three") != std::string::npos);
    CHECK(error_of("1.234,5").find("after the decimal point") != std::string::npos);
    CHECK(error_of("1,").find("groups of three") != std::string::npos);
    CHECK(error_of("1，000").find("full-width comma") != std::string::npos);
}

TEST_CASE("decimal-1.8 never rounds: too many fractional digits is an error") {
    CHECK(error_of("0.0000001").find("more than 6 fractional digits") != std::string::npos);
    CHECK(error_of("1.23456789").find("more than 6 fractional digits") != std::string::npos);
    CHECK(error_of("0.00000000001万").find("more than 6 fractional digits") != std::string::npos);
}

TEST_CASE("decimal-1.9 detects values out of range instead of wrapping") {
    CHECK(units_of("9223372036854.775807") == kMax);
    CHECK(units_of("-9223372036854.775808") == kMin);
    CHECK(units_of("9,223,372,036,854.775807") == kMax);
    CHECK(error_of("9223372036854.775808").find("out of range") != std::string::npos);
    CHECK(error_of("-9223372036854.775809").find("out of range") != std::string::npos);
    CHECK(error_of("10000000000000").find("out of range") != std::string::npos);
    CHECK(error_of("922337.2036854775808亿").find("out of range") != std::string::npos);
    CHECK(error_of("99999999999999999999999999999999999999999999999999").find("out of range") !=
          std::string::npos);
    CHECK(error_of("1" + std::string(200, '0')).find("out of range") != std::string::npos);
    // A long run of zeros is still an exact, small number.
    CHECK(units_of("1." + std::string(200, '0')) == 1000000);
    CHECK(units_of(std::string(200, '0') + "1") == 1000000);
    CHECK(units_of("0.000001" + std::string(100, '0')) == 1);
}

TEST_CASE("decimal-2.1 formats the shortest exact text") {
    CHECK(dec("18").to_string() == "18");
    CHECK(dec("9.50").to_string() == "9.5");
    CHECK(dec("0.75").to_string() == "0.75");
    CHECK(dec("-0.000001").to_string() == "-0.000001");
    CHECK(dec("-3").to_string() == "-3");
    CHECK(dec("0").to_string() == "0");
    CHECK(dec("-0").to_string() == "0");
    CHECK(dec("1,239.92").to_string() == "1239.92");
    CHECK(dec("1.4亿").to_string() == "140000000");
    CHECK(dec("0.1").to_string() == "0.1");
    CHECK(dec("100.000100").to_string() == "100.0001");
    CHECK(Decimal::from_units(kMax).to_string() == "9223372036854.775807");
    CHECK(Decimal::from_units(kMin).to_string() == "-9223372036854.775808");
    CHECK(Decimal().to_string() == "0");
}

TEST_CASE("decimal-2.2 text round-trips through parse") {
    for (std::int64_t u : {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{10},
                           std::int64_t{1000000}, std::int64_t{123456789}, std::int64_t{-987654321012},
                           kMax, kMin, kMax - 999999, kMin + 1}) {
        const Decimal d = Decimal::from_units(u);
        INFO(d.to_string());
        CHECK(units_of(d.to_string()) == u);
    }
}

TEST_CASE("decimal-3.1 adds, subtracts and compares exactly") {
    CHECK(dec("0.1") + dec("0.2") == dec("0.3"));  // the classic float trap
    CHECK(dec("121.05") + dec("147.95") == dec("269"));
    CHECK(dec("3.5") + dec("0.75") + dec("1.75") + dec("5") + dec("3") == dec("14"));
    CHECK(dec("1") - dec("1.000001") == dec("-0.000001"));
    CHECK(-dec("2.5") == dec("-2.5"));
    CHECK(-Decimal() == Decimal());
    CHECK(dec("9.6") < dec("9.60001"));
    CHECK(dec("-1") < dec("0"));
    CHECK(dec("18.000") == dec("18"));
    CHECK(dec("2") > dec("1.999999"));
    CHECK(dec("2") >= dec("2"));
    CHECK(dec("2") != dec("2.000001"));
    Decimal acc;
    acc += dec("1.5");
    acc += dec("2万");
    acc -= dec("0.5");
    CHECK(acc == dec("20001"));
    CHECK(Decimal().is_zero());
    CHECK_FALSE(dec("0.000001").is_zero());
    CHECK(dec("-0.000001").is_negative());
}

TEST_CASE("decimal-3.2 multiplies by an integer exactly") {
    CHECK(dec("1.5") * 3 == dec("4.5"));
    CHECK(4 * dec("0.25") == dec("1"));
    CHECK(dec("-0.000001") * 1000000 == dec("-1"));
    CHECK(dec("7") * 0 == Decimal());
    CHECK(dec("7") * -2 == dec("-14"));
}

TEST_CASE("decimal-3.3 overflow throws with the operands named, never wraps") {
    const Decimal max = Decimal::from_units(kMax);
    const Decimal min = Decimal::from_units(kMin);
    const Decimal tiny = Decimal::from_units(1);
    CHECK_THROWS_AS(max + tiny, DecimalOverflow);
    CHECK_THROWS_WITH(max + tiny, Catch::Contains("9223372036854.775807 + 0.000001"));
    CHECK_THROWS_AS(min - tiny, DecimalOverflow);
    CHECK_THROWS_WITH(min - tiny, Catch::Contains("-9223372036854.775808 - 0.000001"));
    CHECK_THROWS_AS(-min, DecimalOverflow);
    CHECK_THROWS_AS(max * 2, DecimalOverflow);
    CHECK_THROWS_WITH(dec("5000000000000") * 2, Catch::Contains("5000000000000 * 2"));
    CHECK_THROWS_AS(min * -1, DecimalOverflow);
    Decimal acc = max;
    CHECK_THROWS_AS(acc += tiny, DecimalOverflow);
    CHECK(acc == max);  // unchanged after the failed add
    // The edges themselves are fine.
    CHECK((max - tiny) + tiny == max);
    CHECK(-max == min + tiny);
    // std::overflow_error is the documented base.
    CHECK_THROWS_AS(max + max, std::overflow_error);
}

TEST_CASE("decimal-3.4 checked_* return nullopt instead of throwing") {
    const Decimal max = Decimal::from_units(kMax);
    const Decimal min = Decimal::from_units(kMin);
    CHECK_FALSE(formwork::checked_add(max, Decimal::from_units(1)).has_value());
    CHECK_FALSE(formwork::checked_sub(min, Decimal::from_units(1)).has_value());
    CHECK_FALSE(formwork::checked_mul(max, 2).has_value());
    CHECK(formwork::checked_add(dec("1"), dec("2")) == dec("3"));
    CHECK(formwork::checked_sub(dec("1"), dec("2")) == dec("-1"));
    CHECK(formwork::checked_mul(dec("1.5"), -2) == dec("-3"));
}

TEST_CASE("decimal-3.5 from_int checks its range") {
    CHECK(Decimal::from_int(18) == dec("18"));
    CHECK(Decimal::from_int(-7).units() == -7000000);
    CHECK(Decimal::from_int(9223372036854).to_string() == "9223372036854");
    CHECK_THROWS_AS(Decimal::from_int(9223372036855), DecimalOverflow);
    CHECK_THROWS_AS(Decimal::from_int(kMin), DecimalOverflow);
}

TEST_CASE("decimal-4.1 ratio rounds half-even to the requested places") {
    using formwork::ratio;
    CHECK(ratio(dec("1"), dec("3"), 2) == dec("0.33"));
    CHECK(ratio(dec("2"), dec("3"), 2) == dec("0.67"));
    CHECK(ratio(dec("1"), dec("3"), 6) == dec("0.333333"));
    CHECK(ratio(dec("1"), dec("8"), 2) == dec("0.12"));   // 0.125 → even 0.12
    CHECK(ratio(dec("3"), dec("8"), 2) == dec("0.38"));   // 0.375 → even 0.38
    CHECK(ratio(dec("5"), dec("2"), 0) == dec("2"));      // 2.5 → 2
    CHECK(ratio(dec("7"), dec("2"), 0) == dec("4"));      // 3.5 → 4
    CHECK(ratio(dec("-5"), dec("2"), 0) == dec("-2"));    // symmetric
    CHECK(ratio(dec("-7"), dec("2"), 0) == dec("-4"));
    CHECK(ratio(dec("7"), dec("-2"), 0) == dec("-4"));
    CHECK(ratio(dec("-7"), dec("-2"), 0) == dec("4"));
    CHECK(ratio(dec("-1"), dec("3"), 0) == dec("0"));     // no "-0"
    CHECK(ratio(dec("121.05"), dec("269"), 2) == dec("0.45"));
    CHECK(ratio(dec("557.56"), dec("1239.92"), 4) == dec("0.4497"));
    CHECK(ratio(dec("0.000001"), dec("1000000"), 6) == dec("0"));
    CHECK(ratio(dec("1"), dec("0.000001"), 0) == dec("1000000"));
}

TEST_CASE("decimal-4.2 ratio rounds once, not twice") {
    // 149999 / 10000000 = 0.0149999: straight to 2 places that is 0.01, but rounding first to
    // 6 places (0.015) and then to 2 would give 0.02.
    const Decimal a = dec("149999");
    const Decimal b = dec("10000000");
    CHECK(formwork::ratio(a, b, 2) == dec("0.01"));
    CHECK(formwork::ratio(a, b, 6) == dec("0.015"));
    CHECK(formwork::round_half_even(formwork::ratio(a, b, 6), 2) == dec("0.02"));
}

TEST_CASE("decimal-4.3 ratio errors: zero divisor, bad places, overflow") {
    using formwork::ratio;
    CHECK_THROWS_AS(ratio(dec("1"), Decimal(), 2), std::domain_error);
    CHECK_THROWS_WITH(ratio(dec("5"), Decimal(), 2), Catch::Contains("division by zero"));
    CHECK_THROWS_AS(ratio(dec("1"), dec("2"), -1), std::invalid_argument);
    CHECK_THROWS_AS(ratio(dec("1"), dec("2"), 7), std::invalid_argument);
    CHECK_THROWS_AS(ratio(Decimal::from_units(kMax), dec("0.000001"), 0), DecimalOverflow);
    CHECK_THROWS_AS(ratio(dec("10000000"), dec("0.000001"), 2), DecimalOverflow);
    CHECK_THROWS_AS(ratio(Decimal::from_units(kMin), dec("-1"), 6), DecimalOverflow);  // 2^63 units
    CHECK(ratio(Decimal::from_units(kMin), dec("1"), 6) == Decimal::from_units(kMin));
}

TEST_CASE("decimal-4.4 percent is 100 × part / whole") {
    using formwork::percent;
    CHECK(percent(dec("121.05"), dec("269"), 2) == dec("45"));
    CHECK(percent(dec("242.22"), dec("538.26"), 2) == dec("45"));
    CHECK(percent(dec("15.25"), dec("33.9"), 2) == dec("44.99"));
    CHECK(percent(dec("1"), dec("3"), 0) == dec("33"));
    CHECK(percent(dec("1"), dec("8"), 1) == dec("12.5"));
    CHECK(percent(dec("1"), dec("16"), 2) == dec("6.25"));
    CHECK(percent(dec("1"), dec("16"), 1) == dec("6.2"));  // 6.25 → even 6.2
    CHECK_THROWS_AS(percent(dec("1"), Decimal(), 2), std::domain_error);
    CHECK_THROWS_AS(percent(Decimal::from_units(kMax), dec("1"), 0), DecimalOverflow);
}

TEST_CASE("decimal-4.5 round_half_even") {
    using formwork::round_half_even;
    CHECK(round_half_even(dec("2.5"), 0) == dec("2"));
    CHECK(round_half_even(dec("3.5"), 0) == dec("4"));
    CHECK(round_half_even(dec("-2.5"), 0) == dec("-2"));
    CHECK(round_half_even(dec("-3.5"), 0) == dec("-4"));
    CHECK(round_half_even(dec("0.125"), 2) == dec("0.12"));
    CHECK(round_half_even(dec("0.135"), 2) == dec("0.14"));
    CHECK(round_half_even(dec("0.1251"), 2) == dec("0.13"));
    CHECK(round_half_even(dec("1.234567"), 6) == dec("1.234567"));
    CHECK(round_half_even(dec("-0.4"), 0) == dec("0"));
    CHECK(round_half_even(dec("-0.4"), 0).to_string() == "0");
    CHECK(round_half_even(dec("9999.995"), 2) == dec("10000"));
    CHECK_THROWS_AS(round_half_even(dec("1"), 7), std::invalid_argument);
    CHECK_THROWS_AS(round_half_even(Decimal::from_units(kMax), 0), DecimalOverflow);
    CHECK_THROWS_AS(round_half_even(Decimal::from_units(kMin), 0), DecimalOverflow);
}
