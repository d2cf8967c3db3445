// The JSON form of what a migration did to a filing's values (core/version_changes.h), shared
// by `formwork migrate --json` and `formwork copy --next-year --json`. Keys are stable:
// {"kind", "from", "from_label", "to", "to_label", "value", "new_value", "parts"}.
#pragma once

#include <nlohmann/json.hpp>

#include "core/version_changes.h"

namespace formwork::cli {

nlohmann::json change_json(const ValueChange& change);
nlohmann::json changes_json(const VersionChanges& changes);  // the list

}  // namespace formwork::cli
