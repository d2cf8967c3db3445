// Whether a text may be stored in a field or column of a given kind. The shell refuses what
// fails here (typed or pasted) instead of storing a number field that is not a number; the
// checks judge everything else.
#pragma once

#include <string>

#include "core/form_spec.h"

namespace formwork {

// True when `text` is acceptable for a field of `kind` (blank is always acceptable): money a
// plain amount, an integer a whole amount, a percent a bare number with or without "%".
bool accepts(ValueKind kind, const std::string& text);

}  // namespace formwork
