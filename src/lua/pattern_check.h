// Checks that a Lua pattern written in a template is well-formed before it is ever used, so
// that a mistake is reported at load time with file:line rather than while importing.
#pragma once

#include <string>
#include <string_view>

namespace formwork::script::pattern {

// Empty when `pattern` is a well-formed Lua 5.1 pattern; else what is wrong, in the words
// Lua itself uses ("malformed pattern (missing ']')", "unfinished capture" …).
std::string pattern_problem(std::string_view pattern);

}  // namespace formwork::script::pattern
