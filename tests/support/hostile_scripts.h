// The hostile scripts of tests/fixtures/hostile/ (issue 12) as a user would drop them into
// their folders: shared by the command-line suite (tests/cli/hostile_test.cpp) and the shell's
// (tests/ui/hostile_shell_test.cpp).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "user_folder.h"

namespace formwork::test {

struct Hostile {
    std::string name;    // file name without .lua
    std::string expect;  // nesting timeout memory output runtime load-error import-warning ok (first line)
    std::string source;
};

// The scripts of a folder, by name: the payloads (tests/fixtures/hostile) or whole files.
std::vector<Hostile> read_hostile(const std::filesystem::path& dir);
std::filesystem::path hostile_dir();
std::string dashed(std::string s);

// A payload run when a template file loads (before a valid template, id hostile-<name>).
std::string as_template(const Hostile& p);
// A payload run when a check script loads (check id hostile-load-<name>).
std::string as_check_load(const Hostile& p);
// A payload run by a check on every filing (check id hostile-run-<name>).
std::string as_check_run(const Hostile& p);

// Whether a script error message is the kind the payload expects.
bool error_fits(const std::string& expect, const std::string& error);

}  // namespace formwork::test
