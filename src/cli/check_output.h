// How check results look on the command line: text grouped by filing with a summary, or the
// --json object whose keys are a public interface ({"findings": [...], "summary": {...}}).
// Shared by `formwork check` and the tests that pin the format.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "checks/check_engine.h"

namespace formwork::cli {

nlohmann::json report_json(const script::CheckReport& report, const std::vector<std::string>& load_errors, Lang lang);
// The same object written finding by finding, so that 100,000 filings' findings never sit in
// memory as one JSON tree (report_json(...).dump() gives the same value).
void write_report_json(std::ostream& os, const script::CheckReport& report, const std::vector<std::string>& load_errors,
                       Lang lang);
void print_report(Context& ctx, const script::CheckReport& report);
// Severity and outcome words in the user's language.
const char* severity_word(Context& ctx, script::Severity s);
const char* outcome_word(Context& ctx, script::Outcome o);

}  // namespace formwork::cli
