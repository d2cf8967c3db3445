// store-5: files that are not Formwork databases are refused with a clear message, in every
// open mode, and are left exactly as they were.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <random>

#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

namespace {

const OpenMode kModes[] = {OpenMode::CreateOrOpen, OpenMode::OpenExisting, OpenMode::ReadOnly};

const char* mode_name(OpenMode m) {
    return m == OpenMode::CreateOrOpen ? "create-or-open" : m == OpenMode::OpenExisting ? "open-existing" : "read-only";
}

// Opens `path` in every mode, expecting `code` each time and the file unchanged.
void expect_refused(const std::string& path, StoreError::Code code) {
    const FileSnapshot before = snapshot(path);
    for (OpenMode mode : kModes) {
        INFO(mode_name(mode));
        try {
            Database::open(path, mode);
            FAIL("opened");
        } catch (const StoreError& e) {
            CHECK(code_name(e.code()) == std::string(code_name(code)));
            CHECK(e.action() == StoreError::Action::Open);
            CHECK(e.path() == path);
            CHECK(describe(e).find(path) != std::string::npos);
        }
        CHECK(snapshot(path) == before);
    }
}

std::string random_bytes(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xff);
    return s;
}

}  // namespace

TEST_CASE("store-5.1 a text file is not an SQLite file") {
    TempDir dir;
    const std::string path = dir.file("notes.db");
    write_file(path, "项目名称\t信息化管理专项经费\n资金总额\t18\n");
    expect_refused(path, StoreError::Code::NotSqlite);
    try {
        Database::open(path, OpenMode::OpenExisting);
        FAIL("opened");
    } catch (const StoreError& e) {
        CHECK(describe(e) == "无法打开 " + path + "：这不是 SQLite 数据库文件。");
        CHECK(describe(e, Lang::En) == "Cannot open " + path + ": this is not an SQLite database file.");
    }
}

TEST_CASE("store-5.2 random bytes are not an SQLite file") {
    TempDir dir;
    const std::string path = dir.file("random.db");
    write_file(path, random_bytes(8192, 7));
    expect_refused(path, StoreError::Code::NotSqlite);
}

TEST_CASE("store-5.3 an SQLite signature over garbage is refused") {
    TempDir dir;
    const std::string path = dir.file("damaged.db");
    std::string bytes = random_bytes(8192, 11);
    const char magic[] = "SQLite format 3";
    std::copy(magic, magic + sizeof magic, bytes.begin());
    write_file(path, bytes);
    const FileSnapshot before = snapshot(path);
    for (OpenMode mode : kModes) {
        INFO(mode_name(mode));
        const std::string code = error_code_of([&] { Database::open(path, mode); });
        CHECK((code == "not-sqlite" || code == "corrupt"));
        CHECK(snapshot(path) == before);
    }
}

TEST_CASE("store-5.4 an empty file becomes a database only when asked to create one") {
    TempDir dir;
    const std::string path = dir.file("empty.db");
    write_file(path, "");
    const FileSnapshot before = snapshot(path);
    for (OpenMode mode : {OpenMode::OpenExisting, OpenMode::ReadOnly}) {
        INFO(mode_name(mode));
        try {
            Database::open(path, mode);
            FAIL("opened");
        } catch (const StoreError& e) {
            CHECK(e.code() == StoreError::Code::NotFormwork);
            CHECK(describe(e) == "无法打开 " + path + "：这不是 Formwork 数据库（0 bytes）。");
        }
        CHECK(snapshot(path) == before);
    }
    { Database db = Database::open(path, OpenMode::CreateOrOpen); }
    CHECK(raw_query(path, "PRAGMA application_id") == std::to_string(0x46524D57));
    { Database db = Database::open(path, OpenMode::OpenExisting); }
}

TEST_CASE("store-5.5 another application's SQLite database is not a Formwork database") {
    TempDir dir;
    const std::string path = dir.file("other.db");

    SECTION("marked with its own application_id") {
        raw_exec(path, "PRAGMA application_id = 1279880773; CREATE TABLE notes(x); INSERT INTO notes VALUES('hi');");
        expect_refused(path, StoreError::Code::NotFormwork);
        try {
            Database::open(path, OpenMode::CreateOrOpen);
            FAIL("opened");
        } catch (const StoreError& e) {
            CHECK(describe(e) == "无法打开 " + path + "：这不是 Formwork 数据库（application_id 0x4C496E45）。");
            CHECK(describe(e, Lang::En) ==
                  "Cannot open " + path + ": this is not a Formwork database (application_id 0x4C496E45).");
        }
    }
    SECTION("unmarked, with tables") {
        raw_exec(path, "CREATE TABLE notes(x); INSERT INTO notes VALUES('hi');");
        expect_refused(path, StoreError::Code::NotFormwork);
    }
    SECTION("unmarked, in WAL mode") {
        raw_exec(path, "PRAGMA journal_mode = WAL; CREATE TABLE notes(x);");
        expect_refused(path, StoreError::Code::NotFormwork);
    }
    SECTION("unmarked, with changes still in its WAL") {
        // As another program leaves it when it crashes: the -wal holds committed pages.
        sqlite3* other = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
        REQUIRE(sqlite3_exec(other, "PRAGMA journal_mode = WAL; CREATE TABLE notes(x);", nullptr, nullptr,
                             nullptr) == SQLITE_OK);
        sqlite3_db_config(other, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        sqlite3_close(other);
        const std::string wal = read_file(path + "-wal");
        REQUIRE(!wal.empty());
        expect_refused(path, StoreError::Code::NotFormwork);
        CHECK(read_file(path + "-wal") == wal);
    }
    SECTION("an SQLite file without tables is empty: created only when asked") {
        raw_exec(path, "PRAGMA page_size = 4096; VACUUM;");
        const FileSnapshot before = snapshot(path);
        CHECK(error_code_of([&] { Database::open(path, OpenMode::OpenExisting); }) == "not-formwork");
        CHECK(error_code_of([&] { Database::open(path, OpenMode::ReadOnly); }) == "not-formwork");
        CHECK(snapshot(path) == before);
        CHECK(error_code_of([&] { Database::open(path, OpenMode::CreateOrOpen); }) == "ok");
    }
}

TEST_CASE("store-5.6 a missing file is created only when asked to") {
    TempDir dir;
    const std::string path = dir.file("missing.db");
    CHECK(error_code_of([&] { Database::open(path, OpenMode::OpenExisting); }) == "file-missing");
    CHECK(error_code_of([&] { Database::open(path, OpenMode::ReadOnly); }) == "file-missing");
    CHECK_FALSE(snapshot(path).exists);
    CHECK(snapshot(path).folder.empty());
    try {
        Database::open(dir.file("nowhere/a.db"), OpenMode::CreateOrOpen);
        FAIL("opened");
    } catch (const StoreError& e) {
        INFO(describe(e));
        CHECK(e.code() == StoreError::Code::Io);
    }
}

TEST_CASE("store-5.7 a folder is not a database") {
    TempDir dir;
    for (OpenMode mode : kModes) CHECK(error_code_of([&] { Database::open(dir.path(), mode); }) == "not-sqlite");
}
