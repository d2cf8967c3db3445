// Budgeted Lua pattern matching for the importer (see text_pattern.h).
#include "io/text_pattern.h"

#include "script/lua_pattern.h"

namespace formwork::io {

namespace {

// About a million matcher steps: far beyond any sane pattern on one cell of a form.
struct StepBudget {
    int checks_left = 1000;
};

bool exhausted(void* context) { return --static_cast<StepBudget*>(context)->checks_left < 0; }

}  // namespace

std::optional<std::string> match_pattern(std::string_view text, std::string_view pattern) {
    namespace p = script::pattern;
    StepBudget budget;
    const bool anchor = !pattern.empty() && pattern[0] == '^';
    p::Matcher m(text, pattern, {exhausted, &budget});
    for (std::size_t at = 0;; ++at) {
        const p::Outcome outcome = m.match(at, anchor ? 1 : 0);
        if (outcome == p::Outcome::Match) {
            if (m.capture_count() > 0 && m.capture(0).length >= 0)
                return std::string(text.substr(m.capture(0).start, static_cast<std::size_t>(m.capture(0).length)));
            return std::string(text);
        }
        if (outcome != p::Outcome::NoMatch || anchor || at >= text.size()) return std::nullopt;
    }
}

}  // namespace formwork::io
