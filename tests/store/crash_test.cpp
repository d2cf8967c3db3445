// store-7: crash safety. A child process saves in a loop and reports each save once it has
// returned (= committed); the parent kills it with SIGKILL at random moments, then checks
// that the file is intact and that every reported save is there with its content.
//
// The seed is fixed and printed; FORMWORK_CRASH_SEED=<n> replays or varies a run.
#include <catch2/catch.hpp>

#include <cstdio>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <set>
#include <thread>

#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

namespace {

// The whole content as a function of one number, so that the parent knows what any save
// stored without knowing which saves came before it. From one seq to the next a few cells
// change, and rows come and go (inserts and deletes as well as updates).
Filing content_for(std::int64_t seq) {
    Filing f = large_filing(40, 20);  // a constant bulk, so the file has some size
    f.fields["counter"] = std::to_string(seq);
    Table& lines = f.table("changing");
    lines.rows.resize(static_cast<size_t>(2 + seq % 4));
    for (size_t r = 0; r < lines.rows.size(); ++r)
        lines.rows[r].cells = {{"amount", std::to_string(seq * 10 + static_cast<std::int64_t>(r))}};
    f.indicators[0].targets["full_year"] = "≥" + std::to_string(seq % 100) + "%";
    if (seq % 3 == 0) f.notes.push_back({"user", "第 " + std::to_string(seq) + " 次保存"});
    return f;
}

std::int64_t seq_of(const Filing& f) { return std::atoll(f.field("counter").c_str()); }

struct Report {
    std::int64_t revision;  // < 0: the child failed
    std::int64_t seq;
};

// The child: no Catch2 here, and _exit so that nothing of the parent's runs at exit.
[[noreturn]] void save_forever(const std::string& path, std::int64_t id, std::int64_t first_seq, int out) {
    try {
        Database db = Database::open(path, OpenMode::OpenExisting);
        FilingStore store(db);
        for (std::int64_t seq = first_seq;; ++seq) {
            Filing f = content_for(seq);
            f.id = id;
            const SaveResult r = store.save(f, info_for(f, "保存 " + std::to_string(seq)));
            const Report report{r.revision, seq};
            // 16 bytes: below PIPE_BUF, so a write is all or nothing.
            if (::write(out, &report, sizeof report) != sizeof report) ::_exit(4);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "saver failed: %s\n", e.what());
        const Report failed{-1, 0};
        (void)!::write(out, &failed, sizeof failed);
        ::_exit(3);
    } catch (...) {
        const Report failed{-1, 0};
        (void)!::write(out, &failed, sizeof failed);
        ::_exit(3);
    }
}

std::uint32_t crash_seed() {
    const char* env = std::getenv("FORMWORK_CRASH_SEED");
    return env ? static_cast<std::uint32_t>(std::strtoul(env, nullptr, 10)) : 20240601u;
}

// Forks a saver, kills it after `delay`, and returns what it reported before dying.
std::vector<Report> run_and_kill(const std::string& path, std::int64_t id, std::int64_t first_seq,
                                 std::chrono::microseconds delay) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        save_forever(path, id, first_seq, fds[1]);
    }
    ::close(fds[1]);
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);

    std::vector<Report> reports;
    Report r;
    while (::read(fds[0], &r, sizeof r) == sizeof r) reports.push_back(r);
    ::close(fds[0]);
    INFO("child exit status " << status);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(WTERMSIG(status) == SIGKILL);
    for (const Report& rep : reports) REQUIRE(rep.revision > 0);
    return reports;
}

// With a plain SQLite connection, which recovers the WAL the way any tool would. Read-only
// between kills, so that the WAL is not checkpointed by the parent and grows until the
// child's own automatic checkpoints, which the kills then hit too.
void check_integrity(const std::string& path, bool read_only) {
    CHECK(raw_query(path, "PRAGMA integrity_check", read_only) == "ok");
    CHECK(raw_query(path, "PRAGMA foreign_key_check", read_only) == "");
}

}  // namespace

