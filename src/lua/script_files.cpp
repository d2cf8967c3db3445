// Script folders on disk (see script_files.h).
#include "lua/script_files.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace formwork::script {

namespace fs = std::filesystem;

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
