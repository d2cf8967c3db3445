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
    // A build directory sits inside the source tree (build/formwork), so look beside it first.
    const fs::path beside = executable_dir_of_process().parent_path() / "scripts";
    std::error_code ec;
    if (fs::is_directory(beside / "templates", ec)) return beside;
    return FORMWORK_SOURCE_SCRIPTS_DIR;
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
