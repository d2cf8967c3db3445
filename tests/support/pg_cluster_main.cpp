// pg_test_cluster start|stop DIR: the ctest fixture (pg-cluster:start / pg-cluster:stop) that
// runs one PostgreSQL cluster for every test binary of a ctest run, instead of one per test
// process. `start` leaves a watcher behind, detached from ctest's output, that holds the
// cluster's keeper open until `stop` asks or ctest itself is gone (killed, interrupted):
// either way the server is stopped and DIR removed.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "pg_cluster.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: pg_test_cluster start|stop DIR\n");
        return 2;
    }
    const std::string cmd = argv[1], dir = argv[2];
    const std::string stop_request = dir + "/stop-request";
    if (cmd == "stop") {
        std::FILE* f = std::fopen(stop_request.c_str(), "w");
        if (f) std::fclose(f);
        for (int i = 0; i < 600 && fs::exists(dir); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        return fs::exists(dir) ? 1 : 0;
    }
    if (cmd != "start") return 2;
    std::error_code ec;
    fs::remove_all(dir, ec);  // a folder a killed run left
    fs::create_directories(dir);
    const pid_t ctest = ::getppid();
    int report[2];
    if (::pipe(report) != 0) return 1;
    const pid_t watcher = ::fork();
    if (watcher < 0) return 1;
    if (watcher == 0) {
        ::close(report[0]);
        ::setsid();
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(null, 2);
        pid_t keeper = -1;
        int control = -1;
        try {
            control = formwork::test::start_pg_cluster(dir, keeper);
        } catch (const std::exception& e) {
            const std::string text = e.what();
            (void)!::write(report[1], text.data(), text.size());
            ::_exit(1);
        }
        (void)!::write(report[1], "R", 1);
        ::close(report[1]);
        while (::kill(ctest, 0) == 0 && !fs::exists(stop_request)) std::this_thread::sleep_for(std::chrono::milliseconds(200));
        ::close(control);  // the keeper stops the server and removes the folder
        ::waitpid(keeper, nullptr, 0);
        ::_exit(0);
    }
    ::close(report[1]);
    std::string answer;
    char buf[4096];
    for (ssize_t n; (n = ::read(report[0], buf, sizeof buf)) > 0;) answer.append(buf, static_cast<size_t>(n));
    if (answer != "R") {
        std::fprintf(stderr, "%s\n", answer.c_str());
        return 1;
    }
    std::printf("PostgreSQL test cluster in %s\n", dir.c_str());
    return 0;
}
