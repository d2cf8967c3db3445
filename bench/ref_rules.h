// The C++ reference of the check library, for the batch-check ratio only (never shipped):
// BRIEF.md rules 1 and 14 (and the total = basic + project split of rule 5) as the sums of
// fixed-row tables, 2 (expense lines add up), 3 (half-year within full year), 4 (half-year
// rate agrees with the amounts), 6 (mid-term funds and quantities ≥ annual), 7 (budget year
// inside the period), 8 (indicator tree complete), 9 (targets parse), 10 (units fit the
// indicator), 11 (cost caps within budget), 12 (spending plan cumulative), 13 (required
// fields, phone numbers), and across filings the other half of 5 (a department's 项目支出 =
// the sum of its project tables of the year). Messages are built as text like the Lua checks
// build theirs.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"

namespace formwork::bench {

struct RefFinding {
    std::string rule;
    std::string path;
    std::string message;
};

// Runs the reference rules on one filing; returns how many rule runs applied.
std::size_t ref_check(const Filing& filing, const FormSpec& spec, std::vector<RefFinding>& out);

// Rule 5 across filings: groups the filings by department and year as the engine does (the
// template's department field; a blank one joins the department its fallback fields name)
// and compares each department-wide table's 项目支出 with its project tables' totals.
std::size_t ref_check_departments(const std::vector<Filing>& filings,
                                  const std::map<std::string, std::shared_ptr<const FormSpec>>& specs,
                                  std::vector<RefFinding>& out);

}  // namespace formwork::bench
