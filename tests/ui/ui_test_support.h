// Shared by the shell tests: filling a new filing of any template with plausible values.
#pragma once

#include "ui/edit_session.h"

namespace formwork::ui {

// Fills every block of a new filing, so every widget kind is drawn.
void fill_sample(EditSession& s);

}  // namespace formwork::ui
