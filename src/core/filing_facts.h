// What lists, summaries and exports say about a filing, read through its template: its title,
// budget year, total budget as filed, and the sum of its expense lines. One place, so that the
// CLI, the shell and the importer agree.
#pragma once

#include <optional>
#include <string>

#include "core/decimal.h"
#include "core/filing.h"
#include "core/form_spec.h"

namespace formwork {

// The filed text a template reference names: "fields.<field>" or "<table>.<row>.<column>" (a
// fixed cell; row ids are looked up in the template). nullptr when the filing has no such value.
const std::string* referenced_text(const Filing& filing, const FormSpec& spec, const std::string& ref);

// The template's title field as filed, trimmed (项目名称, 部门名称 …).
std::string filing_title(const Filing& filing, const FormSpec& spec);

// The budget year: the template's year field when it holds a year, else the template's year.
std::optional<int> filing_year(const Filing& filing, const FormSpec& spec);

// The total budget as filed (the template's `total`), as a plain decimal string: the filed text
// when it already is one ("6.80" stays "6.80"), else its exact value ("1,239.92" → "1239.92").
// nullopt when the template names no total or the filing's is blank or not a number.
std::optional<std::string> filing_total(const Filing& filing, const FormSpec& spec);

// The sum of the expense lines: the last total column of the free-rows table "expenses" (the
// full-year budget). nullopt when the template has no such table or a line is not a number.
std::optional<Decimal> expense_total(const Filing& filing, const FormSpec& spec);

}  // namespace formwork
