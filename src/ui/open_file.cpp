// Opening a file with the desktop's program (see open_file.h).
#include "ui/open_file.h"

#include <spawn.h>
#include <sys/wait.h>

#include <thread>
#include <vector>

extern char** environ;

namespace formwork::ui {

bool open_with_desktop(const std::string& path) {
    std::string program = "xdg-open";
    std::vector<char*> argv = {program.data(), const_cast<char*>(path.c_str()), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return false;
    // Reaped on its own thread: xdg-open may wait for the program it starts.
    std::thread([pid] {
        int status = 0;
        waitpid(pid, &status, 0);
    }).detach();
    return true;
}

}  // namespace formwork::ui
