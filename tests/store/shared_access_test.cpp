// store-10: who may see what on the shared store is enforced by PostgreSQL itself (roles and
// row-level security, pg_schema.cpp and pg_admin.cpp): a department's login, even with plain
// SQL, sees only its department's filings; a reviewer reads all and writes no cell; nobody
// rewrites a revision.
#include <catch2/catch.hpp>

#include <libpq-fe.h>

#include "pg_cluster.h"
#include "store/filing_status.h"
#include "store/review_store.h"
#include "store/shared_admin.h"
#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

namespace {

// A shared store with two departments' filings and three logins (names unique in the cluster).
struct Bureau {
    std::string url = formwork::test::pg_cluster().new_database();
    std::string db_name = formwork::test::pg_database_of(url);
    std::string nantong = db_name + "_nt", hebei = db_name + "_hb", reviewer = db_name + "_rv";
    std::int64_t nantong_filing = 0, hebei_filing = 0;

    Bureau() {
        Database db = Database::open(url, OpenMode::CreateOrOpen);
        init_shared_store(db);
        grant_login(db, nantong, "pw-nt", "南通市财政局", false);
        grant_login(db, hebei, "pw-hb", "河北省财政厅", false);
        grant_login(db, reviewer, "pw-rv", "", true);
        FilingStore store(db);
        Filing a = sample_filing();
        a.fields["department"] = "南通市财政局";
        store.save(a, info_for(a));
        Filing b = sample_filing();
        b.fields["department"] = "河北省财政厅";
        store.save(b, info_for(b));
        nantong_filing = a.id;
        hebei_filing = b.id;
    }
    std::string as(const std::string& user, const std::string& password) const {
        return formwork::test::pg_cluster().url(db_name, user, password);
    }
};

// Plain SQL over libpq, bypassing the program: the first column of each row, or "error: …".
std::vector<std::string> plain_sql(const std::string& url, const std::string& sql) {
    PGconn* c = PQconnectdb(url.c_str());
    std::vector<std::string> rows;
    if (PQstatus(c) != CONNECTION_OK) {
        rows.push_back(std::string("error: ") + PQerrorMessage(c));
    } else {
        PGresult* r = PQexec(c, sql.c_str());
        if (PQresultStatus(r) == PGRES_TUPLES_OK)
            for (int i = 0; i < PQntuples(r); ++i) rows.push_back(PQgetvalue(r, i, 0));
        else if (PQresultStatus(r) == PGRES_COMMAND_OK)
            rows.push_back(std::string("ok ") + PQcmdTuples(r));
        else
            rows.push_back(std::string("error: ") + PQresultErrorField(r, PG_DIAG_SQLSTATE));
        PQclear(r);
    }
    PQfinish(c);
    return rows;
}

}  // namespace

TEST_CASE("store-10.1 a department's login selecting another department's filing with plain SQL gets nothing") {
    Bureau b;
    const std::string nt = b.as(b.nantong, "pw-nt");
    const std::string other = std::to_string(b.hebei_filing), own = std::to_string(b.nantong_filing);
    CHECK(plain_sql(nt, "SELECT id FROM filings WHERE id = " + other).empty());
    CHECK(plain_sql(nt, "SELECT path FROM filing_cells WHERE filing_id = " + other).empty());
    CHECK(plain_sql(nt, "SELECT id FROM revisions WHERE filing_id = " + other).empty());
    CHECK(plain_sql(nt, "SELECT filing_id FROM filing_snapshots WHERE filing_id = " + other).empty());
    CHECK(plain_sql(nt, "SELECT id FROM filings") == std::vector<std::string>{own});
    CHECK_FALSE(plain_sql(nt, "SELECT path FROM filing_cells WHERE filing_id = " + own).empty());
    CHECK(plain_sql(nt, "SELECT filing_id FROM filing_snapshots") == std::vector<std::string>{own});
    // Nor can it write there: the rows are invisible to UPDATE and DELETE too.
    CHECK(plain_sql(nt, "UPDATE filing_cells SET value = 'x' WHERE filing_id = " + other) == std::vector<std::string>{"ok 0"});
    CHECK(plain_sql(nt, "DELETE FROM filing_cells WHERE filing_id = " + other) == std::vector<std::string>{"ok 0"});
    // Snapshots are the server's to make (pg_schema.cpp): no login writes one, not even its own.
    for (const std::string& id : {other, own}) {
        CHECK(plain_sql(nt, "UPDATE filing_snapshots SET cells = '\\x00' WHERE filing_id = " + id) ==
              std::vector<std::string>{"error: 42501"});
        CHECK(plain_sql(nt, "DELETE FROM filing_snapshots WHERE filing_id = " + id) == std::vector<std::string>{"error: 42501"});
        CHECK(plain_sql(nt, "INSERT INTO filing_snapshots VALUES (" + id + ", '\\x00')") ==
              std::vector<std::string>{"error: 42501"});
    }
    CHECK(plain_sql(b.url, "SELECT count(*) FROM filing_cells WHERE value = 'x'") == std::vector<std::string>{"0"});
    // A wrong password is no login at all.
    CHECK(plain_sql(b.as(b.nantong, "wrong"), "SELECT 1")[0].starts_with("error: "));
}

