// Lua patterns from templates (import titles and value rules) applied to printed text, with a
// step budget so that a pathological pattern gives up instead of hanging an import.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace formwork::io {

// When `pattern` matches somewhere in `text` (anchored with '^' as in Lua): its first capture,
// or the whole text when it has none. nullopt when it does not match, is malformed or runs out
// of budget (templates are checked when they load, so only the budget can really stop it).
std::optional<std::string> match_pattern(std::string_view text, std::string_view pattern);

}  // namespace formwork::io
