// The shell's views: one function per window or panel, each in its own view_<name>.cpp, all
// listed in views.cpp. A view reads App and calls its actions; it holds no document state.
#pragma once

#include <string>
#include <vector>

#include "io/export.h"
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

// File > Export… (view_export.cpp): the dialog, and the export it runs, which reports in
// app.status_message and returns whether the file was written.
void open_export_dialog(App& app);
// File > Import… (view_import.cpp).
void open_import_dialog(App& app);
// Files given on the command line (opened from the file manager): the dialog opens on them
// and their import starts at once.
void import_at_start(App& app, const std::vector<std::string>& files);
void draw_import_dialog(App& app);
void draw_export_dialog(App& app);
// File > Report… (view_report.cpp): the reviewer's report, written in the background.
void open_report_dialog(App& app);
void draw_report_dialog(App& app);
bool export_from_shell(App& app, bool all, io::ExportFormat format, const std::string& path);
// Template versions (view_migrate.cpp): the banner over a filing of an earlier version (drawn
// by the form under its title), the update and next-year dialogs, File > Next year's filing.
void draw_version_banner(App& app);
void draw_version_dialogs(App& app);
void open_next_year_dialog(App& app);
void open_update_dialog(App& app);

// The shared store (view_workflow.cpp): the conflict view of a refused save and the reason a
// returned filing is given; a status in the UI's words.
void draw_workflow_dialogs(App& app);
Str status_word(store::Status status);

// Lays out and draws every view for one frame (the window's size comes from ImGui's display).
void draw_shell(App& app);

}  // namespace formwork::ui
