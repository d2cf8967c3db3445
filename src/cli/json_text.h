// The text of every --json output: always a complete document. A string that is not valid
// UTF-8 (from a script, an imported file or a damaged store) has its bad bytes replaced by
// U+FFFD instead of making the library throw half-way through the output.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace formwork::cli {

// indent < 0: one line.
inline std::string json_text(const nlohmann::json& j, int indent = 2) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace formwork::cli
