// Turns the value a check script returns (check.script{ api = 1, checks = { check.define{…} } })
// into CheckSpecs, collecting every mistake with its line and path, e.g.
//   scripts/checks/funds.lua:12: checks[1].severity: expected one of error, warning, info, got "fatal"
// Pure C++ over ScriptValue, like template_reader.h: no Lua state is touched here.
#pragma once

#include <string>
#include <vector>

#include "checks/check_types.h"
#include "templates/template_reader.h"

namespace formwork::script {

// The check-script language version this build reads (the `api` field).
inline constexpr int kCheckApi = 1;

struct CheckReadResult {
    std::vector<CheckSpec> checks;
    std::vector<TemplateProblem> problems;  // empty: every check is valid

    bool ok() const { return problems.empty(); }
};

CheckReadResult read_check_script(const ScriptValue& value, const std::string& file, int fallback_line = 0);

// Whether `id` is kebab-case: lower-case letters and digits in words joined by single '-'.
bool is_check_id(const std::string& id);

}  // namespace formwork::script
