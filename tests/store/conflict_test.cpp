// store-13: no silent overwrite. A save carries the revision its edits started from; another
// save landing in between on the same cells is refused as a conflict naming them, on other
// cells it is merged. On both stores, in one process and in two.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

TEST_CASE("store-13.1 a save based on an older revision that changed the same cell is refused, naming it") {
    Location at(EACH_BACKEND());
    Database db1 = Database::open(at.path, OpenMode::CreateOrOpen);
    Database db2 = Database::open(at.path, OpenMode::OpenExisting);
    FilingStore one(db1), two(db2);
    Filing f = sample_filing();
    one.save(f, info_for(f, "新建"));

    Filing mine = two.load(f.id);
    Filing theirs = one.load(f.id);
    CHECK(mine.revision == theirs.revision);
    theirs.table("expenses").rows[0].cells["full_year"] = "30";
    one.save(theirs, info_for(theirs, "他们的"));

    mine.table("expenses").rows[0].cells["full_year"] = "40";
    const auto revisions_before = two.revisions(f.id).size();
    try {
        two.save(mine, info_for(mine, "我的"));
        FAIL("the save went through");
    } catch (const ConflictError& e) {
        CHECK(e.code() == StoreError::Code::Conflict);
        CHECK(e.filing() == f.id);
        CHECK(e.base() == mine.revision);
        CHECK(e.head() == theirs.revision);
        REQUIRE(e.cells().size() == 1);
        CHECK(e.cells()[0].path == "t/expenses/0/full_year");
        CHECK(e.cells()[0].mine == "40");
        CHECK(e.cells()[0].theirs == "30");
        CHECK(describe(e).find("另一次保存") != std::string::npos);
    }
    CHECK(two.revisions(f.id).size() == revisions_before);  // nothing written
    CHECK(two.load(f.id).table("expenses").rows[0].cells.at("full_year") == "30");

    // Taking theirs as the new base (what the shell does after the user chose) saves.
    Filing again = two.load(f.id);
    again.table("expenses").rows[0].cells["full_year"] = "40";
    CHECK(two.save(again, info_for(again)).changed());
    CHECK(one.load(f.id).table("expenses").rows[0].cells.at("full_year") == "40");
}

TEST_CASE("store-13.2 a save based on an older revision that changed other cells is merged, losing neither") {
    Location at(EACH_BACKEND());
    Database db1 = Database::open(at.path, OpenMode::CreateOrOpen);
    Database db2 = Database::open(at.path, OpenMode::OpenExisting);
    FilingStore one(db1), two(db2);
    Filing f = sample_filing();
    one.save(f, info_for(f));

    Filing mine = two.load(f.id);
    Filing theirs = one.load(f.id);
    theirs.fields["department"] = f.fields["department"];  // unchanged
    theirs.fields["contact"] = "王五";
    one.save(theirs, info_for(theirs));
    mine.table("expenses").rows[0].cells["full_year"] = "41";
    const SaveResult r = two.save(mine, info_for(mine));
    CHECK(r.changed());
    CHECK(r.merged);
    CHECK(r.changed_cells == 1);  // only mine was written over theirs
    CHECK(mine.fields["contact"] == "王五");  // the saved filing now holds both
    CHECK(mine.revision == r.revision);
    const Filing back = one.load(f.id);
    CHECK(back.fields.at("contact") == "王五");
    CHECK(back.find_table("expenses")->rows[0].cells.at("full_year") == "41");
}

TEST_CASE("store-13.3 the same edit on both sides is no conflict, and revision 0 saves unconditionally") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    Filing f = sample_filing();
    store.save(f, info_for(f));
    Filing a = store.load(f.id), b = store.load(f.id);
    a.fields["contact"] = "同一个";
    b.fields["contact"] = "同一个";
    store.save(a, info_for(a));
    CHECK_NOTHROW(store.save(b, info_for(b)));
    Filing c = store.load(f.id);
    c.revision = 0;
    c.fields["contact"] = "不问基础";
    CHECK(store.save(c, info_for(c)).changed());
}

TEST_CASE("store-13.4 two processes editing one cell of one filing: one saves, the other gets the conflict") {
    Location at(EACH_BACKEND());
    std::int64_t id = 0;
    {
        Database db = Database::open(at.path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        Filing f = sample_filing();
        store.save(f, info_for(f));
        id = f.id;
    }
    // Both load, then both save as soon as the parent says go, so that the saves race.
    int go[2];
    REQUIRE(::pipe(go) == 0);
    std::vector<pid_t> children;
    std::vector<int> results;
    for (int who = 0; who < 2; ++who) {
        int out[2];
        REQUIRE(::pipe(out) == 0);
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::close(go[1]);
            ::close(out[0]);
            char answer = 'e';
            try {
                Database db = Database::open(at.path, OpenMode::OpenExisting);
                FilingStore store(db);
                Filing f = store.load(id);
                f.table("expenses").rows[0].cells["full_year"] = who == 0 ? "100" : "200";
                (void)!::write(out[1], "L", 1);  // loaded
                char c;
                (void)!::read(go[0], &c, 1);
                try {
                    store.save(f, info_for(f, who == 0 ? "甲" : "乙"));
                    answer = 's';
                } catch (const ConflictError& e) {
                    answer = e.cells().size() == 1 && e.cells()[0].path == "t/expenses/0/full_year" ? 'c' : 'x';
                }
            } catch (...) {
            }
            (void)!::write(out[1], &answer, 1);
            ::_exit(0);
        }
        ::close(out[1]);
        children.push_back(pid);
        results.push_back(out[0]);
    }
    ::close(go[0]);
    for (int fd : results) {
        char loaded = '?';
        REQUIRE(::read(fd, &loaded, 1) == 1);  // both loaded the same revision before either saves
        REQUIRE(loaded == 'L');
    }
    ::close(go[1]);  // EOF: both go
    std::string answers;
    for (size_t i = 0; i < children.size(); ++i) {
        char c = '?';
        (void)!::read(results[i], &c, 1);
        ::close(results[i]);
        ::waitpid(children[i], nullptr, 0);
        answers += c;
    }
    INFO("answers (s saved, c conflict): " << answers);
    CHECK((answers == "sc" || answers == "cs"));
    Database db = Database::open(at.path, OpenMode::OpenExisting);
    FilingStore store(db);
    const std::string stored = store.load(id).table("expenses").rows[0].cells.at("full_year");
    CHECK(stored == (answers[0] == 's' ? "100" : "200"));  // the winner's edit, and the loser was told
    CHECK(store.revisions(id).size() == 2);
}
