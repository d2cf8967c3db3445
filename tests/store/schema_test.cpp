// store-4: the schema version lives in PRAGMA user_version; files are migrated forward in one
// transaction, and a file from a newer Formwork is left alone.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <vector>

#include "store/schema.h"
#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

TEST_CASE("store-4.1 a new database is at the latest schema version, marked as Formwork's, in WAL mode") {
    TempDir dir;
    const std::string path = dir.file("new.db");
    { Database db = Database::open(path, OpenMode::CreateOrOpen); }
    CHECK(latest_schema_version() == 5);
    CHECK(raw_query(path, "PRAGMA user_version") == std::to_string(latest_schema_version()));
    CHECK(raw_query(path, "PRAGMA application_id") == std::to_string(kApplicationId));
    CHECK(raw_query(path, "PRAGMA journal_mode") == "wal");
    CHECK(raw_query(path, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = 'table'"
                          " AND name NOT LIKE 'sqlite%' ORDER BY name)") ==
          "accepted_warnings drafts filing_cells filing_snapshots filings review_notes revision_changes revisions"
          " status_changes");
    // Opening again neither migrates nor changes anything.
    const FileSnapshot before = snapshot(path);
    { Database db = Database::open(path, OpenMode::OpenExisting); }
    CHECK(snapshot(path) == before);
}

TEST_CASE("store-4.2 a database from a newer Formwork is refused in every mode and left byte-identical") {
    TempDir dir;
    const std::string path = dir.file("newer.db");
    {
        Database db = Database::open(path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        Filing f = sample_filing();
        store.save(f, info_for(f));
    }
    raw_exec(path, "PRAGMA user_version = 99");
    const FileSnapshot before = snapshot(path);

    for (OpenMode mode : {OpenMode::CreateOrOpen, OpenMode::OpenExisting, OpenMode::ReadOnly}) {
        try {
            Database::open(path, mode);
            FAIL("a newer schema was opened");
        } catch (const StoreError& e) {
            CHECK(e.code() == StoreError::Code::NewerSchema);
            CHECK(describe(e) == "无法打开 " + path +
                                     "：该数据库由更新版本的 Formwork 写入，请升级本程序后再打开（schema 99 > " +
                                     std::to_string(latest_schema_version()) + "）。");
        }
        CHECK(snapshot(path) == before);
    }
}

TEST_CASE("store-4.3 a newer version still in the WAL is refused too") {
    TempDir dir;
    const std::string path = dir.file("newer-wal.db");
    { Database db = Database::open(path, OpenMode::CreateOrOpen); }
    // A connection that stays open keeps its commit in the WAL: the main file's header still
    // says version 1, so only SQLite's own view tells the truth.
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder, "PRAGMA user_version = 7", nullptr, nullptr, nullptr) == SQLITE_OK);
    const FileSnapshot before = snapshot(path);
    const std::string wal_before = read_file(path + "-wal");
    CHECK(error_code_of([&] { Database::open(path, OpenMode::OpenExisting); }) == "newer-schema");
    CHECK(error_code_of([&] { Database::open(path, OpenMode::ReadOnly); }) == "newer-schema");
    CHECK(snapshot(path) == before);
    CHECK(read_file(path + "-wal") == wal_before);
    sqlite3_close(holder);
}

