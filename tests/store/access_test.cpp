// store-6: a read-only file or folder, and a database another program has locked, are
// refused with a clear message and left unchanged.
//
// Read-only: tests run as root, for whom permission bits mean nothing, so the opening runs in
// a forked child that has become nobody (uid/gid 65534) first; as any other user the child
// simply keeps its identity. Locked: a second process (a forked child, holding SQLite locks
// of its own) or a second connection in this process holds the lock.
#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

namespace {

// A Formwork database with one filing, in a folder anybody may enter.
struct Stored {
    TempDir dir;
    std::string path;
    Filing filing = sample_filing();

    explicit Stored(const std::string& name = "a.db") : path(dir.file(name)) {
        Database db = Database::open(path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        store.save(filing, info_for(filing));
    }
};

// In the child: proves the restriction is real before testing against it.
std::string expect_unwritable(const std::string& path) {
    return ::access(path.c_str(), W_OK) == 0 ? "still writable: " + path : "";
}

// A child process that takes a lock on `path` with raw SQLite, holds it until told, and
// then exits. `sql` takes the lock.
class LockHolder {
public:
    LockHolder(const std::string& path, const std::string& sql) {
        int ready[2], release[2];
        REQUIRE(::pipe(ready) == 0);
        REQUIRE(::pipe(release) == 0);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::close(ready[0]);
            ::close(release[1]);
            sqlite3* db = nullptr;
            char ok = 0;
            if (sqlite3_open(path.c_str(), &db) == SQLITE_OK &&
                sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK)
                ok = 1;
            (void)!::write(ready[1], &ok, 1);
            char c;
            (void)!::read(release[0], &c, 1);  // returns at EOF, when the parent closes its end
            ::_exit(ok ? 0 : 1);
        }
        ::close(ready[1]);
        ::close(release[0]);
        release_ = release[1];
        char ok = 0;
        REQUIRE(::read(ready[0], &ok, 1) == 1);
        ::close(ready[0]);
        REQUIRE(ok == 1);
    }
    ~LockHolder() {
        ::close(release_);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }

private:
    pid_t pid_ = -1;
    int release_ = -1;
};

const OpenOptions kShortWait{200};

}  // namespace

TEST_CASE("store-6.1 a read-only file is refused for writing, and can be read") {
    Stored s;
    REQUIRE(::chmod(s.dir.path().c_str(), 0777) == 0);  // so that only the file itself is protected
    REQUIRE(::chmod(s.path.c_str(), 0444) == 0);
    const FileSnapshot before = snapshot(s.path);

    const std::string result = in_child(
        [&]() -> std::string {
            if (auto e = expect_unwritable(s.path); !e.empty()) return e;
            std::string out;
            for (OpenMode mode : {OpenMode::OpenExisting, OpenMode::CreateOrOpen}) {
                try {
                    Database::open(s.path, mode);
                    out += "opened;";
                } catch (const StoreError& e) {
                    out += std::string(code_name(e.code())) + ";";
                    if (mode == OpenMode::OpenExisting) out += describe(e) + ";";
                }
            }
            Database db = Database::open(s.path, OpenMode::ReadOnly);
            FilingStore store(db);
            out += store.load(s.filing.id).same_content(s.filing) ? "loaded;" : "wrong content;";
            try {
                Filing f = s.filing;
                f.fields["department"] = "不该写入";
                store.save(f, info_for(f));
                out += "saved;";
            } catch (const StoreError& e) {
                out += std::string("save ") + code_name(e.code()) + ";";
            }
            return out;
        },
        true);
    CHECK(result == "read-only;无法打开 " + s.path + "：文件或其所在文件夹是只读的（Permission denied）。;read-only;"
                    "loaded;save read-only;");
    CHECK(snapshot(s.path).bytes == before.bytes);
    CHECK(snapshot(s.path).mtime_ns == before.mtime_ns);
}

