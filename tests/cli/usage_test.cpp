// The CLI's usage contract: help lists every subcommand from the one table, and unknown
// commands or options go to stderr with exit code 2.
#include <catch2/catch.hpp>

#include "run_cli.h"

TEST_CASE("cli-1.1 --help lists the subcommands and exits 0") {
    const auto r = run_cli({"--help"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("target"));
    CHECK_THAT(r.out, Catch::Contains("info"));
    CHECK_THAT(r.out, Catch::Contains("用法"));
}

TEST_CASE("cli-1.2 --lang en gives English help") {
    const auto r = run_cli({"--lang", "en", "--help"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Usage"));
}

TEST_CASE("cli-1.3 --version prints the version") {
    const auto r = run_cli({"--version"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::StartsWith("formwork "));
}

TEST_CASE("cli-1.4 an unknown subcommand prints usage to stderr and exits 2") {
    const auto r = run_cli({"frobnicate"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("frobnicate"));
    CHECK_THAT(r.err, Catch::Contains("用法"));
}

TEST_CASE("cli-1.5 an unknown flag exits 2, before or after the command") {
    CHECK(run_cli({"--frob"}).exit_code == 2);
    const auto r = run_cli({"target", "--frob", "≥90%"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--frob"));
}

TEST_CASE("cli-1.6 no command opens the shell, which without a display says so and exits 1") {
    const auto r = run_cli({"--lang", "en"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("display"));
}

TEST_CASE("cli-1.7 a bad --lang value is a usage error") {
    CHECK(run_cli({"--lang", "fr", "--help"}).exit_code == 2);
}