TEST_CASE("store-4.4 adding a version is one more entry, applied in one transaction") {
    TempDir dir;
    const std::string path = dir.file("migrate.db");
    {
        Database db = Database::open(path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        Filing f = sample_filing();
        store.save(f, info_for(f));
    }
    const int latest = latest_schema_version();
    const std::string latest_text = std::to_string(latest);
    const int next = latest + 1;
    std::vector<Migration> list(migrations().begin(), migrations().end());

    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    auto migrate_to = [&](const std::vector<Migration>& l) {
        REQUIRE(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
        try {
            apply_migrations(db, path, latest, l);
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        } catch (...) {
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
    };

    SECTION("a failing step leaves the file at the version it had") {
        list.push_back({next, "CREATE TABLE tags(filing_id INTEGER, tag TEXT); CREATE TABLE filings(x);"});
        CHECK(error_code_of([&] { migrate_to(list); }) == "sql");
        sqlite3_close(db);
        CHECK(raw_query(path, "PRAGMA user_version") == latest_text);
        CHECK(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'tags'") == "0");
    }
    SECTION("a working step moves the file to the next version, keeping its data") {
        list.push_back({next, "CREATE TABLE tags(filing_id INTEGER REFERENCES filings(id), tag TEXT);"});
        migrate_to(list);
        sqlite3_close(db);
        CHECK(raw_query(path, "PRAGMA user_version") == std::to_string(next));
        CHECK(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'tags'") == "1");
        CHECK(raw_query(path, "SELECT count(*) FROM filings") == "1");
        // And this build, which does not know that version, now refuses the file.
        CHECK(error_code_of([&] { Database::open(path, OpenMode::OpenExisting); }) == "newer-schema");
    }
    SECTION("a list with a gap is refused") {
        list.push_back({next + 1, "CREATE TABLE tags(x);"});
        CHECK(error_code_of([&] { migrate_to(list); }) == "sql");
        sqlite3_close(db);
        CHECK(raw_query(path, "PRAGMA user_version") == latest_text);
    }
}

TEST_CASE("store-4.6 a version-1 file (before drafts) is migrated on open, keeping its filings") {
    TempDir dir;
    const std::string path = dir.file("v1.db");
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
        apply_migrations(db, path, 0, migrations().first(1));
        REQUIRE(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    REQUIRE(raw_query(path, "PRAGMA user_version") == "1");
    {
        Database db = Database::open(path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        Filing f = sample_filing();
        store.save(f, info_for(f));
    }
    CHECK(raw_query(path, "PRAGMA user_version") == std::to_string(latest_schema_version()));
    CHECK(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'drafts'") == "1");
}

TEST_CASE("store-4.7 a version-3 file (before statuses and base revisions) is migrated on open") {
    TempDir dir;
    const std::string path = dir.file("v3.db");
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
        apply_migrations(db, path, 0, migrations().first(3));
        // A filing as version 3 stored it: no department, status or uid columns.
        REQUIRE(sqlite3_exec(db,
                             "INSERT INTO filings(id, template_id, template_version, title, year, created_at, updated_at,"
                             " head_revision) VALUES(1, 'nantong-project', 2, '项目', '2024', 'x', 'x', 1);"
                             "INSERT INTO filing_cells VALUES(1, 'f/department', '南通市财政局'), (1, 'm/template', 'nantong-project'),"
                             " (1, 'm/template_version', '2'), (1, 'm/title', '项目'), (1, 'm/year', '2024');"
                             "INSERT INTO revisions(id, filing_id, at, summary, change_count) VALUES(1, 1, 'x', '', 0);"
                             "INSERT INTO drafts(filing_id, template_id, template_version, saved_at, cells) VALUES(1, 't', 1, 'x', '');",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    REQUIRE(raw_query(path, "PRAGMA user_version") == "3");
    {
        Database db = Database::open(path, OpenMode::OpenExisting);
        FilingStore store(db);
        const auto list = store.list();
        REQUIRE(list.size() == 1);
        CHECK(list[0].department == "南通市财政局");  // filled from the cells
        CHECK(list[0].status == "draft");
        Filing f = store.load(1);
        CHECK(f.revision == 1);
        f.fields["project_name"] = "改";
        CHECK(store.save(f, info_for(f)).changed());
    }
    CHECK(raw_query(path, "PRAGMA user_version") == std::to_string(latest_schema_version()));
    CHECK(raw_query(path, "SELECT base_revision FROM drafts") == "0");
}

TEST_CASE("store-4.5 a Formwork file at an older version cannot be opened read-only") {
    TempDir dir;
    const std::string path = dir.file("old.db");
    { Database db = Database::open(path, OpenMode::CreateOrOpen); }
    raw_exec(path, "PRAGMA user_version = 0");  // as if written before version 1 existed
    const FileSnapshot before = snapshot(path);
    CHECK(error_code_of([&] { Database::open(path, OpenMode::ReadOnly); }) == "older-schema");
    CHECK(snapshot(path) == before);
}
