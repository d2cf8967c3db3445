// Runs the built `formwork` binary with arguments and captures exit code, stdout and stderr,
// so CLI tests check the public interface exactly as scripts see it.
#pragma once

#include <map>
#include <string>
#include <vector>

struct CliResult {
    int exit_code = -1;  // 128 + signal number when a signal ended it
    bool signaled = false;
    std::string out;
    std::string err;
    double seconds = 0;    // wall-clock time
    long max_rss_kb = 0;   // the child's peak resident memory
};

// `env`: variables set for the child on top of the test's (e.g. XDG_DATA_HOME for user
// script folders).
CliResult run_cli(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});
