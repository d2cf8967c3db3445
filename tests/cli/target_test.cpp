// `formwork target`: the parse of target values as scripts read it (--json keys are public).
#include <catch2/catch.hpp>

#include "run_cli.h"

TEST_CASE("cli-2.1 target --json gives comparator, exact value and unit") {
    const auto r = run_cli({"target", "--json", "≤9.6万元", "满意率95%以上", "合理", "是/否"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains(R"("comparator": "≤")"));
    CHECK_THAT(r.out, Catch::Contains(R"("value": "9.6")"));
    CHECK_THAT(r.out, Catch::Contains(R"("unit": "万元")"));
    CHECK_THAT(r.out, Catch::Contains(R"("value": "95")"));
    CHECK_THAT(r.out, Catch::Contains(R"("kind": "grade")"));
    CHECK_THAT(r.out, Catch::Contains(R"("kind": "placeholder")"));
}

TEST_CASE("cli-2.2 target without text is a usage error") {
    const auto r = run_cli({"target"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("用法"));
}

TEST_CASE("cli-2.3 target in plain text names the kind in Chinese") {
    const auto r = run_cli({"target", "≥1.4亿个"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("数值"));
    CHECK_THAT(r.out, Catch::Contains("140000000"));
}
