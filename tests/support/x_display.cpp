// A private Xvfb display for shell tests (see x_display.h).
#include "x_display.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace formwork::test {

namespace {

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// The environment with `extra` set over it.
std::vector<std::string> environment(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const std::string key = entry.substr(0, entry.find('=') + 1);
        bool replaced = false;
        for (const auto& x : extra) replaced |= x.compare(0, key.size(), key) == 0;
        if (!replaced) env.push_back(entry);
    }
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
}

pid_t spawn(std::vector<std::string> args, std::vector<std::string> env, posix_spawn_file_actions_t* actions) {
    auto argv = pointers(args);
    auto envp = pointers(env);
    pid_t pid = -1;
    if (posix_spawnp(&pid, argv[0], actions, nullptr, argv.data(), envp.data()) != 0) return -1;
    return pid;
}

}  // namespace

XDisplay::XDisplay(int width, int height) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 3);  // Xvfb writes the display number here
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    xvfb_ = spawn({"Xvfb", "-displayfd", "3", "-screen", "0", std::to_string(width) + "x" + std::to_string(height) + "x24",
                   "-nolisten", "tcp", "-noreset"},
                  environment({}), &actions);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    std::string number;
    pollfd p{fds[0], POLLIN, 0};
    char c = 0;
    while (poll(&p, 1, 10000) > 0 && read(fds[0], &c, 1) == 1 && c != '\n') number += c;
    close(fds[0]);
    if (xvfb_ < 0 || number.empty()) {
        if (xvfb_ > 0) kill(xvfb_, SIGKILL), waitpid(xvfb_, nullptr, 0);
        throw std::runtime_error("Xvfb did not start (is the xvfb package installed?)");
    }
    name_ = ":" + number;
}

XDisplay::~XDisplay() {
    for (pid_t pid : started_) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
    kill(xvfb_, SIGTERM);
    waitpid(xvfb_, nullptr, 0);
}

pid_t XDisplay::start(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    std::vector<std::string> extra = env;
    extra.push_back("DISPLAY=" + name_);
    const pid_t pid = spawn(args, environment(extra), nullptr);
    if (pid > 0) started_.push_back(pid);
    return pid;
}

int XDisplay::wait(pid_t pid, double seconds) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            std::erase(started_, pid);
            return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
}

int XDisplay::run(const std::vector<std::string>& args, std::string* out, const std::string& input) {
    int out_fds[2], in_fds[2];
    if (pipe(out_fds) != 0 || pipe(in_fds) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, in_fds[0], 0);
    posix_spawn_file_actions_addclose(&actions, out_fds[0]);
    posix_spawn_file_actions_addclose(&actions, in_fds[1]);
    const pid_t pid = spawn(args, environment({"DISPLAY=" + name_}), &actions);
    posix_spawn_file_actions_destroy(&actions);
    close(out_fds[1]);
    close(in_fds[0]);
    if (pid > 0 && !input.empty()) (void)!write(in_fds[1], input.data(), input.size());
    close(in_fds[1]);
    std::string text;
    char buf[4096];
    ssize_t n;
    while ((n = read(out_fds[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<size_t>(n));
    close(out_fds[0]);
    if (out) *out = text;
    if (pid < 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

double cpu_seconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t close_paren = stat.rfind(')');
    if (close_paren == std::string::npos) return -1;
    std::istringstream fields(stat.substr(close_paren + 2));
    std::string f;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {
        if (i == 14) utime = std::stol(f);
        if (i == 15) stime = std::stol(f);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace formwork::test
