// What the shell remembers between runs: the language, the window's size and the panes' sizes,
// in $XDG_CONFIG_HOME/formwork/shell.ini (~/.config/formwork/shell.ini). A missing or damaged
// file gives the defaults; an unknown line is skipped, so an older shell reads a newer file.
#pragma once

#include <filesystem>
#include <optional>

#include "core/lang.h"

namespace formwork::ui {

// Pane sizes as fractions of the window, so that they follow a resized window.
struct PaneSizes {
    float filings = 0.22f;   // the filing list's width
    float side = 0.25f;      // the scripts/history column's width
    float problems = 0.26f;  // the problems pane's height

    // Keeps every pane usable and the form at least a third of the window.
    void clamp();
};

struct ShellSettings {
    std::optional<Lang> lang;  // unset: the language of the environment
    int width = 0, height = 0;  // 0: the default size
    PaneSizes panes;
};

std::filesystem::path shell_settings_path();
ShellSettings load_shell_settings(const std::filesystem::path& file);
// Written whole to a temporary file and renamed over the old one; false when that failed (the
// shell then keeps running with what it has).
bool save_shell_settings(const std::filesystem::path& file, const ShellSettings& settings);

}  // namespace formwork::ui
