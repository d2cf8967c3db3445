// Runs the built `formwork` binary with arguments and captures exit code, stdout and stderr,
// so CLI tests check the public interface exactly as scripts see it.
#pragma once

#include <string>
#include <vector>

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

CliResult run_cli(const std::vector<std::string>& args);
