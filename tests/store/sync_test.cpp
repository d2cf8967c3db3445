// store-12: copying filings with their revisions between stores (push and pull), both ways
// between SQLite and PostgreSQL: twice creates no duplicates, revisions are kept, a filing
// edited on both sides is left alone and named.
#include <catch2/catch.hpp>

#include "store/sync.h"
#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

TEST_CASE("store-12.1 push then pull keeps every revision, and running either again copies nothing") {
    const std::string first = EACH_BACKEND();
    const std::string second = first == "sqlite" ? "postgresql" : "sqlite";
    Location a(first, "a.db"), b(second, "b.db"), c(first, "c.db");
    Database da = Database::open(a.path, OpenMode::CreateOrOpen);
    Database db = Database::open(b.path, OpenMode::CreateOrOpen);
    Database dc = Database::open(c.path, OpenMode::CreateOrOpen);
    FilingStore sa(da);
    Filing f = sample_filing();
    sa.save(f, info_for(f, "新建"));
    f.fields["contact"] = "第二版";
    sa.save(f, info_for(f, "第二次"));
    Filing g = sample_filing();
    sa.save(g, info_for(g));

    SyncReport r = copy_filings(da, db);
    CHECK(r.created == 2);
    CHECK(r.revisions == 3);
    r = copy_filings(da, db);
    CHECK(r.created == 0);
    CHECK(r.unchanged == 2);
    CHECK(r.revisions == 0);

    FilingStore sb(db);
    REQUIRE(sb.list().size() == 2);
    const auto id = sb.list()[0].id;
    CHECK(sb.load(id).same_content(f));
    const auto revs = sb.revisions(id);
    REQUIRE(revs.size() == 2);
    CHECK(revs[0].summary == "第二次");
    CHECK(revs[1].summary == "新建");
    CHECK(revs[0].at == sa.revisions(f.id)[0].at);  // as recorded where it was made
    CHECK(sb.load_revision(id, revs[1].id).field("contact") == sample_filing().field("contact"));

    // An edit on the second store comes back with pull; the first store is then not ahead.
    Filing there = sb.load(id);
    there.fields["contact"] = "第三版";
    sb.save(there, info_for(there, "在共享库改"));
    r = copy_filings(db, da);
    CHECK(r.updated == 1);
    CHECK(r.revisions == 1);
    CHECK(sa.load(f.id).field("contact") == "第三版");
    CHECK(copy_filings(db, da).revisions == 0);
    CHECK(copy_filings(da, db).revisions == 0);

    // Edited on both sides: not copied, named.
    Filing here = sa.load(f.id);
    here.fields["contact"] = "这边";
    sa.save(here, info_for(here));
    there = sb.load(id);
    there.fields["contact"] = "那边";
    sb.save(there, info_for(there));
    r = copy_filings(da, db);
    CHECK(r.diverged == std::vector<std::int64_t>{f.id});
    CHECK(sb.load(id).field("contact") == "那边");

    // A third store pulls everything whole.
    CHECK(copy_filings(db, dc).created == 2);
    FilingStore sc(dc);
    CHECK(sc.revisions(sc.list()[0].id).size() == sb.revisions(id).size());
}
