// Turns the value a template file returns (a ScriptValue tree built with the `form`
// constructors) into a FormSpec, checking the whole description and collecting every mistake
// with its line and path, e.g.
//   scripts/templates/x.lua:42: blocks[2].fields[3].kind: expected one of text, longtext, … got "nmber"
// Pure C++ over ScriptValue: no Lua state is touched here.
#pragma once

#include <string>
#include <vector>

#include "core/form_spec.h"
#include "lua/script_value.h"

namespace formwork::script {

// The template language version this build reads (the `api` field's major number).
inline constexpr int kTemplateApi = 1;

struct TemplateProblem {
    std::string file;
    int line = 0;
    std::string path;  // "blocks[2].fields[3].kind"; empty for the whole file
    std::string message;

    std::string to_string() const;  // "file:line: path: message"
};

struct TemplateReadResult {
    FormSpec spec;
    std::vector<TemplateProblem> problems;  // empty: the spec is valid
    std::vector<std::pair<std::string, FunctionRef>> hooks;
    std::vector<std::pair<int, FunctionRef>> migrate;  // step from version `first` to first + 1

    bool ok() const { return problems.empty(); }
};

// `file` is the script's path as shown to users; `fallback_line` is used where no constructor
// recorded a line (a template written as plain tables).
TemplateReadResult read_template(const ScriptValue& value, const std::string& file, int fallback_line = 0);

// Resolves a value reference of a template ("expenses.full_year", "income.total.full_year",
// "fields.annual_budget"); returns an empty string when valid, else what is wrong.
std::string check_reference(const FormSpec& spec, const std::string& ref);

}  // namespace formwork::script
