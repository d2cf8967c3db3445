// store-2: a save writes only what changed, whatever the size of the filing.
//
// rows_written for an update = the cell rows changed + one revisions row + one
// revision_changes row per changed cell + the filings row (head revision, updated_at) + on SQLite the
// filing's snapshot, dropped when its first cell row is updated or deleted and written anew
// (2; a save that only adds cells leaves the old one to be replaced: 1). On PostgreSQL the
// server makes the snapshot (pg_schema.cpp): rows written by its functions are not counted.
#include <catch2/catch.hpp>

#include "core/filing_cells.h"
#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

namespace {

// Rows an update writes for the snapshot (counted on SQLite only): dropped by the cell trigger, written anew.
int snapshot_rows(const Location& at) { return at.sqlite() ? 2 : 0; }

struct Sized {
    const char* name;
    Filing filing;
};

}  // namespace

TEST_CASE("store-2.1 a one-cell change writes one cell row, small filing or large") {
    auto [name, start] = GENERATE(Sized{"small", sample_filing()}, Sized{"large", large_filing(2000, 500)});
    INFO(name << " filing, " << to_cells(start).size() << " cells");
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    Filing f = start;
    store.save(f, info_for(f));

    f.table("expenses").rows[0].cells["full_year"] = "18.5";
    const SaveResult r = store.save(f, info_for(f));
    CHECK(r.changed());
    CHECK(r.changed_cells == 1);
    // cell + revision + change + filings row, and on SQLite the snapshot dropped and written
    CHECK(r.rows_written == 4 + snapshot_rows(at));
    CHECK(store.load(f.id).same_content(f));

    const auto revs = store.revisions(f.id);
    REQUIRE(revs.size() == 2);
    CHECK(revs[0].change_count == 1);
}

TEST_CASE("store-2.2 a save with nothing changed writes nothing and makes no revision") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    Filing f = sample_filing();
    store.save(f, info_for(f));
    const auto bytes_before = at.sqlite() ? read_file(at.path + "-wal") : std::string();

    const SaveResult r = store.save(f, info_for(f, "又存了一次"));
    CHECK_FALSE(r.changed());
    CHECK(r.id == f.id);
    CHECK(r.revision == 0);
    CHECK(r.changed_cells == 0);
    CHECK(r.rows_written == 0);
    CHECK(store.revisions(f.id).size() == 1);
    if (at.sqlite()) CHECK(read_file(at.path + "-wal") == bytes_before);
}

TEST_CASE("store-2.3 added and removed cells are written as inserts and deletes, nothing more") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    Filing f = large_filing(300, 100);
    store.save(f, info_for(f));

    SECTION("a new expense line: its 3 cells and the row count") {
        TableRow row;
        row.cells = {{"item", "新增支出"}, {"half_year", "1"}, {"full_year", "2"}};
        f.table("expenses").rows.push_back(row);
        const SaveResult r = store.save(f, info_for(f));
        CHECK(r.changed_cells == 4);
        CHECK(r.rows_written == 4 + 1 + 4 + 1 + snapshot_rows(at));  // the row count is an updated cell
    }
    SECTION("a note removed from the end: its 2 cells and the count") {
        f.notes.pop_back();
        const SaveResult r = store.save(f, info_for(f));
        CHECK(r.changed_cells == 3);
        CHECK(r.rows_written == 3 + 1 + 3 + 1 + snapshot_rows(at));
    }
    SECTION("a new title is one changed cell of the store's own") {
        SaveInfo info = info_for(f);
        info.title = "改名后的项目";
        const SaveResult r = store.save(f, info);
        CHECK(r.changed_cells == 1);
        CHECK(r.rows_written == 4 + snapshot_rows(at));
        CHECK(store.list()[0].title == "改名后的项目");
    }
    CHECK(store.load(f.id).same_content(f));
}

TEST_CASE("store-2.4 a new filing writes its cells, one revision and its filings row") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    Filing f = sample_filing();
    const SaveResult r = store.save(f, info_for(f));
    const auto cells = to_cells(f).size() + 4;  // + template, version, title, year
    CHECK(r.changed_cells == cells);
    // The filings row is inserted, then given its head revision; the first revision keeps
    // no change rows (its changes are its whole content); then, on SQLite, its snapshot.
    CHECK(r.rows_written == static_cast<std::int64_t>(cells) + 1 + 2 + (at.sqlite() ? 1 : 0));
}

TEST_CASE("store-2.5 a batch commits many saves at once, or none of them") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);

    SECTION("committed") {
        FilingStore::Batch batch(store);
        for (int i = 0; i < 20; ++i) {
            Filing f = sample_filing();
            store.save(f, info_for(f));
        }
        batch.commit();
        CHECK(store.list().size() == 20);
    }
    SECTION("dropped") {
        {
            FilingStore::Batch batch(store);
            for (int i = 0; i < 20; ++i) {
                Filing f = sample_filing();
                store.save(f, info_for(f));
            }
        }
        CHECK(store.list().empty());
    }
    SECTION("a failing save inside a batch undoes only itself") {
        FilingStore::Batch batch(store);
        Filing good = sample_filing();
        store.save(good, info_for(good));
        Filing ghost = sample_filing();
        ghost.id = 999;
        CHECK(error_code_of([&] { store.save(ghost, info_for(ghost)); }) == "filing-not-found");
        batch.commit();
        CHECK(store.list().size() == 1);
        CHECK(store.load(good.id).same_content(good));
    }
}
