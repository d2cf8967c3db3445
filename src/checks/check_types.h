// The plain C++ shape of checks and of what running them gives: a check as an analyst
// declared it (scripts/checks/*.lua), a finding, and the outcome of one run. The CLI and the
// shell read only these; no Lua state is visible here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"
#include "lua/script_value.h"

namespace formwork::script {

enum class Severity { Error, Warning, Info };
enum class CheckScope {
    Filing,      // run once per filing
    Department,  // run once per department and year, over all of its filings
    Year,        // run once per budget year, over every filing of it
    All,         // run once, over every filing
    Group,       // run once per key a script's group(f) function gives, over the filings with that key
};

// How one run of one check ended. Every run ends in exactly one of these, so a rule that was
// skipped never looks like a pass.
enum class Outcome {
    Passed,         // ran, found nothing
    Failed,         // ran, reported findings
    NotApplicable,  // the filing has nothing this check is about (check.not_applicable)
    Insufficient,   // a value the check needs is blank or unreadable (check.insufficient)
    ScriptError,    // the check itself failed (an error in its Lua code)
    Stopped,        // stopped at a limit (time, memory, nesting, output)
    SwitchedOff,    // not run: the check failed or was stopped on 3 filings of this run before
};
inline constexpr std::size_t kOutcomeCount = 7;

// "error" "warning" "info"; "filing" "department" "year" "all" "group"; "passed" "failed" "not_applicable"
// "insufficient_data" "script_error" "stopped" "switched_off". These spellings are part of the
// --json output.
const char* to_string(Severity s);
const char* to_string(CheckScope s);
const char* to_string(Outcome o);
std::optional<Severity> severity_from(std::string_view text);
std::optional<Outcome> outcome_from(std::string_view text);

// One example a check script declares beside its rule: small filings (as the Lua tables the
// analyst wrote) and what the check must say about them.
struct CheckCase {
    struct Expected {
        std::size_t filing = 0;             // index into `filings`
        std::string path;                   // the finding's path, exactly
        std::vector<std::string> contains;  // texts the Chinese message must contain
    };
    std::string name;
    int line = 0;
    std::string template_id;           // the case's template, for filings that name none
    std::vector<ScriptValue> filings;  // each { template = …, fields = …, tables = …, indicators = … }
    std::vector<Expected> expect;      // exactly these findings (any order)
    Outcome outcome = Outcome::Passed;  // expected outcome (of the run on filings[0] for filing scope)
};

struct CheckSpec {
    std::string id;  // kebab-case, stable: findings and configuration refer to it
    std::string title_zh;
    std::string title_en;
    Severity severity = Severity::Error;
    std::vector<std::string> templates;  // template ids or patterns with * ("*", "*-project")
    CheckScope scope = CheckScope::Filing;
    FunctionRef group;  // scope Group: function(f) → the key that groups filings (nil: in no group)
    FunctionRef run;
    // Optional: function(spec) → whether the check applies to a template at all. Asked once
    // per template; where it says no, the template's filings count as not applicable without
    // the run function being called (a department check: when it says no for every filing of
    // the department that `templates` matches, the department's filings are not even read).
    FunctionRef applies;
    std::vector<CheckCase> cases;
    std::string file;
    int line = 0;

    bool applies_to(std::string_view template_id) const;
};

struct Finding {
    std::string check;
    Severity severity = Severity::Error;
    std::int64_t filing = 0;
    std::string filing_title;
    std::string template_id;
    std::string path;  // src/core/filing_cells.h scheme: "f/start_year", "t/expenses/2/full_year", "i/5/t/full_year"; "i" for the indicator table as a whole
    std::string message_zh;
    std::string message_en;  // empty when the check gave no English (or the same text)

    const std::string& message(Lang lang) const {
        return lang == Lang::En && !message_en.empty() ? message_en : message_zh;
    }
};

// A line a check printed with check.log(...) while debugging: never a finding.
struct LogLine {
    std::string check;
    std::int64_t filing = 0;
    std::string text;
};

// A run that did not simply pass or fail, kept with its reason so that a report can say why.
struct RunNote {
    std::string check;
    std::int64_t filing = 0;
    std::string filing_title;
    Outcome outcome = Outcome::NotApplicable;
    std::string detail;  // the reason given, or the script error as file:line: message
};

// The reasons the live engine itself gives (RunNote::detail) when it cannot run a check on
// one filing; named here so that the shell can show them in its own language.
inline constexpr const char* kReasonManyFilings = "runs over many filings: see formwork check";
inline constexpr const char* kReasonNoDepartment = "the filing names no department";
inline constexpr const char* kReasonNeedsDepartment = "needs the other filings of the department and year";

// Whether `pattern` (a template id, or with * standing for any run of characters) matches.
bool template_pattern_matches(std::string_view pattern, std::string_view id);

}  // namespace formwork::script
