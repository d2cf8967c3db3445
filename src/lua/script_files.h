// The file side of script folders, shared by the template registry and the check engine:
// where the user's folders are, which *.lua files a folder holds (with the stamp that tells
// a changed file), how a path is shown to users, and reading a script's text.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace formwork::script {

// $XDG_DATA_HOME, else ~/.local/share; empty when neither is set.
std::filesystem::path user_data_dir();

// The shipped scripts folder (templates/, checks/, lib/, data/): FORMWORK_SCRIPTS_DIR if set,
// else ../share/formwork/scripts from the executable's folder (installed), else scripts/ of the
// build folder the executable sits in (a link to the source tree's, made by the configure step).
std::filesystem::path shipped_scripts_dir();

// A shipped folder and the user's folder of one kind, e.g. "lib": scripts/lib and
// ($XDG_DATA_HOME or ~/.local/share)/formwork/lib, in that order (the user's only when known).
std::vector<std::filesystem::path> script_dirs(const std::string& kind);

// A path as users see it in messages: relative to the working folder when inside it.
std::string shown_path(const std::filesystem::path& path);

struct ScriptFile {
    std::filesystem::path path;
    std::string shown;  // shown_path(path)
    std::filesystem::file_time_type mtime{};
    std::uintmax_t size = 0;
};

// The *.lua regular files of a folder, sorted by name; a file given instead of a folder is
// itself; empty when it is neither.
std::vector<ScriptFile> lua_files_in(const std::filesystem::path& dir);

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_script_text(const std::filesystem::path& path);

}  // namespace formwork::script