TEST_CASE("store-10.2 through the store a department lists, loads and saves only its own filings") {
    Bureau b;
    Database db = Database::open(b.as(b.hebei, "pw-hb"), OpenMode::OpenExisting);
    FilingStore store(db);
    const auto list = store.list();
    REQUIRE(list.size() == 1);
    CHECK(list[0].id == b.hebei_filing);
    CHECK(list[0].department == "河北省财政厅");
    CHECK(error_code_of([&] { store.load(b.nantong_filing); }) == "filing-not-found");
    Filing own = store.load(b.hebei_filing);
    own.fields["contact"] = "河北的人";
    CHECK(store.save(own, info_for(own)).changed());
    // Moving a filing to another department, or making one for another department, is refused.
    own.fields["department"] = "南通市财政局";
    CHECK(error_code_of([&] { store.save(own, info_for(own)); }) == "denied");
    Filing foreign = sample_filing();
    foreign.fields["department"] = "南通市财政局";
    CHECK(error_code_of([&] { store.save(foreign, info_for(foreign)); }) == "denied");
    Filing mine = sample_filing();
    mine.fields["department"] = "河北省财政厅";
    CHECK_NOTHROW(store.save(mine, info_for(mine)));
    std::int64_t seen = 0;
    store.for_each([&](const Filing&) { ++seen; });
    CHECK(seen == 2);
}

TEST_CASE("store-10.3 a reviewer reads every filing and writes notes but no cell") {
    Bureau b;
    Database db = Database::open(b.as(b.reviewer, "pw-rv"), OpenMode::OpenExisting);
    FilingStore store(db);
    CHECK(store.list().size() == 2);
    Filing f = store.load(b.nantong_filing);
    f.fields["contact"] = "审核人改的";
    CHECK(error_code_of([&] { store.save(f, info_for(f)); }) == "denied");
    CHECK(plain_sql(b.as(b.reviewer, "pw-rv"), "DELETE FROM filing_snapshots") == std::vector<std::string>{"error: 42501"});
    std::int64_t seen = 0;
    store.for_each([&](const Filing&) { ++seen; });
    CHECK(seen == 2);
    ReviewStore reviews(db);
    reviews.set_note(b.nantong_filing, "", "", "请核对金额");
    CHECK(reviews.filing_notes(b.nantong_filing) == std::vector<std::string>{"请核对金额"});
    // The department reads the note, and may not write one.
    Database dept = Database::open(b.as(b.nantong, "pw-nt"), OpenMode::OpenExisting);
    ReviewStore dept_reviews(dept);
    CHECK(dept_reviews.filing_notes(b.nantong_filing) == std::vector<std::string>{"请核对金额"});
    CHECK(error_code_of([&] { dept_reviews.set_note(b.nantong_filing, "", "", "我来改"); }) == "denied");
}

TEST_CASE("store-10.4 nobody but the owner rewrites or removes a revision") {
    Bureau b;
    const std::string own = std::to_string(b.nantong_filing);
    for (const auto& [user, pw] : {std::pair{b.nantong, "pw-nt"}, std::pair{b.reviewer, "pw-rv"}}) {
        INFO(user);
        const std::string url = b.as(user, pw);
        CHECK(plain_sql(url, "UPDATE revisions SET summary = 'rewritten' WHERE filing_id = " + own) ==
              std::vector<std::string>{"error: 42501"});
        CHECK(plain_sql(url, "DELETE FROM revisions WHERE filing_id = " + own) == std::vector<std::string>{"error: 42501"});
        CHECK(plain_sql(url, "UPDATE revision_changes SET new_value = 'x'") == std::vector<std::string>{"error: 42501"});
        CHECK(plain_sql(url, "DELETE FROM filings WHERE id = " + own) == std::vector<std::string>{"error: 42501"});
    }
    CHECK(plain_sql(b.url, "SELECT count(*) FROM revisions WHERE summary = 'rewritten'") == std::vector<std::string>{"0"});
}