TEST_CASE("store-7.1 SIGKILL at random moments loses no committed save") {
    const std::uint32_t seed = crash_seed();
    WARN("crash test seed " << seed << " (FORMWORK_CRASH_SEED)");
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> delay_us(0, 20000);

    TempDir dir;
    const std::string path = dir.file("crash.db");
    std::int64_t id = 0;
    {
        Database db = Database::open(path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        Filing f = content_for(0);
        store.save(f, info_for(f));
        id = f.id;
    }  // closed before any fork: an SQLite connection must not cross fork()

    constexpr int kKills = 200;
    const auto start = std::chrono::steady_clock::now();
    std::vector<Report> committed;
    std::int64_t last_seq = 0;
    int rounds_without_commit = 0;
    std::int64_t max_wal = 0;

    for (int kill_no = 0; kill_no < kKills; ++kill_no) {
        const std::int64_t first_seq = std::int64_t(kill_no + 1) * 1'000'000;
        const auto delay = std::chrono::microseconds(delay_us(rng));
        INFO("kill " << kill_no << " after " << delay.count() << " µs, seed " << seed);
        const std::vector<Report> reports = run_and_kill(path, id, first_seq, delay);
        if (reports.empty()) ++rounds_without_commit;

        check_integrity(path, true);
        max_wal = std::max<std::int64_t>(max_wal, static_cast<std::int64_t>(read_file(path + "-wal").size()));
        Database db = Database::open(path, OpenMode::ReadOnly);
        FilingStore store(db);

        // Every save reported in this round is there, as it was saved.
        for (const Report& r : reports) {
            INFO("revision " << r.revision << " seq " << r.seq);
            CHECK(store.load_revision(id, r.revision).same_content(content_for(r.seq)));
        }
        // Every save reported in any round is still in the history.
        committed.insert(committed.end(), reports.begin(), reports.end());
        std::set<std::int64_t> stored;
        for (const auto& rev : store.revisions(id)) stored.insert(rev.id);
        for (const Report& r : committed) CHECK(stored.count(r.revision) == 1);

        // The current content is the last reported save, or one more that the child
        // committed but was killed before reporting.
        const Filing now = store.load(id);
        const std::int64_t seq = seq_of(now);
        CHECK(now.same_content(content_for(seq)));
        if (!reports.empty()) CHECK((seq == reports.back().seq || seq == reports.back().seq + 1));
        else CHECK((seq == last_seq || seq == first_seq));
        last_seq = seq;
        CHECK(store.list().at(0).head_revision == store.revisions(id).at(0).id);
    }

    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    WARN(kKills << " kills in " << seconds << " s; " << committed.size() << " reported saves; "
                << rounds_without_commit << " kills before the first save of a child; WAL up to " << max_wal
                << " bytes");
    // And a writer may open it, checkpoint everything and still find it whole.
    { Database db = Database::open(path, OpenMode::OpenExisting); }
    check_integrity(path, false);
    CHECK(committed.size() >= kKills / 4);
    CHECK(rounds_without_commit >= 1);  // some kills hit opening, too
}

TEST_CASE("store-7.2 SIGKILL while a database is being created leaves a file that opens") {
    const std::uint32_t seed = crash_seed() + 1;
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> delay_us(0, 12000);
    TempDir dir;
    int kept = 0;
    for (int round = 0; round < 30; ++round) {
        const std::string path = dir.file("new-" + std::to_string(round) + ".db");
        const auto delay = std::chrono::microseconds(delay_us(rng));
        INFO("round " << round << " after " << delay.count() << " µs, seed " << seed);

        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(fds[0]);
            try {
                Database db = Database::open(path, OpenMode::CreateOrOpen);
                FilingStore store(db);
                Filing f = content_for(round);
                const SaveResult r = store.save(f, info_for(f));
                (void)!::write(fds[1], &r.id, sizeof r.id);
                ::pause();
            } catch (...) {
            }
            ::_exit(3);
        }
        ::close(fds[1]);
        std::this_thread::sleep_for(delay);
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        std::int64_t id = 0;
        const bool saved = ::read(fds[0], &id, sizeof id) == sizeof id;
        ::close(fds[0]);
        REQUIRE(WIFSIGNALED(status));

        if (snapshot(path).exists && !read_file(path).empty()) check_integrity(path, false);
        Database db = Database::open(path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        if (saved) {
            ++kept;
            CHECK(store.load(id).same_content(content_for(round)));
        }
    }
    WARN("creation kills: " << kept << " of 30 children had saved before the kill");
}
