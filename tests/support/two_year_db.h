// The two-year database of issue 13's "done when": the seeds (budget year 2024 for Nantong,
// Jiangsu and Yuanjiang) plus 2023 copies of six of their filings, three of them with the
// total changed. Shared by the command-line test (tests/cli/analyst_checks_test.cpp) and the
// shell's (tests/ui/previous_year_shell_test.cpp), so both look for the same findings.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace formwork::test {

struct PreviousYearCopy {
    std::int64_t seed_id;      // the 2024 filing copied (its id in the seeds' database)
    std::string total_2023;    // the copy's total
    bool changed;              // whether it differs from the 2024 total
    std::string severity;      // of the finding on the 2024 filing ("" when unchanged)
};

const std::vector<PreviousYearCopy>& previous_year_copies();

// Adds the copies to a database holding the seeds (imported in file order: ids 1–30), with
// the shipped templates. Throws when a filing or template is missing.
void add_previous_year(const std::string& db_path);

}  // namespace formwork::test
