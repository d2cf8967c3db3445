// Readable names for cell paths (src/core/filing_cells.h), in the template's own labels instead
// of "t/income/0/full_year": the shell's problems panel and revision list, and the reviewer's
// report, name places the same way.
#pragma once

#include <string>

#include "core/filing.h"
#include "core/form_spec.h"
#include "core/lang.h"

namespace formwork {

// e.g. "项目资金（万元） › 资金总额 › 全年（程）预算数", "绩效指标 › 预算执行率 › 半年（程）指标值".
std::string path_label(const std::string& path, const FormSpec* spec, const Filing& filing, Lang lang);

}  // namespace formwork