TEST_CASE("store-6.2 a database in a read-only folder is refused for writing") {
    Stored s("预算 2024#1?.db");  // read as an SQLite URI (immutable) below: escaping matters
    REQUIRE(::chmod(s.path.c_str(), 0666) == 0);  // the file itself is writable
    REQUIRE(::chmod(s.dir.path().c_str(), 0755) == 0);
    const FileSnapshot before = snapshot(s.path);

    const std::string result = in_child(
        [&]() -> std::string {
            if (auto e = expect_unwritable(s.dir.path()); !e.empty()) return e;
            std::string out;
            out += error_code_of([&] { Database::open(s.path, OpenMode::OpenExisting); }) + ";";
            out += error_code_of([&] { Database::open(s.dir.file("new.db"), OpenMode::CreateOrOpen); }) + ";";
            out += error_code_of([&] {
                Database db = Database::open(s.path, OpenMode::ReadOnly);
                FilingStore store(db);
                if (!store.load(s.filing.id).same_content(s.filing)) throw std::runtime_error("wrong content");
            });
            return out;
        },
        true);
    CHECK(result == "read-only;read-only;ok");
    CHECK(snapshot(s.path) == before);  // nothing new in the folder either
}

TEST_CASE("store-6.3 a database another process is writing to is reported as locked") {
    Stored s;
    Database early = Database::open(s.path, OpenMode::OpenExisting, kShortWait);
    FilingStore early_store(early);

    LockHolder holder(s.path, "BEGIN IMMEDIATE; UPDATE filings SET title = 'held';");
    const FileSnapshot before = snapshot(s.path);

    try {
        Database::open(s.path, OpenMode::OpenExisting, kShortWait);
        FAIL("opened");
    } catch (const StoreError& e) {
        CHECK(e.code() == StoreError::Code::Locked);
        CHECK(describe(e) == "无法打开 " + s.path + "：数据库正被另一个程序锁定，请稍后重试（database is locked）。");
    }
    // WAL lets readers in while somebody writes.
    CHECK(error_code_of([&] { Database::open(s.path, OpenMode::ReadOnly, kShortWait); }) == "ok");

    Filing f = s.filing;
    f.fields["department"] = "等不到锁";
    try {
        early_store.save(f, info_for(f));
        FAIL("saved");
    } catch (const StoreError& e) {
        CHECK(e.code() == StoreError::Code::Locked);
        CHECK(e.action() == StoreError::Action::Write);
        CHECK(describe(e, Lang::En) ==
              "Cannot save to " + s.path + ": the database is locked by another program; try again later "
                                           "(database is locked).");
    }
    CHECK(snapshot(s.path).bytes == before.bytes);
    CHECK(early_store.load(s.filing.id).same_content(s.filing));
}

TEST_CASE("store-6.4 a database held in exclusive locking mode is refused even for reading") {
    Stored s;
    const FileSnapshot before = snapshot(s.path);
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open(s.path.c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
    for (OpenMode mode : {OpenMode::CreateOrOpen, OpenMode::OpenExisting, OpenMode::ReadOnly})
        CHECK(error_code_of([&] { Database::open(s.path, mode, kShortWait); }) == "locked");
    CHECK(snapshot(s.path).bytes == before.bytes);
    sqlite3_close(holder);
    CHECK(error_code_of([&] { Database::open(s.path, OpenMode::OpenExisting, kShortWait); }) == "ok");
}

TEST_CASE("store-6.5 the default busy timeout waits about two seconds for a lock") {
    Stored s;
    LockHolder holder(s.path, "BEGIN IMMEDIATE; UPDATE filings SET title = 'held';");
    const auto start = std::chrono::steady_clock::now();
    CHECK(error_code_of([&] { Database::open(s.path, OpenMode::OpenExisting); }) == "locked");
    const auto waited = std::chrono::steady_clock::now() - start;
    CHECK(waited >= std::chrono::milliseconds(1900));
    CHECK(waited < std::chrono::milliseconds(4000));
}
