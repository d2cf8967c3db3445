// Reference data for checks: check.data("name") reads name.csv or name.json from the shipped
// scripts/data and the user's data folder (names only, never paths; a file resolving outside
// its folder is refused), at most 8 MB, parsed once per engine into read-only rows. CSV: the
// first line names the columns (RFC 4180 quoting, UTF-8 with or without BOM); JSON: an array
// of objects, or one object.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "lua/script_value.h"

namespace formwork::script {

struct DataFile {
    std::filesystem::path path;
    std::filesystem::file_time_type mtime{};
};

// The file for a name, looked up in `dirs` from the last (the user's folder) to the first
// (name.csv, then name.json); an empty path when none. Throws std::invalid_argument for a name
// that is not one, or a file that resolves outside its folder.
DataFile find_data_file(const std::string& name, const std::vector<std::filesystem::path>& dirs);

// What an engine has read: each file parsed once (again when it changes). Registered with
// the engine's host as a context, so check.data finds it.
struct DataCache {
    struct Entry {
        std::filesystem::path path;  // another file may take its place (the user adds theirs)
        std::filesystem::file_time_type mtime{};
        ScriptValue value;
    };
    std::vector<std::filesystem::path> dirs;
    std::map<std::string, Entry> files;  // by name
};

// The rows of the file as a list of { column = text } (CSV) or the JSON's value. Throws
// std::runtime_error naming the file and line for a malformed one or one over 8 MB.
ScriptValue read_data_file(const std::filesystem::path& path);

}  // namespace formwork::script
