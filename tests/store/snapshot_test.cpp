// store-14: the per-filing snapshot (schema version 5, store/filing_snapshot.h) that batch reads
// take: made for the filings of an existing version-4 file when it is migrated, kept equal to
// the cells by save, restore, remove and batches, dropped by a hand edit of a cell, and never
// trusted over the cells when it does not decode.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <map>
#include <vector>

#include "core/filing_cells.h"
#include "store/filing_snapshot.h"
#include "store/schema.h"
#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

namespace {

// Per filing id: its cells as stored, and its snapshot decoded ("<none>" for no snapshot,
// "<bad>" for one that does not decode), read with raw SQLite.
struct Stored {
    std::map<std::int64_t, FilingCells> cells;
    std::map<std::int64_t, FilingCells> snapshots;
    std::vector<std::int64_t> without_snapshot;
    std::vector<std::int64_t> bad_snapshot;
};

Stored read_stored(const std::string& path) {
    Stored out;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT filing_id, path, value FROM filing_cells", -1, &s, nullptr) == SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW)
        out.cells[sqlite3_column_int64(s, 0)][reinterpret_cast<const char*>(sqlite3_column_text(s, 1))] =
            reinterpret_cast<const char*>(sqlite3_column_text(s, 2));
    sqlite3_finalize(s);
    REQUIRE(sqlite3_prepare_v2(db, "SELECT f.id, s.cells FROM filings f LEFT JOIN filing_snapshots s ON s.filing_id = f.id",
                               -1, &s, nullptr) == SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW) {
        const std::int64_t id = sqlite3_column_int64(s, 0);
        if (sqlite3_column_type(s, 1) == SQLITE_NULL) {
            out.without_snapshot.push_back(id);
            continue;
        }
        const std::string_view blob(static_cast<const char*>(sqlite3_column_blob(s, 1)),
                                    static_cast<size_t>(sqlite3_column_bytes(s, 1)));
        FilingCells cells;
        if (decode_snapshot(blob, [&](std::string_view p, std::string_view t) { cells.emplace(p, t); }))
            out.snapshots[id] = std::move(cells);
        else
            out.bad_snapshot.push_back(id);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

// Every filing has a snapshot equal to its cells.
void require_in_step(const std::string& path) {
    const Stored s = read_stored(path);
    CHECK(s.without_snapshot.empty());
    CHECK(s.bad_snapshot.empty());
    CHECK(s.snapshots == s.cells);
}

std::vector<Filing> all_of(FilingStore& store) {
    std::vector<Filing> out;
    store.for_each([&](const Filing& f) { out.push_back(f); });
    return out;
}

}  // namespace

TEST_CASE("store-14.1 a snapshot encodes the cells exactly and a cut one does not decode") {
    FilingCells cells = to_cells(large_filing(200, 40));
    cells["m/template"] = "nantong-project";
    cells["f/empty"] = "";
    const std::string blob = encode_snapshot(cells);
    FilingCells back;
    REQUIRE(decode_snapshot(blob, [&](std::string_view p, std::string_view t) { back.emplace(p, t); }));
    CHECK(back == cells);
    CHECK(decode_snapshot(std::string_view(), [](std::string_view, std::string_view) {}));
    for (std::size_t cut : {std::size_t{1}, blob.size() / 2, blob.size() - 1})
        CHECK_FALSE(decode_snapshot(std::string_view(blob).substr(0, cut), [](std::string_view, std::string_view) {}));
}

TEST_CASE("store-14.2 a version-4 file with filings is migrated on open: every filing gets its snapshot") {
    TempDir dir;
    const std::string path = dir.file("v3.db");
    std::vector<Filing> saved;
    {
        Database db = Database::open(path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        for (int i = 0; i < 3; ++i) {
            Filing f = i == 1 ? large_filing(50, 10) : sample_filing();
            f.fields["project_name"] += std::to_string(i);
            store.save(f, info_for(f));
            saved.push_back(f);
        }
        store.remove(saved[1].id);
        saved.erase(saved.begin() + 1);
    }
    // The file as version 4 left it: no snapshot table, no triggers.
    raw_exec(path, "DROP TRIGGER filing_cells_updated; DROP TRIGGER filing_cells_deleted; DROP TABLE filing_snapshots;"
                   " PRAGMA user_version = 4;");
    REQUIRE(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'filing_snapshots'") == "0");
    CHECK(error_code_of([&] { Database::open(path, OpenMode::ReadOnly); }) == "older-schema");

    {
        Database db = Database::open(path, OpenMode::OpenExisting);
        FilingStore store(db);
        const std::vector<Filing> read = all_of(store);
        REQUIRE(read.size() == saved.size());
        for (std::size_t i = 0; i < read.size(); ++i) {
            CHECK(read[i].id == saved[i].id);
            CHECK(read[i].same_content(saved[i]));
        }
    }
    CHECK(raw_query(path, "PRAGMA user_version") == std::to_string(latest_schema_version()));
    CHECK(raw_query(path, "SELECT count(*) FROM filing_snapshots") == "2");
    require_in_step(path);
}

TEST_CASE("store-14.3 save, restore, remove and a batch keep the snapshot equal to the cells") {
    TempDir dir;
    const std::string path = dir.file("a.db");
    Database db = Database::open(path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    Filing a = sample_filing();
    store.save(a, info_for(a));
    require_in_step(path);

    a.table("expenses").rows[0].cells["full_year"] = "18.5";
    a.notes.pop_back();                       // cells deleted
    a.fields["new_field"] = "新增";            // a cell added
    store.save(a, info_for(a));
    require_in_step(path);
    CHECK(all_of(store).at(0).same_content(a));

    const auto revs = store.revisions(a.id);
    store.restore(a.id, revs.back().id);
    require_in_step(path);
    CHECK(all_of(store).at(0).same_content(store.load_revision(a.id, revs.back().id)));

    {
        FilingStore::Batch batch(store);
        for (int i = 0; i < 3; ++i) {
            Filing f = large_filing(20, 5);
            store.save(f, info_for(f));
        }
        batch.commit();
    }
    require_in_step(path);
    {
        FilingStore::Batch batch(store);
        Filing f = sample_filing();
        store.save(f, info_for(f));
    }  // rolled back: neither cells nor snapshot stay
    require_in_step(path);
    CHECK(raw_query(path, "SELECT count(*) FROM filing_snapshots") == "4");

    store.remove(a.id);
    require_in_step(path);
    CHECK(raw_query(path, "SELECT count(*) FROM filing_snapshots WHERE filing_id = " + std::to_string(a.id)) == "0");
}

TEST_CASE("store-14.4 a cell edited by hand drops the snapshot, and reads take the cells") {
    TempDir dir;
    const std::string path = dir.file("a.db");
    Filing a = sample_filing(), b = sample_filing();
    {
        Database db = Database::open(path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        store.save(a, info_for(a));
        store.save(b, info_for(b));
    }
    const std::string id = std::to_string(a.id);
    raw_exec(path, "UPDATE filing_cells SET value = '99' WHERE filing_id = " + id + " AND path = 't/expenses/0/full_year'");
    CHECK(raw_query(path, "SELECT count(*) FROM filing_snapshots WHERE filing_id = " + id) == "0");
    CHECK(raw_query(path, "SELECT count(*) FROM filing_snapshots") == "1");

    Database db = Database::open(path, OpenMode::ReadOnly);
    FilingStore store(db);
    const std::vector<Filing> read = all_of(store);
    REQUIRE(read.size() == 2);
    CHECK(read[0].find_table("expenses")->rows[0].cell("full_year") == "99");
    CHECK(store.load(a.id).find_table("expenses")->rows[0].cell("full_year") == "99");
    CHECK(read[1].same_content(b));

}

TEST_CASE("store-14.5 a damaged cell path is found through the cells and its filing skipped") {
    TempDir dir;
    const std::string path = dir.file("a.db");
    Filing a = sample_filing(), b = sample_filing();
    {
        Database db = Database::open(path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        store.save(a, info_for(a));
        store.save(b, info_for(b));
    }
    raw_exec(path, "UPDATE filing_cells SET path = 't/expenses/x/full_year' WHERE filing_id = " + std::to_string(a.id) +
                       " AND path = 't/expenses/0/full_year'");
    Database db = Database::open(path, OpenMode::ReadOnly);
    FilingStore store(db);
    std::vector<std::int64_t> damaged, visited;
    store.for_each([&](const Filing& f) { visited.push_back(f.id); }, [&](std::int64_t i, const StoreError&) { damaged.push_back(i); });
    CHECK(damaged == std::vector<std::int64_t>{a.id});
    CHECK(visited == std::vector<std::int64_t>{b.id});
}

TEST_CASE("store-14.6 a snapshot that does not decode is not trusted: the cells are read") {
    TempDir dir;
    const std::string path = dir.file("a.db");
    Filing a = sample_filing();
    {
        Database db = Database::open(path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        store.save(a, info_for(a));
    }
    // Cut short, and then a well-formed blob whose cells make no filing.
    for (const char* blob : {"X'0A66'", "X'036D2F78017A'"}) {
        INFO(blob);
        raw_exec(path, std::string("UPDATE filing_snapshots SET cells = ") + blob);
        Database db = Database::open(path, OpenMode::ReadOnly);
        FilingStore store(db);
        const std::vector<Filing> read = all_of(store);
        REQUIRE(read.size() == 1);
        CHECK(read[0].same_content(a));
        CHECK(store.load(a.id).same_content(a));
    }
}
