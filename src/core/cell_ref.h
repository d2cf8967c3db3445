// Names a value of a filing the way a person at a terminal would (`formwork set`): a header
// field id ("contact"), a template reference ("income.total.full_year", "fields.contact": the
// same form as a template's total_ref), or a cell path ("t/expenses/0/full_year"). One place,
// so that the CLI and any later caller agree on what a name means.
#pragma once

#include <optional>
#include <string>

#include "core/filing.h"
#include "core/form_spec.h"

namespace formwork {

// The cell path (core/filing_cells.h) `name` stands for; nullopt when it names nothing the
// template (or, without one, the filing) has. `spec` may be null: then only paths and field
// ids the filing already holds resolve.
std::optional<std::string> resolve_cell(const Filing& filing, const FormSpec* spec, const std::string& name);

// The filing with the cell at `path` set to `value` (a new row count grows or shrinks its
// table). Throws std::invalid_argument when the path does not make a filing.
Filing with_cell(const Filing& filing, const std::string& path, const std::string& value);

}  // namespace formwork
