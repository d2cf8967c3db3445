// Lua patterns from templates (import titles and value rules) applied to printed text, with
// step budgets so that a pathological pattern gives up instead of hanging an import: one per
// call, and one per template and imported file (PatternBudget), so that many patterns over
// many lines cannot add up to minutes either.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace formwork::io {

// One template's share of pattern matching for one imported file: about 20 million matcher
// steps (0.1–0.2 s), far beyond what real templates use on a real file (the seeds take a few
// hundred thousand). Spent: every further match of that template fails at once, and the
// importer skips the template for the file with a message naming it.
struct PatternBudget {
    static constexpr std::size_t kPerFile = 20'000'000;
    static constexpr std::size_t kPerCall = 1'000'000;
    std::size_t left = kPerFile;

    bool spent() const { return left == 0; }
};

// When `pattern` matches somewhere in `text` (anchored with '^' as in Lua): its first capture,
// or the whole text when it has none. nullopt when it does not match, is malformed or runs out
// of budget (templates are checked when they load, so only a budget can really stop it).
std::optional<std::string> match_pattern(std::string_view text, std::string_view pattern, PatternBudget* budget = nullptr);

}  // namespace formwork::io
