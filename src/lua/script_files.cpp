// Script folders on disk (see script_files.h).
#include "lua/script_files.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace formwork::script {

namespace fs = std::filesystem;

namespace {

fs::path executable_dir_of_process() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

}  // namespace

fs::path shipped_scripts_dir() {
    if (const char* env = std::getenv("FORMWORK_SCRIPTS_DIR"); env && *env) return env;
    const fs::path exe_dir = executable_dir_of_process();
    if (exe_dir.empty()) return "scripts";
    std::error_code ec;
    // Installed (cmake --install, the .deb): PREFIX/bin/formwork beside PREFIX/share/formwork.
    // Relative to the executable, so a prefix that was moved or unpacked elsewhere still works.
    const fs::path installed = exe_dir.parent_path() / "share/formwork/scripts";
    if (fs::is_directory(installed / "templates", ec)) return installed;
    // A build tree: the folder above the executable that holds CMakeCache.txt (tests and
    // fuzzers sit a few folders deeper) and the link to the source tree's scripts/ that the
    // configure step leaves in it. No path is compiled in.
    fs::path dir = exe_dir;
    for (int up = 0; up < 5 && !dir.empty(); ++up, dir = dir.parent_path()) {
        if (fs::exists(dir / "CMakeCache.txt", ec)) {
            if (fs::is_directory(dir / "scripts/templates", ec)) return dir / "scripts";
            break;
        }
        if (dir == dir.parent_path()) break;
    }
    return installed;  // missing: every loader then names this folder as the one it looked in
}

std::vector<fs::path> script_dirs(const std::string& kind) {
    std::vector<fs::path> dirs{shipped_scripts_dir() / kind};
    if (const fs::path data = user_data_dir(); !data.empty()) dirs.push_back(data / "formwork" / kind);
    return dirs;
}

fs::path user_data_dir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return xdg;
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/share";
    return {};
}

std::string shown_path(const fs::path& p) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    if (!ec) {
        const fs::path rel = p.lexically_proximate(cwd);
        if (!rel.empty() && rel.native().rfind("..", 0) != 0) return rel.string();
    }
    return p.string();
}

std::vector<ScriptFile> lua_files_in(const fs::path& dir) {
    std::vector<ScriptFile> files;
    std::error_code ec;
    if (fs::is_regular_file(dir, ec)) {  // one file given as its own "folder" (lint)
        files.push_back({dir, shown_path(dir), fs::last_write_time(dir, ec), fs::file_size(dir, ec)});
        return files;
    }
    if (!fs::is_directory(dir, ec)) return files;
    for (const auto& de : fs::directory_iterator(dir, ec))
        if (de.path().extension() == ".lua" && de.is_regular_file(ec)) {
            ScriptFile f;
            f.path = de.path();
            f.shown = shown_path(de.path());
            f.mtime = fs::last_write_time(de.path(), ec);
            f.size = fs::file_size(de.path(), ec);
            files.push_back(std::move(f));
        }
    std::sort(files.begin(), files.end(), [](const ScriptFile& a, const ScriptFile& b) { return a.path < b.path; });
    return files;
}

std::optional<std::string> read_script_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace formwork::script
