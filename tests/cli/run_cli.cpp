// Runs the `formwork` binary for CLI tests (see run_cli.h). Uses fork/exec, not a shell, so
// arguments with spaces and Chinese text arrive unchanged.
#include "run_cli.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

CliResult run_cli(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    char out_tmpl[] = "/tmp/formwork-cli-out-XXXXXX";
    char err_tmpl[] = "/tmp/formwork-cli-err-XXXXXX";
    const int out_fd = mkstemp(out_tmpl);
    const int err_fd = mkstemp(err_tmpl);
    if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out_fd, 1);
        dup2(err_fd, 2);
        std::vector<char*> argv;
        static std::string binary = FORMWORK_BINARY;
        argv.push_back(binary.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        unsetenv("FORMWORK_LANG");
        unsetenv("DISPLAY");  // the shell must never open a window from a CLI test
        setenv("HOME", "/tmp/formwork-cli-home", 1);
        for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    close(out_fd);
    close(err_fd);
    CliResult r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.max_rss_kb = usage.ru_maxrss;
    r.signaled = WIFSIGNALED(status);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(out_tmpl);
    r.err = slurp(err_tmpl);
    unlink(out_tmpl);
    unlink(err_tmpl);
    return r;
}
