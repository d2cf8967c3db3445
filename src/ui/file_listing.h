// What the in-app file chooser shows, without drawing it: a folder's entries (folders first,
// then files, each by name; hidden ones left out unless asked; files filtered by extension),
// the way up and home, and the file an export writes from a folder and a typed name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace formwork::ui {

struct FileEntry {
    std::string name;
    bool folder = false;
    std::uintmax_t size = 0;  // files only
    std::filesystem::file_time_type modified{};
};

struct FolderListing {
    std::vector<FileEntry> entries;
    bool readable = true;  // false: the folder could not be listed (missing, no permission)
};

// `extensions`: lower-case with the dot (".xlsx"); empty: every file. Matching ignores case
// (".XLSX" is an xlsx). Folders are always listed (the way to files); an entry that cannot
// be examined (a dangling link) is left out.
FolderListing list_folder(const std::filesystem::path& folder, const std::vector<std::string>& extensions, bool show_hidden);

bool has_extension(const std::filesystem::path& file, const std::vector<std::string>& extensions);

// $HOME, else the current folder.
std::filesystem::path home_folder();

// The folder above (the root stays the root); a path is made absolute and tidied first.
std::filesystem::path parent_folder(const std::filesystem::path& folder);

// Absolute and without "." and ".." parts (the folder need not exist).
std::filesystem::path tidy(const std::filesystem::path& path);

// Where an export goes: `name` in `folder` (`name` as typed when it is an absolute path),
// with `extension` added unless it already ends so.
std::filesystem::path save_target(const std::filesystem::path& folder, const std::string& name, const std::string& extension);

// "12.5 KB", "3 MB", "512 B".
std::string size_text(std::uintmax_t bytes);

// "2024-05-01 16:30" in local time.
std::string modified_text(std::filesystem::file_time_type when);

}  // namespace formwork::ui
