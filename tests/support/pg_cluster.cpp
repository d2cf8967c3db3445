// The test binary's own PostgreSQL cluster (see pg_cluster.h).
#include "pg_cluster.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace formwork::test {

namespace {

constexpr const char* kSuperuser = "fwadmin";
constexpr const char* kPort = "5432";  // only names the socket file in the private folder

std::string bin_dir() {
    if (const char* env = std::getenv("FORMWORK_PG_BINDIR")) return env;
    std::error_code ec;
    std::string best;
    for (const auto& e : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
        const std::string b = e.path().string() + "/bin";
        if (std::filesystem::exists(b + "/initdb") && b > best) best = b;
    }
    return best;
}

// Runs argv as `uid` (when root) with output to `log`; returns the exit status.
int run_as(uid_t uid, gid_t gid, const std::vector<std::string>& argv, const std::string& log, bool wait) {
    const pid_t pid = ::fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
        }
        for (int other = 3; other < 1024; ++other) ::close(other);  // the keeper's pipes stay with the keeper
        if (::geteuid() == 0 && (::setgid(gid) != 0 || ::setuid(uid) != 0)) ::_exit(126);
        // Out of the test's process group, so that the keeper can stop it in order; and if the
        // keeper itself is killed, the server stops at once (set after setuid, which clears it).
        ::setsid();
        ::prctl(PR_SET_PDEATHSIG, SIGQUIT);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    if (!wait) return pid;
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The keeper: starts the server, then waits for the test binary to close `control` (at exit
// or by dying) and stops the server and removes the folder.
[[noreturn]] void keep(const std::string& folder, const std::string& bin, uid_t uid, gid_t gid, int control,
                       int report) {
    const std::string data = folder + "/data";
    const std::string log = folder + "/server.log";
    auto fail = [&](const std::string& what) {
        const std::string text = what + "\n" + read_text(log);
        (void)!::write(report, text.data(), text.size());
        std::error_code ec;
        std::filesystem::remove_all(folder, ec);
        ::_exit(1);
    };
    if (run_as(uid, gid, {bin + "/initdb", "-D", data, "-U", kSuperuser, "-A", "trust", "-E", "UTF8", "--no-locale",
                          "--no-sync"},
               log, true) != 0)
        fail("initdb failed");
    {
        // The superuser without a password over the private socket; every other login by password.
        std::ofstream hba(data + "/pg_hba.conf", std::ios::trunc);
        hba << "local all " << kSuperuser << " trust\nlocal all all scram-sha-256\n";
    }
    const pid_t server =
        run_as(uid, gid,
               {bin + "/postgres", "-D", data, "-k", folder, "-p", kPort, "-c", "listen_addresses=", "-c", "fsync=off",
                "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=60"},
               log, false);
    if (server <= 0) fail("postgres did not start");
    (void)!::write(report, "R", 1);
    ::close(report);
    char c;
    while (::read(control, &c, 1) > 0) {
    }
    ::kill(server, SIGINT);  // fast shutdown: ends the connections, no checkpoint wait for clients
    int status = 0;
    for (int i = 0; i < 200 && ::waitpid(server, &status, WNOHANG) == 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ::kill(server, SIGKILL);
    ::waitpid(server, &status, 0);
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
    ::_exit(0);
}

struct Keeper {
    pid_t pid = -1;
    int control = -1;
    ~Keeper() {
        if (control >= 0) ::close(control);
        if (pid > 0) ::waitpid(pid, nullptr, 0);  // the folder is gone when the binary ends
    }
};
Keeper keeper;

}  // namespace

PgCluster::PgCluster() {
    const std::string bin = bin_dir();
    if (bin.empty())
        throw std::runtime_error("PostgreSQL test cluster: no initdb under /usr/lib/postgresql/*/bin (make deps installs postgresql)");
    char tmpl[] = "/tmp/formwork-pg-XXXXXX";
    if (!::mkdtemp(tmpl)) throw std::runtime_error("PostgreSQL test cluster: mkdtemp failed");
    folder_ = tmpl;
    uid_t uid = ::geteuid();
    gid_t gid = ::getegid();
    if (uid == 0) {
        const passwd* pw = ::getpwnam("postgres");
        if (!pw) pw = ::getpwnam("nobody");
        if (!pw) throw std::runtime_error("PostgreSQL test cluster: running as root and there is no postgres or nobody user");
        uid = pw->pw_uid;
        gid = pw->pw_gid;
        if (::chown(folder_.c_str(), uid, gid) != 0)
            throw std::runtime_error("PostgreSQL test cluster: cannot give " + folder_ + " to the server's user");
    }
    int control[2], report[2];
    if (::pipe(control) != 0 || ::pipe(report) != 0) throw std::runtime_error("PostgreSQL test cluster: pipe failed");
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("PostgreSQL test cluster: fork failed");
    if (pid == 0) {
        ::close(control[1]);
        ::close(report[0]);
        keep(folder_, bin, uid, gid, control[0], report[1]);
    }
    ::close(control[0]);
    ::close(report[1]);
    ::fcntl(control[1], F_SETFD, FD_CLOEXEC);  // children the tests run must not hold the keeper up
    keeper.pid = pid;
    keeper.control = control[1];

    std::string answer;
    char buf[4096];
    for (ssize_t n; (n = ::read(report[0], buf, sizeof buf)) > 0;) answer.append(buf, static_cast<size_t>(n));
    ::close(report[0]);
    if (answer != "R") throw std::runtime_error("PostgreSQL test cluster could not start: " + answer);

    const std::string conninfo = "host=" + folder_ + " port=" + kPort + " dbname=postgres user=" + kSuperuser;
    for (int i = 0; i < 600; ++i) {
        if (PQping(conninfo.c_str()) == PQPING_OK) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("PostgreSQL test cluster did not accept connections within 30 s: " +
                             read_text(folder_ + "/server.log"));
}

std::string PgCluster::url(const std::string& database, const std::string& user, const std::string& password) const {
    std::string u = "postgresql://" + (user.empty() ? std::string(kSuperuser) : user);
    if (!password.empty()) u += ":" + password;
    return u + "@/" + database + "?host=" + folder_ + "&port=" + kPort;
}

std::string PgCluster::sql(const std::string& database, const std::string& statement) const {
    PGconn* c = PQconnectdb(("host=" + folder_ + " port=" + kPort + " dbname=" + database + " user=" + kSuperuser).c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        std::string e = PQerrorMessage(c);
        PQfinish(c);
        throw std::runtime_error("PostgreSQL test cluster: " + e);
    }
    PGresult* r = PQexec(c, statement.c_str());
    const auto st = PQresultStatus(r);
    std::string out;
    if (st == PGRES_TUPLES_OK && PQntuples(r) > 0) out = PQgetvalue(r, 0, 0);
    std::string error = (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) ? "" : PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
    if (!error.empty()) throw std::runtime_error("PostgreSQL test cluster: " + error);
    return out;
}

std::string PgCluster::new_database() {
    const std::string name = "t" + std::to_string(::getpid()) + "_" + std::to_string(++databases_);
    sql("postgres", "CREATE DATABASE " + name);
    return url(name);
}

PgCluster& pg_cluster() {
    static PgCluster cluster;
    return cluster;
}

std::string pg_database_of(const std::string& url) {
    const size_t slash = url.find("@/");
    const size_t q = url.find('?', slash);
    return url.substr(slash + 2, q - slash - 2);
}

}  // namespace formwork::test
