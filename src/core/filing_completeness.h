// How much of a form a filing holds, read through its template: the values it has, and which
// of the values the template requires are filled. The importer judges a read form by it (a
// form with no title, or fewer than half of its required values, is refused as not really
// this form) and reports it (formwork import --json).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"

namespace formwork {

struct RequiredValue {
    std::string label;  // as the form prints it: "项目名称", "项目资金 资金总额", "绩效指标 产出指标"
    bool filled = false;
};

// The template's required values: its required header fields and its title field, the total
// it names, the required columns of a spending plan, and each required level-1 category of the
// indicator tree (at least one indicator under it).
std::vector<RequiredValue> required_values(const Filing& filing, const FormSpec& spec);

// Every non-blank value of the filing: fields, table cells, indicator cells.
std::size_t filled_values(const Filing& filing);

}  // namespace formwork
