// A filing as the Lua table a template's `migrate` steps receive and return, laid out by
// the ids of a version of its template (scripts/README.md, "Templates over time"):
//
//   { fields = { project_name = "…", contact = "孙卓 025-83660026" },
//     tables = { income = { total = { full_year = "18" }, fiscal = { … } },   -- fixed rows by row id
//                expenses = { { item = "…", full_year = "3" }, … },           -- free rows as a list
//                spending_plan = { mar = "25%", dec = "100%" } },              -- a plan's points
//     indicators = { { level1 = "产出指标", level2 = "数量指标", name = "…",
//                      targets = { full_year = "≥90%" }, extra = { basis = "…" } } },
//     notes = { { kind = "import", text = "…" } } }
//
// Every value is the text as filed. Reading a table back against another version puts each
// value where that version has its id; what it has no place for is returned as unplaced
// (core/version_changes.h decides what becomes of it).
#pragma once

#include <string>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"
#include "core/version_changes.h"
#include "lua/script_value.h"

namespace formwork::script {

// `spec` names the fixed rows; nullptr (or a table it does not describe) gives lists of rows.
ScriptValue filing_table(const Filing& filing, const FormSpec* spec);

struct FilingFromTable {
    Filing filing;                        // template id and version of `spec`; id 0
    std::vector<UnplacedValue> unplaced;  // values at places `spec` does not have
    std::vector<std::string> problems;    // what is not a filing table ("fields.x: expected text, got a table")
};

FilingFromTable filing_from_table(const ScriptValue& table, const FormSpec& spec);

}  // namespace formwork::script
