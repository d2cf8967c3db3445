// Shared by the fuzz targets: the shipped templates, loaded once per process.
#pragma once

#include <memory>
#include <vector>

#include "core/form_spec.h"

namespace formwork::fuzz {

const std::vector<std::shared_ptr<const FormSpec>>& shipped_templates();

}  // namespace formwork::fuzz
