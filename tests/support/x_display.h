// A private X display for tests that drive the real shell as a person would: an Xvfb server
// of its own (the display number chosen by Xvfb), programs started on it (the shell, xdotool,
// xclip), and their output. Everything started is killed when the test ends.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace formwork::test {

class XDisplay {
public:
    // Starts Xvfb; throws std::runtime_error when it cannot (not installed, no display free).
    explicit XDisplay(int width = 1440, int height = 900);
    ~XDisplay();
    XDisplay(const XDisplay&) = delete;
    XDisplay& operator=(const XDisplay&) = delete;

    const std::string& name() const { return name_; }  // ":N"

    // Starts a program on the display with `env` added ("NAME=value"); killed at the end.
    pid_t start(const std::vector<std::string>& args, const std::vector<std::string>& env = {});
    // Runs a program on the display to its end; its exit code, -1 when it could not run.
    // `out`, when given, receives its standard output.
    int run(const std::vector<std::string>& args, std::string* out = nullptr, const std::string& input = {});
    // Waits for a started program to exit; its exit code, or -1 after `seconds`.
    int wait(pid_t pid, double seconds);

private:
    pid_t xvfb_ = -1;
    std::string name_;
    std::vector<pid_t> started_;
};

// CPU time (user + system) a process has used so far, in seconds (from /proc/PID/stat).
double cpu_seconds(pid_t pid);

}  // namespace formwork::test
