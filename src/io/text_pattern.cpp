// Budgeted Lua pattern matching for the importer (see text_pattern.h).
#include "io/text_pattern.h"

#include <algorithm>

#include "lua/lua_pattern.h"

namespace formwork::io {

namespace {

// Asked every few thousand steps by the matcher: counts down the steps this call may take.
struct StepBudget {
    std::size_t checks_left;
};

bool exhausted(void* context) {
    auto* b = static_cast<StepBudget*>(context);
    if (b->checks_left == 0) return true;
    --b->checks_left;
    return false;
}

}  // namespace

std::optional<std::string> match_pattern(std::string_view text, std::string_view pattern, PatternBudget* budget) {
    namespace p = script::pattern;
    if (budget && budget->spent()) return std::nullopt;
    const std::size_t allowed = std::min(PatternBudget::kPerCall, budget ? budget->left : PatternBudget::kPerCall);
    StepBudget steps{allowed / p::kStepsPerCheck};
    const bool anchor = !pattern.empty() && pattern[0] == '^';
    p::Matcher m(text, pattern, {exhausted, &steps});
    std::optional<std::string> result;
    for (std::size_t at = 0;; ++at) {
        const p::Outcome outcome = m.match(at, anchor ? 1 : 0);
        if (outcome == p::Outcome::Match) {
            if (m.capture_count() > 0 && m.capture(0).length >= 0)
                result = std::string(text.substr(m.capture(0).start, static_cast<std::size_t>(m.capture(0).length)));
            else
                result = std::string(text);
            break;
        }
        if (outcome == p::Outcome::Stopped && budget) budget->left = 0;
        if (outcome != p::Outcome::NoMatch || anchor || at >= text.size()) break;
    }
    if (budget && !budget->spent()) budget->left -= std::min(budget->left, m.steps());
    return result;
}

}  // namespace formwork::io
