// store-3: every save that changes something is a revision; earlier contents can be read
// back and restored.
#include <catch2/catch.hpp>

#include <algorithm>

#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

namespace {

// Three saves of one filing: created, an amount changed and a row added, a note removed
// and the template version raised.
struct History {
    Location at{EACH_BACKEND(), "h.db"};
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store{db};
    std::vector<Filing> versions;
    std::vector<std::int64_t> revision_ids;

    History() {
        Filing f = sample_filing();
        keep(f, "新建");
        f.table("expenses").rows[0].cells["full_year"] = "20";
        f.table("income").rows.push_back(TableRow{{{"source", "上年结转资金"}, {"amount", "3"}}});
        keep(f, "改预算");
        f.notes.erase(f.notes.begin());
        f.template_version = 3;
        f.fields["project_name"] = "信息化管理专项经费（调整）";
        keep(f, "删备注");
    }

    void keep(Filing& f, const std::string& summary) {
        const SaveResult r = store.save(f, info_for(f, summary));
        versions.push_back(f);
        revision_ids.push_back(r.revision);
    }
};

}  // namespace

TEST_CASE("store-3.1 revisions are listed newest first with time, summary and change count") {
    History h;
    const auto revs = h.store.revisions(h.versions[0].id);
    REQUIRE(revs.size() == 3);
    CHECK(revs[0].id == h.revision_ids[2]);
    CHECK(revs[2].id == h.revision_ids[0]);
    CHECK(revs[0].summary == "删备注");
    CHECK(revs[1].summary == "改预算");
    CHECK(revs[2].summary == "新建");
    CHECK(revs[1].change_count == 4);  // full_year, #rows, the new row's two cells
    CHECK(revs[0].change_count == 8);  // note 0 ← note 1 (2), note 1 gone (2), count, version, name, title
    for (const auto& r : revs) {
        CHECK(r.at.size() == 24);
        CHECK(r.at[10] == 'T');
        CHECK(r.at.back() == 'Z');
        CHECK(r.restored_from == 0);
    }
    CHECK(revs[0].at >= revs[2].at);
}

TEST_CASE("store-3.2 load_revision gives the content as it was right after that revision") {
    History h;
    const auto id = h.versions[0].id;
    for (size_t i = 0; i < h.versions.size(); ++i) {
        INFO("revision " << i);
        const Filing then = h.store.load_revision(id, h.revision_ids[i]);
        CHECK(then.same_content(h.versions[i]));
        CHECK(then.id == id);
    }
    // Reading history changes nothing.
    CHECK(h.store.load(id).same_content(h.versions.back()));
    CHECK(h.store.revisions(id).size() == 3);
}

TEST_CASE("store-3.3 restore saves an earlier content as a new revision") {
    History h;
    const auto id = h.versions[0].id;
    const SaveResult r = h.store.restore(id, h.revision_ids[0], "恢复初稿");
    CHECK(r.changed());
    CHECK(r.id == id);

    const Filing now = h.store.load(id);
    CHECK(now.same_content(h.versions[0]));
    CHECK(now.template_version == 2);
    CHECK(h.store.list()[0].title == "信息化管理专项经费");  // the summary columns came back too

    const auto revs = h.store.revisions(id);
    REQUIRE(revs.size() == 4);
    CHECK(revs[0].id == r.revision);
    CHECK(revs[0].restored_from == h.revision_ids[0]);
    CHECK(revs[0].summary == "恢复初稿");
    // The history before the restore is intact.
    CHECK(h.store.load_revision(id, h.revision_ids[2]).same_content(h.versions[2]));

    // Restoring what is already current changes nothing.
    const SaveResult again = h.store.restore(id, r.revision);
    CHECK_FALSE(again.changed());
    CHECK(again.rows_written == 0);
}

TEST_CASE("store-3.4 a revision of another filing, or none, is not found") {
    History h;
    Filing other = sample_filing();
    h.store.save(other, info_for(other));
    const auto id = h.versions[0].id;
    const auto others = h.store.revisions(other.id)[0].id;
    CHECK(error_code_of([&] { h.store.load_revision(id, others); }) == "revision-not-found");
    CHECK(error_code_of([&] { h.store.restore(id, 9999); }) == "revision-not-found");
    CHECK(error_code_of([&] { h.store.load_revision(9999, h.revision_ids[0]); }) == "filing-not-found");
    try {
        h.store.load_revision(id, 9999);
        FAIL("loaded");
    } catch (const StoreError& e) {
        CHECK(describe(e) == "无法读取 " + h.at.shown + "：该填报表没有编号为 9999 的修订。");
    }
}

TEST_CASE("store-3.5 changed_paths lists what each later revision changed, in path order") {
    History h;
    const auto paths = h.store.changed_paths(h.versions[0].id);
    CHECK_FALSE(paths.count(h.revision_ids[0]));  // the first revision records no change rows
    REQUIRE(paths.count(h.revision_ids[1]));
    const auto& second = paths.at(h.revision_ids[1]);
    CHECK(second.size() == 4);
    CHECK(std::is_sorted(second.begin(), second.end()));
    CHECK(std::find(second.begin(), second.end(), "t/expenses/0/full_year") != second.end());
    REQUIRE(paths.count(h.revision_ids[2]));
    CHECK(paths.at(h.revision_ids[2]).size() == 8);
    CHECK(error_code_of([&] { h.store.changed_paths(9999); }) == "filing-not-found");
}
