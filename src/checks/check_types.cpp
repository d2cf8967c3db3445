// Names of the check enums (their spellings are part of the CLI's --json output) and
// template patterns.
#include "checks/check_types.h"

namespace formwork::script {

const char* to_string(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "info";
    }
    return "error";
}

const char* to_string(CheckScope s) {
    switch (s) {
        case CheckScope::Filing: return "filing";
        case CheckScope::Department: return "department";
        case CheckScope::Year: return "year";
        case CheckScope::All: return "all";
        case CheckScope::Group: return "group";
    }
    return "filing";
}

const char* to_string(Outcome o) {
    switch (o) {
        case Outcome::Passed: return "passed";
        case Outcome::Failed: return "failed";
        case Outcome::NotApplicable: return "not_applicable";
        case Outcome::Insufficient: return "insufficient_data";
        case Outcome::ScriptError: return "script_error";
        case Outcome::Stopped: return "stopped";
        case Outcome::SwitchedOff: return "switched_off";
    }
    return "script_error";
}

std::optional<Severity> severity_from(std::string_view text) {
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
        if (text == to_string(s)) return s;
    return std::nullopt;
}

std::optional<Outcome> outcome_from(std::string_view text) {
    for (std::size_t i = 0; i < kOutcomeCount; ++i)
        if (text == to_string(static_cast<Outcome>(i))) return static_cast<Outcome>(i);
    return std::nullopt;
}

bool template_pattern_matches(std::string_view pattern, std::string_view id) {
    // Classic glob with only '*': backtrack to the last star on a mismatch.
    std::size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
    while (s < id.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = s;
        } else if (p < pattern.size() && pattern[p] == id[s]) {
            ++p;
            ++s;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            s = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

bool CheckSpec::applies_to(std::string_view template_id) const {
    for (const std::string& t : templates)
        if (template_pattern_matches(t, template_id)) return true;
    return false;
}

}  // namespace formwork::script
