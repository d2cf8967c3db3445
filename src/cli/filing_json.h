// The JSON forms of a stored filing that `list`, `show` and `import` print: the summary whose
// keys scripts rely on (id, title, template, year, total, expense_total), and the whole filing.
// A filing whose template is not loaded still lists, with the title and year it was stored
// with and no total.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/filing.h"
#include "core/form_spec.h"

namespace formwork::cli {

struct FilingFacts {
    std::string title;
    nlohmann::json year;           // integer or null
    nlohmann::json total;          // decimal string or null
    nlohmann::json expense_total;  // decimal string or null
};

// `stored_title` / `stored_year`: what the store lists, used when `spec` is null.
FilingFacts filing_facts(const Filing& filing, const FormSpec* spec, const std::string& stored_title = {},
                         const std::string& stored_year = {});

// {id, title, template, year, total, expense_total}
nlohmann::json summary_json(const Filing& filing, const FilingFacts& facts);

// The summary plus template_version, fields, tables, indicators and notes.
nlohmann::json filing_json(const Filing& filing, const FilingFacts& facts);

}  // namespace formwork::cli
