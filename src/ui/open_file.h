// Opens a written file (a report, an export) in the desktop's program for it, through
// xdg-open, without waiting for it; false when there is no xdg-open.
#pragma once

#include <string>

namespace formwork::ui {

bool open_with_desktop(const std::string& path);

}  // namespace formwork::ui
