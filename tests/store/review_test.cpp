// store-9: the reviewer's marks (schema version 3) as the shell reads them: one filing's notes
// and accepted warnings, kept across new revisions and a restore, gone with the filing.
#include <catch2/catch.hpp>

#include "store/database.h"
#include "store/filing_store.h"
#include "store/review_store.h"
#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using formwork::store::test::TempDir;

TEST_CASE("store-9.1 one filing's notes and accepted warnings, kept across revisions, gone with the filing") {
    TempDir dir;
    Database db = Database::open(dir.file("r.db"), OpenMode::CreateOrOpen);
    FilingStore store(db);
    ReviewStore reviews(db);
    Filing a = test::sample_filing();
    Filing b = test::sample_filing();
    store.save(a, test::info_for(a));
    store.save(b, test::info_for(b));
    REQUIRE(a.id != b.id);

    reviews.set_note(a.id, "", "", "资金测算依据不足。");
    reviews.set_note(a.id, "phone", "f/contact", "已电话核实。");
    reviews.set_note(b.id, "", "", "另一份");
    const auto notes = reviews.notes(a.id);
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].check.empty());
    CHECK(notes[0].text == "资金测算依据不足。");
    CHECK(notes[1].check == "phone");
    CHECK(notes[1].path == "f/contact");
    CHECK(notes[1].at.size() == 20);  // "YYYY-MM-DDTHH:MM:SSZ"

    reviews.accept(a, "phone", "f/contact");
    reviews.accept(b, "phone", "f/contact");
    auto marks = reviews.accepted(a.id);
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].filing == a.id);
    CHECK(is_accepted(marks, a, "phone", "f/contact"));

    // A new revision with another value there: the mark stays stored but no longer holds.
    const auto first = store.revisions(a.id).front().id;
    a.fields["contact"] = "0513-1234567";
    store.save(a, test::info_for(a));
    CHECK(reviews.notes(a.id).size() == 2);
    CHECK_FALSE(is_accepted(reviews.accepted(a.id), a, "phone", "f/contact"));
    // Restoring the revision it was accepted for brings the mark back into force.
    store.restore(a.id, first);
    const Filing restored = store.load(a.id);
    CHECK(is_accepted(reviews.accepted(a.id), restored, "phone", "f/contact"));

    reviews.set_note(a.id, "phone", "f/contact", "");
    CHECK(reviews.notes(a.id).size() == 1);
    reviews.unaccept(a.id, "phone", "f/contact");
    CHECK(reviews.accepted(a.id).empty());
    CHECK(reviews.accepted(b.id).size() == 1);
    store.remove(b.id);
    CHECK(reviews.accepted(b.id).empty());
    CHECK(reviews.notes(b.id).empty());
}
