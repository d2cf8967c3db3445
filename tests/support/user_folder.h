// A user data folder ($XDG_DATA_HOME) with formwork/templates and formwork/checks, removed at
// the end: where tests drop the scripts, libraries and data a user would.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace formwork::test {

struct UserFolder {
    std::filesystem::path root;
    UserFolder();
    ~UserFolder();
    UserFolder(const UserFolder&) = delete;
    UserFolder& operator=(const UserFolder&) = delete;
    // formwork/<folder>/<name>.lua ("templates", "checks", "lib")
    void write(const std::string& folder, const std::string& name, const std::string& text) const;
    // formwork/<folder>/<file_name> as given ("data", "indicator-library.csv")
    void write_file(const std::string& folder, const std::string& file_name, const std::string& text) const;
    std::map<std::string, std::string> env() const { return {{"XDG_DATA_HOME", root.string()}}; }
};

}  // namespace formwork::test
