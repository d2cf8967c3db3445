// The shell's views: one function per window or panel, each in its own view_<name>.cpp, all
// listed in views.cpp. A view reads App and calls its actions; it holds no document state.
#pragma once

#include "ui/app.h"

namespace formwork::ui {

void draw_menu_bar(App& app);
void draw_filings(App& app);
void draw_form(App& app);
void draw_problems(App& app);
void draw_scripts(App& app);
void draw_history(App& app);
void draw_status_bar(App& app);
void draw_dialogs(App& app);

// Lays out and draws every view for one frame (the window's size comes from ImGui's display).
void draw_shell(App& app);

}  // namespace formwork::ui
