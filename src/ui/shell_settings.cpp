// Reading and writing shell.ini (see shell_settings.h).
#include "ui/shell_settings.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace formwork::ui {

namespace fs = std::filesystem;

void PaneSizes::clamp() {
    filings = std::clamp(filings, 0.10f, 0.45f);
    side = std::clamp(side, 0.12f, 0.45f);
    problems = std::clamp(problems, 0.08f, 0.70f);
    if (filings + side > 0.66f) side = 0.66f - filings;
}

fs::path shell_settings_path() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "formwork/shell.ini";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".config/formwork/shell.ini";
    return {};
}

namespace {

std::optional<float> to_fraction(const std::string& v) {
    char* end = nullptr;
    const float f = std::strtof(v.c_str(), &end);
    if (end == v.c_str() || *end || !(f > 0.0f && f < 1.0f)) return std::nullopt;
    return f;
}

int to_pixels(const std::string& v) {
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    return end != v.c_str() && !*end && n >= 320 && n <= 16384 ? static_cast<int>(n) : 0;
}

}  // namespace

ShellSettings load_shell_settings(const fs::path& file) {
    ShellSettings s;
    std::ifstream in(file);
    std::string line;
    while (in && std::getline(in, line)) {
        const size_t eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "language") {
            if (value == "zh") s.lang = Lang::Zh;
            else if (value == "en") s.lang = Lang::En;
        } else if (key == "window_width") {
            s.width = to_pixels(value);
        } else if (key == "window_height") {
            s.height = to_pixels(value);
        } else if (auto f = to_fraction(value)) {
            if (key == "pane_filings") s.panes.filings = *f;
            else if (key == "pane_side") s.panes.side = *f;
            else if (key == "pane_problems") s.panes.problems = *f;
        }
    }
    s.panes.clamp();
    return s;
}

bool save_shell_settings(const fs::path& file, const ShellSettings& s) {
    if (file.empty()) return false;
    std::ostringstream out;
    out << "# Formwork shell settings, written by the shell when it closes\n";
    if (s.lang) out << "language=" << (*s.lang == Lang::Zh ? "zh" : "en") << "\n";
    if (s.width > 0 && s.height > 0) out << "window_width=" << s.width << "\nwindow_height=" << s.height << "\n";
    out << "pane_filings=" << s.panes.filings << "\npane_side=" << s.panes.side << "\npane_problems=" << s.panes.problems << "\n";
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const fs::path tmp = file.string() + ".tmp";
    {
        std::ofstream f(tmp, std::ios::trunc);
        if (!(f << out.str()) || !f.flush()) return false;
    }
    fs::rename(tmp, file, ec);
    return !ec;
}

}  // namespace formwork::ui
