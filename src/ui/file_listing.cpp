// Folder listings for the in-app file chooser (see file_listing.h).
#include "ui/file_listing.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace fs = std::filesystem;

namespace formwork::ui {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

bool has_extension(const fs::path& file, const std::vector<std::string>& extensions) {
    if (extensions.empty()) return true;
    const std::string ext = lower(file.extension().string());
    return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

FolderListing list_folder(const fs::path& folder, const std::vector<std::string>& extensions, bool show_hidden) {
    FolderListing out;
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        out.readable = false;
        return out;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) {
            out.readable = false;
            break;
        }
        FileEntry e;
        e.name = it->path().filename().string();
        if (!show_hidden && !e.name.empty() && e.name[0] == '.') continue;
        std::error_code entry_ec;
        e.folder = it->is_directory(entry_ec);  // follows links: a link to a folder is a folder
        if (entry_ec) continue;
        if (!e.folder) {
            if (!it->is_regular_file(entry_ec) || entry_ec || !has_extension(it->path(), extensions)) continue;
            e.size = it->file_size(entry_ec);
        }
        e.modified = it->last_write_time(entry_ec);
        out.entries.push_back(std::move(e));
    }
    // Folders first; then by name, ignoring case, so that "b.xlsx" sits next to "B.json".
    std::sort(out.entries.begin(), out.entries.end(), [](const FileEntry& a, const FileEntry& b) {
        if (a.folder != b.folder) return a.folder;
        const std::string la = lower(a.name), lb = lower(b.name);
        return la != lb ? la < lb : a.name < b.name;
    });
    return out;
}

fs::path home_folder() {
    if (const char* home = std::getenv("HOME"); home && *home) return home;
    std::error_code ec;
    const fs::path here = fs::current_path(ec);
    return ec ? fs::path("/") : here;
}

fs::path tidy(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec) absolute = path;
    fs::path out = absolute.lexically_normal();
    // "/tmp/x/" tidies to "/tmp/x/" (an empty last part): drop it, but keep the root.
    if (out.has_relative_path() && out.filename().empty()) out = out.parent_path();
    return out;
}

fs::path parent_folder(const fs::path& folder) {
    const fs::path t = tidy(folder);
    return t.has_relative_path() ? t.parent_path() : t;
}

fs::path save_target(const fs::path& folder, const std::string& name, const std::string& extension) {
    fs::path target = fs::path(name).is_absolute() ? fs::path(name) : folder / name;
    target = tidy(target);
    if (!extension.empty() && lower(target.extension().string()) != lower(extension)) target += extension;
    return target;
}

std::string size_text(std::uintmax_t bytes) {
    char out[32];
    if (bytes < 1024) std::snprintf(out, sizeof out, "%ju B", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(out, sizeof out, "%.1f KB", static_cast<double>(bytes) / 1024);
    else if (bytes < 1024ull * 1024 * 1024) std::snprintf(out, sizeof out, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
    else std::snprintf(out, sizeof out, "%.1f GB", static_cast<double>(bytes) / (1024.0 * 1024 * 1024));
    return out;
}

std::string modified_text(fs::file_time_type when) {
    // file_time_type's clock is not system_clock in C++17 terms; convert through now().
    const auto system = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        when - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
    const std::time_t t = std::chrono::system_clock::to_time_t(system);
    std::tm local{};
    if (!localtime_r(&t, &local)) return {};
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%d %H:%M", &local);
    return out;
}

}  // namespace formwork::ui
