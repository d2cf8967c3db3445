// The desktop's file dialog as a child process (see desktop_chooser.h).
#include "ui/desktop_chooser.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <GLFW/glfw3.h>

#include <cerrno>
#include <cstdlib>

extern char** environ;

namespace formwork::ui {

namespace {

std::atomic<int> g_open_dialogs{0};
std::atomic<int> g_untaken_answers{0};

bool on_path(const char* tool) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::string all = path;
    for (size_t start = 0; start <= all.size();) {
        size_t colon = all.find(':', start);
        if (colon == std::string::npos) colon = all.size();
        const std::string dir = all.substr(start, colon - start);
        if (!dir.empty() && access((dir + "/" + tool).c_str(), X_OK) == 0) return true;
        start = colon + 1;
    }
    return false;
}

// "*.xlsx *.json" (zenity and kdialog both take glob patterns).
std::string globs(const std::vector<std::string>& extensions) {
    std::string out;
    for (const auto& e : extensions) out += (out.empty() ? "*" : " *") + e;
    return out;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        std::string line = text.substr(start, nl - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) out.push_back(std::move(line));
        start = nl + 1;
    }
    return out;
}

}  // namespace

ChooserTool desktop_chooser_tool() {
    const char* forced = std::getenv("FORMWORK_FILE_CHOOSER");
    const std::string choice = forced ? forced : "";
    if (choice == "builtin") return ChooserTool::None;
    if (choice == "zenity") return ChooserTool::Zenity;
    if (choice == "kdialog") return ChooserTool::Kdialog;
    const bool display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
    if (!display) return ChooserTool::None;
    // KDE's own dialog on KDE, where zenity may also be installed but looks foreign.
    const char* desktop = std::getenv("XDG_CURRENT_DESKTOP");
    const bool kde = desktop && std::string(desktop).find("KDE") != std::string::npos;
    if (kde && on_path("kdialog")) return ChooserTool::Kdialog;
    if (on_path("zenity")) return ChooserTool::Zenity;
    if (on_path("kdialog")) return ChooserTool::Kdialog;
    return ChooserTool::None;
}

std::vector<std::string> chooser_command(ChooserTool tool, const ChooserRequest& r) {
    std::vector<std::string> cmd;
    if (tool == ChooserTool::Zenity) {
        cmd = {"zenity", "--file-selection", "--title=" + r.title};
        if (r.save) {
            cmd.push_back("--save");
            cmd.push_back("--confirm-overwrite");
        } else if (r.multiple) {
            cmd.push_back("--multiple");
            cmd.push_back("--separator=\n");
        }
        // A folder given with a trailing '/' opens in it; a file name is suggested.
        std::string start = r.start;
        if (!r.save && !start.empty() && start.back() != '/') start += '/';
        if (!start.empty()) cmd.push_back("--filename=" + start);
        if (!r.extensions.empty()) cmd.push_back("--file-filter=" + r.filter_name + " | " + globs(r.extensions));
        cmd.push_back("--file-filter=" + r.all_filter_name + " | *");
    } else if (tool == ChooserTool::Kdialog) {
        cmd = {"kdialog", "--title", r.title};
        cmd.push_back(r.save ? "--getsavefilename" : "--getopenfilename");
        cmd.push_back(r.start.empty() ? "." : r.start);
        if (!r.extensions.empty()) cmd.push_back(globs(r.extensions) + "|" + r.filter_name + "\n*|" + r.all_filter_name);
        if (!r.save && r.multiple) {
            cmd.push_back("--multiple");
            cmd.push_back("--separate-output");
        }
    }
    return cmd;
}

bool desktop_chooser_running() { return g_open_dialogs.load() > 0; }

bool desktop_chooser_answered() { return g_untaken_answers.load() > 0; }

DesktopChooser::~DesktopChooser() {
    // The dialog's whole process group: a child of it holding the pipe would keep the
    // waiter reading.
    if (running_.load() && pid_ > 0) kill(-pid_, SIGTERM);
    if (waiter_.joinable()) waiter_.join();
    if (result_) --g_untaken_answers;
}

bool DesktopChooser::start(const std::vector<std::string>& command) {
    if (running_.load() || command.empty()) return false;
    if (waiter_.joinable()) waiter_.join();
    {
        std::lock_guard lock(mutex_);
        if (result_) --g_untaken_answers;
        result_.reset();
    }
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) return false;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    // The tools chatter on stderr (GTK warnings); the shell's own stderr stays readable.
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char*> argv;
    std::vector<std::string> args = command;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // A process group of its own, so that closing the shell can end the dialog and anything
    // it started.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
    pid_t pid = 0;
    const int failed = posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (failed) {
        close(out[0]);
        return false;
    }
    pid_ = pid;
    running_ = true;
    ++g_open_dialogs;
    waiter_ = std::thread([this, pid, fd = out[0]] {
        std::string text;
        char buf[4096];
        for (ssize_t n; (n = read(fd, buf, sizeof buf)) != 0;) {
            if (n < 0) {
                if (errno == EINTR) continue;
                break;
            }
            text.append(buf, static_cast<size_t>(n));
        }
        close(fd);
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        Result r;
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        // 0: chosen; 1: the user cancelled (both tools); anything else: the tool failed.
        if (code == 0) r.paths = split_lines(text);
        r.status = code == 0 ? (r.paths.empty() ? Status::Cancelled : Status::Chosen) : code == 1 ? Status::Cancelled : Status::Failed;
        {
            std::lock_guard lock(mutex_);
            result_ = std::move(r);
            ++g_untaken_answers;
        }
        running_ = false;
        --g_open_dialogs;
        // Wake the shell from its event wait (thread-safe in GLFW; in tests, with no GLFW set
        // up, it only reports an error that nobody listens to).
        glfwPostEmptyEvent();
    });
    return true;
}

std::optional<DesktopChooser::Result> DesktopChooser::take() {
    if (running_.load()) return std::nullopt;
    std::lock_guard lock(mutex_);
    auto r = std::move(result_);
    if (r) --g_untaken_answers;
    result_.reset();
    return r;
}

}  // namespace formwork::ui