TEST_CASE("store-10.5 statuses change only as the role may: a department submits, a reviewer approves or returns") {
    Bureau b;
    Database dept = Database::open(b.as(b.nantong, "pw-nt"), OpenMode::OpenExisting);
    Database rev = Database::open(b.as(b.reviewer, "pw-rv"), OpenMode::OpenExisting);
    StatusStore by_dept(dept), by_reviewer(rev);
    const auto id = b.nantong_filing;
    CHECK(error_code_of([&] { by_reviewer.change(id, Status::Submitted); }) == "denied");  // not the reviewer's step
    CHECK(error_code_of([&] { by_dept.change(id, Status::Submitted, {}, "{\"findings\":[]}"); }) == "ok");
    CHECK(error_code_of([&] { by_dept.change(id, Status::Approved); }) == "denied");  // the department may not approve
    CHECK(error_code_of([&] { by_reviewer.change(id, Status::Returned, "金额不符"); }) == "ok");
    CHECK(by_dept.status(id) == Status::Returned);
    const auto history = by_dept.history(id);
    REQUIRE(history.size() == 2);
    CHECK(history[0].actor == b.nantong);
    CHECK(history[0].findings == "{\"findings\":[]}");
    CHECK(history[1].actor == b.reviewer);
    CHECK(history[1].reason == "金额不符");
    // Plain SQL cannot skip the rules either.
    CHECK(plain_sql(b.as(b.nantong, "pw-nt"), "UPDATE filings SET status = 'approved' WHERE id = " + std::to_string(id)) ==
          std::vector<std::string>{"error: 42501"});
    CHECK(error_code_of([&] { by_reviewer.change(b.hebei_filing, Status::Approved); }) == "denied");  // a draft
}

TEST_CASE("store-10.6 a store of the previous schema is upgraded by its owner, not by a department's login") {
    Bureau b;
    // Version 1: no snapshots.
    formwork::test::pg_cluster().sql(b.db_name, kPgBackToVersion1);
    const std::string hb = b.as(b.hebei, "pw-hb");
    CHECK(error_code_of([&] { Database::open(hb, OpenMode::OpenExisting); }) == "older-schema");
    CHECK(formwork::test::pg_cluster().sql(b.db_name, "SELECT version FROM formwork_schema") == "1");
    // Any writing open by the owner upgrades it, the grants on the new table included.
    { Database owner = Database::open(b.url, OpenMode::OpenExisting); }
    CHECK(formwork::test::pg_cluster().sql(b.db_name, "SELECT version FROM formwork_schema") == "2");
    // The department's login now reads and saves through the snapshots, its own only.
    Database db = Database::open(hb, OpenMode::OpenExisting);
    FilingStore store(db);
    Filing own = store.load(b.hebei_filing);
    own.fields["contact"] = "升级以后";
    CHECK(store.save(own, info_for(own)).changed());
    std::vector<Filing> seen;
    store.for_each([&](const Filing& f) { seen.push_back(f); });
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].same_content(own));
    CHECK(plain_sql(hb, "SELECT filing_id FROM filing_snapshots") == std::vector<std::string>{std::to_string(b.hebei_filing)});
}

TEST_CASE("store-10.7 the server's snapshot functions read the store's own tables, never a login's") {
    Bureau b;
    const std::string nt = b.as(b.nantong, "pw-nt");
    const std::string other = std::to_string(b.hebei_filing), own = std::to_string(b.nantong_filing);
    // A temporary table of the login's own, named like the cells, then the function on another
    // department's filing: it is made from the real cells, the forged row is not in it.
    CHECK(plain_sql(nt, "CREATE TEMP TABLE filing_cells(filing_id bigint, path text, value text);"
                        " INSERT INTO filing_cells VALUES (" + other + ", 'f/forged', 'forged');"
                        " SELECT formwork_write_snapshot(" + other + ")") == std::vector<std::string>{""});
    CHECK(plain_sql(b.url, "SELECT position('forged'::bytea in cells) FROM filing_snapshots WHERE filing_id = " + other) ==
          std::vector<std::string>{"0"});
    // A temporary table named like the snapshots does not keep the real one from being dropped.
    CHECK(plain_sql(nt, "CREATE TEMP TABLE filing_snapshots(filing_id bigint, cells bytea);"
                        " UPDATE filing_cells SET value = '改过' WHERE filing_id = " + own + " AND path = 'f/project_name'") ==
          std::vector<std::string>{"ok 1"});
    CHECK(plain_sql(b.url, "SELECT count(*) FROM filing_snapshots WHERE filing_id = " + own) == std::vector<std::string>{"0"});
    // Only department logins (whose saves call it) may call it at all.
    CHECK(plain_sql(b.as(b.reviewer, "pw-rv"), "SELECT formwork_write_snapshot(" + own + ")") ==
          std::vector<std::string>{"error: 42501"});
}
