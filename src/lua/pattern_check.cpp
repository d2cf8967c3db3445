// Static well-formedness check of Lua patterns (see pattern_check.h). It walks the pattern
// the way Lua's matcher does, without a subject, so every error is found whatever the text.
#include "lua/pattern_check.h"

#include "lua/lua_pattern.h"

namespace formwork::script::pattern {

namespace {

// The end of the set starting at `p` (just after its '['), or npos when ']' is missing.
std::size_t set_end(std::string_view pat, std::size_t p) {
    if (p < pat.size() && pat[p] == '^') ++p;
    // A ']' right after '[' or '[^' is a literal member, as in Lua.
    do {
        if (p >= pat.size()) return std::string_view::npos;
        if (pat[p] == '%') {
            ++p;
            if (p >= pat.size()) return std::string_view::npos;
        }
        ++p;
    } while (p >= pat.size() || pat[p] != ']');
    return p + 1;
}

}  // namespace

std::string pattern_problem(std::string_view pat) {
    std::size_t p = !pat.empty() && pat[0] == '^' ? 1 : 0;
    int open = 0, level = 0;
    bool closed[kMaxCaptures] = {};
    while (p < pat.size()) {
        const char c = pat[p];
        if (c == '(') {
            if (level >= kMaxCaptures) return "too many captures";
            ++level;
            ++open;
            ++p;
            if (p < pat.size() && pat[p] == ')') {  // position capture
                closed[level - 1] = true;
                --open;
                ++p;
            }
            continue;
        }
        if (c == ')') {
            int i = level - 1;
            while (i >= 0 && closed[i]) --i;
            if (i < 0 || open == 0) return "invalid pattern capture";
            closed[i] = true;
            --open;
            ++p;
            continue;
        }
        if (c == '$' && p + 1 == pat.size()) break;
        if (c == '%') {
            if (p + 1 >= pat.size()) return "malformed pattern (ends with '%')";
            const char k = pat[p + 1];
            if (k == 'b') {
                if (p + 3 >= pat.size()) return "missing arguments to '%b'";
                p += 4;
                continue;
            }
            if (k == 'f') {
                p += 2;
                if (p >= pat.size() || pat[p] != '[') return "missing '[' after '%f' in pattern";
                const std::size_t e = set_end(pat, p + 1);
                if (e == std::string_view::npos) return "malformed pattern (missing ']')";
                p = e;
                continue;
            }
            if (k >= '0' && k <= '9') {
                const int index = k - '1';
                if (index < 0 || index >= level || !closed[index]) return "invalid capture index";
            }
            p += 2;
        } else if (c == '[') {
            const std::size_t e = set_end(pat, p + 1);
            if (e == std::string_view::npos) return "malformed pattern (missing ']')";
            p = e;
        } else {
            ++p;
        }
        if (p < pat.size() && (pat[p] == '*' || pat[p] == '+' || pat[p] == '-' || pat[p] == '?')) ++p;
    }
    if (open > 0) return "unfinished capture";
    return {};
}

}  // namespace formwork::script::pattern
