// store-14: the per-filing snapshot (store/filing_snapshot.h; SQLite schema version 5,
// PostgreSQL version 2) that batch reads take: made for the filings of an older store when it
// is migrated (on PostgreSQL by SQL, byte for byte as the program encodes it), kept equal to the
// cells by save, restore, remove and batches, dropped by a hand edit of a cell, and never
// trusted over the cells when it does not decode; on both engines.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/filing_cells.h"
#include "store/filing_snapshot.h"
#include "store/schema.h"
#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

namespace {

// Per filing id: its cells as stored, its snapshot's bytes and the snapshot decoded
// (without_snapshot: none; bad_snapshot: one that does not decode), read bypassing the store.
struct Stored {
    std::map<std::int64_t, FilingCells> cells;
    std::map<std::int64_t, std::string> blobs;
    std::map<std::int64_t, FilingCells> snapshots;
    std::vector<std::int64_t> without_snapshot;
    std::vector<std::int64_t> bad_snapshot;
};

std::string from_hex(std::string_view hex) {
    auto digit = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(digit(hex[i]) * 16 + digit(hex[i + 1]));
    return out;
}

// "a:b:c,d:e:f" → its fields; no field holds ',' or ':' (ids, hex digits, '-').
std::vector<std::vector<std::string_view>> split_rows(std::string_view all) {
    std::vector<std::vector<std::string_view>> rows;
    while (!all.empty()) {
        const std::string_view row = all.substr(0, all.find(','));
        all.remove_prefix(std::min(all.size(), row.size() + 1));
        std::vector<std::string_view> fields;
        for (std::string_view rest = row;;) {
            const std::size_t colon = rest.find(':');
            fields.push_back(rest.substr(0, colon));
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
        rows.push_back(std::move(fields));
    }
    return rows;
}

Stored read_stored(const Location& at) {
    const bool lite = at.sqlite();
    Stored out;
    const std::string cells = at.query(
        lite ? "SELECT group_concat(filing_id || ':' || hex(path) || ':' || hex(value), ',') FROM filing_cells"
             : "SELECT string_agg(filing_id || ':' || encode(convert_to(path, 'UTF8'), 'hex') || ':' ||"
               " encode(convert_to(value, 'UTF8'), 'hex'), ',') FROM filing_cells");
    for (const auto& r : split_rows(cells)) out.cells[std::stoll(std::string(r.at(0)))][from_hex(r.at(1))] = from_hex(r.at(2));
    const std::string snapshots = at.query(
        std::string(lite ? "SELECT group_concat(f.id || ':' || coalesce(hex(s.cells), '-'), ',')"
                         : "SELECT string_agg(f.id || ':' || coalesce(encode(s.cells, 'hex'), '-'), ',')") +
        " FROM filings f LEFT JOIN filing_snapshots s ON s.filing_id = f.id");
    for (const auto& r : split_rows(snapshots)) {
        const std::int64_t id = std::stoll(std::string(r.at(0)));
        if (r.at(1) == "-") {
            out.without_snapshot.push_back(id);
            continue;
        }
        const std::string blob = from_hex(r.at(1));
        FilingCells decoded;
        if (decode_snapshot(blob, [&](std::string_view p, std::string_view t) { decoded.emplace(p, t); }))
            out.snapshots[id] = std::move(decoded);
        else
            out.bad_snapshot.push_back(id);
        out.blobs[id] = blob;
    }
    return out;
}

// Every filing has a snapshot equal to its cells, byte for byte as encode_snapshot makes it.
void require_in_step(const Location& at) {
    const Stored s = read_stored(at);
    CHECK_FALSE(s.cells.empty());
    CHECK(s.without_snapshot.empty());
    CHECK(s.bad_snapshot.empty());
    CHECK(s.snapshots == s.cells);
    for (const auto& [id, cells] : s.cells) {
        INFO("filing " << id);
        CHECK(s.blobs.count(id) == 1);
        if (s.blobs.count(id)) CHECK(s.blobs.at(id) == encode_snapshot(cells));
    }
}

std::vector<Filing> all_of(FilingStore& store) {
    std::vector<Filing> out;
    store.for_each([&](const Filing& f) { out.push_back(f); });
    return out;
}

// Opens an older store for writing, which migrates it, and reads back the filings saved.
void open_to_migrate(const std::string& path, const std::vector<Filing>& saved) {
    Database db = Database::open(path, OpenMode::OpenExisting);
    FilingStore store(db);
    const std::vector<Filing> read = all_of(store);
    REQUIRE(read.size() == saved.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        CHECK(read[i].id == saved[i].id);
        CHECK(read[i].same_content(saved[i]));
    }
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
    Location at("sqlite", "v4.db");
    const std::string& path = at.path;
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

    open_to_migrate(at.path, saved);
    CHECK(raw_query(path, "PRAGMA user_version") == std::to_string(latest_schema_version()));
    CHECK(raw_query(path, "SELECT count(*) FROM filing_snapshots") == "2");
    require_in_step(at);
}

TEST_CASE("store-14.3 save, restore, remove and a batch keep the snapshot equal to the cells") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    Filing a = sample_filing();
    store.save(a, info_for(a));
    require_in_step(at);

    a.table("expenses").rows[0].cells["full_year"] = "18.5";
    a.notes.pop_back();                       // cells deleted
    a.fields["new_field"] = "新增";            // a cell added
    store.save(a, info_for(a));
    require_in_step(at);
    CHECK(all_of(store).at(0).same_content(a));

    const auto revs = store.revisions(a.id);
    store.restore(a.id, revs.back().id);
    require_in_step(at);
    CHECK(all_of(store).at(0).same_content(store.load_revision(a.id, revs.back().id)));

    {
        FilingStore::Batch batch(store);
        for (int i = 0; i < 3; ++i) {
            Filing f = large_filing(20, 5);
            store.save(f, info_for(f));
        }
        batch.commit();
    }
    require_in_step(at);
    {
        FilingStore::Batch batch(store);
        Filing f = sample_filing();
        store.save(f, info_for(f));
    }  // rolled back: neither cells nor snapshot stay
    require_in_step(at);
    CHECK(at.query("SELECT count(*) FROM filing_snapshots") == "4");

    store.remove(a.id);
    require_in_step(at);
    CHECK(at.query("SELECT count(*) FROM filing_snapshots WHERE filing_id = " + std::to_string(a.id)) == "0");
}

TEST_CASE("store-14.4 a cell edited by hand drops the snapshot, and reads take the cells") {
    Location at(EACH_BACKEND());
    Filing a = sample_filing(), b = sample_filing();
    {
        Database db = Database::open(at.path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        store.save(a, info_for(a));
        store.save(b, info_for(b));
    }
    const std::string id = std::to_string(a.id);
    at.exec("UPDATE filing_cells SET value = '99' WHERE filing_id = " + id + " AND path = 't/expenses/0/full_year'");
    CHECK(at.query("SELECT count(*) FROM filing_snapshots WHERE filing_id = " + id) == "0");
    CHECK(at.query("SELECT count(*) FROM filing_snapshots") == "1");

    Database db = Database::open(at.path, OpenMode::ReadOnly);
    FilingStore store(db);
    const std::vector<Filing> read = all_of(store);
    REQUIRE(read.size() == 2);
    CHECK(read[0].find_table("expenses")->rows[0].cell("full_year") == "99");
    CHECK(store.load(a.id).find_table("expenses")->rows[0].cell("full_year") == "99");
    CHECK(read[1].same_content(b));
    // A cell deleted by hand too.
    at.exec("DELETE FROM filing_cells WHERE filing_id = " + std::to_string(b.id) + " AND path = 't/expenses/0/full_year'");
    CHECK(at.query("SELECT count(*) FROM filing_snapshots") == "0");
    CHECK(all_of(store).at(1).find_table("expenses")->rows[0].cell("full_year") == "");
}

TEST_CASE("store-14.5 a damaged cell path is found through the cells and its filing skipped") {
    Location at(EACH_BACKEND());
    Filing a = sample_filing(), b = sample_filing();
    {
        Database db = Database::open(at.path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        store.save(a, info_for(a));
        store.save(b, info_for(b));
    }
    at.exec("UPDATE filing_cells SET path = 't/expenses/x/full_year' WHERE filing_id = " + std::to_string(a.id) +
            " AND path = 't/expenses/0/full_year'");
    Database db = Database::open(at.path, OpenMode::ReadOnly);
    FilingStore store(db);
    std::vector<std::int64_t> damaged, visited;
    store.for_each([&](const Filing& f) { visited.push_back(f.id); }, [&](std::int64_t i, const StoreError&) { damaged.push_back(i); });
    CHECK(damaged == std::vector<std::int64_t>{a.id});
    CHECK(visited == std::vector<std::int64_t>{b.id});
}

TEST_CASE("store-14.6 a snapshot that does not decode is not trusted: the cells are read") {
    Location at(EACH_BACKEND());
    Filing a = sample_filing();
    {
        Database db = Database::open(at.path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        store.save(a, info_for(a));
    }
    // Cut short, and then a well-formed blob whose cells make no filing.
    for (const std::string hex : {"0A66", "036D2F78017A"}) {
        INFO(hex);
        at.exec("UPDATE filing_snapshots SET cells = " + (at.sqlite() ? "X'" + hex + "'" : "'\\x" + hex + "'"));
        Database db = Database::open(at.path, OpenMode::ReadOnly);
        FilingStore store(db);
        const std::vector<Filing> read = all_of(store);
        REQUIRE(read.size() == 1);
        CHECK(read[0].same_content(a));
        CHECK(store.load(a.id).same_content(a));
    }
}

TEST_CASE("store-14.7 a version-1 shared store with filings is migrated on open: SQL encodes each snapshot as the program does") {
    Location at("postgresql");
    std::vector<Filing> saved;
    {
        Database db = Database::open(at.path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        Filing a = sample_filing();
        a.fields["empty"] = "";
        Filing b = large_filing(50, 10);
        // Texts whose lengths take varints of two, three and four bytes.
        b.fields["long"] = std::string(200, 'x') + "中文";
        std::string longer, longest;
        for (int i = 0; i < 6000; ++i) longer += "长";
        longest.assign(2'100'000, 'y');
        b.fields["longer"] = longer;
        b.fields["longest"] = longest;
        for (Filing* f : {&a, &b}) {
            store.save(*f, info_for(*f));
            saved.push_back(*f);
        }
        Filing gone = sample_filing();
        store.save(gone, info_for(gone));
        store.remove(gone.id);
    }
    // The store as version 1 left it: no snapshot table, trigger or function.
    at.exec(kPgBackToVersion1);
    CHECK(error_code_of([&] { Database::open(at.path, OpenMode::ReadOnly); }) == "older-schema");
    open_to_migrate(at.path, saved);
    CHECK(at.query("SELECT max(version) FROM formwork_schema") == "2");
    CHECK(at.query("SELECT count(*) FROM filing_snapshots") == "2");
    require_in_step(at);
}

TEST_CASE("store-14.8 a cell row added by hand: SQLite does not read it until a save removes it, PostgreSQL drops the snapshot") {
    Location at(EACH_BACKEND());
    Filing a = sample_filing();
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    store.save(a, info_for(a));
    const std::string id = std::to_string(a.id);
    // By a session that is not this program's (on PostgreSQL: as an older program would).
    at.exec("INSERT INTO filing_cells(filing_id, path, value) VALUES (" + id + ", 'f/added_by_hand', '手工添加')");
    Filing loaded = store.load(a.id);
    if (at.sqlite()) {
        CHECK(at.query("SELECT count(*) FROM filing_snapshots WHERE filing_id = " + id) == "1");
        CHECK(loaded.fields.count("added_by_hand") == 0);
    } else {
        CHECK(at.query("SELECT count(*) FROM filing_snapshots WHERE filing_id = " + id) == "0");
        CHECK(loaded.fields.at("added_by_hand") == "手工添加");
        CHECK(all_of(store).at(0).fields.at("added_by_hand") == "手工添加");
    }
    loaded.fields["contact"] = "改了联系人";
    store.save(loaded, info_for(loaded));
    // SQLite: the save diffs against the cells and removes the unseen one in its revision.
    const auto changed = store.changed_paths(a.id);
    REQUIRE_FALSE(changed.empty());
    const std::vector<std::string>& last = changed.rbegin()->second;
    const bool removed = std::find(last.begin(), last.end(), "f/added_by_hand") != last.end();
    CHECK(removed == at.sqlite());
    CHECK(at.query("SELECT count(*) FROM filing_cells WHERE path = 'f/added_by_hand'") == (at.sqlite() ? "0" : "1"));
    require_in_step(at);
    if (!at.sqlite()) {
        // What a save calls last, called again: the same bytes.
        at.exec("SELECT formwork_write_snapshot(" + id + ")");
        require_in_step(at);
    }
}
