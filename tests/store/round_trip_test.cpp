// store-1: what is saved loads back exactly; list, remove, for_each; unknown ids.
#include <catch2/catch.hpp>

#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

TEST_CASE("store-1.1 a filing with every block and Chinese text loads back equal") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);

    Filing f = sample_filing();
    const SaveResult r = store.save(f, info_for(f, "新建"));
    CHECK(r.id > 0);
    CHECK(f.id == r.id);
    CHECK(r.revision > 0);

    const Filing back = store.load(f.id);
    CHECK(back.id == f.id);
    CHECK(back.template_id == "nantong-project");
    CHECK(back.template_version == 2);
    CHECK(back.same_content(f));
    CHECK(back.find_table("expenses")->rows.size() == 4);
    CHECK(back.find_table("expenses")->rows[1].cells.empty());
    REQUIRE(back.find_table("spending_plan"));
    CHECK(back.find_table("spending_plan")->rows.empty());
    CHECK(back.indicators[1].targets.at("full_year") == "＜0.36百分比");
    CHECK(back.field("annual_goal") == f.field("annual_goal"));
}

TEST_CASE("store-1.2 a filing survives closing and reopening the file") {
    Location at(EACH_BACKEND(), "南通 2024 年.db");
    const std::string path = at.path;
    Filing f = sample_filing();
    {
        Database db = Database::open(path, OpenMode::CreateOrOpen);
        FilingStore store(db);
        store.save(f, info_for(f));
    }
    Database db = Database::open(path, OpenMode::OpenExisting);
    FilingStore store(db);
    CHECK(store.load(f.id).same_content(f));
}

TEST_CASE("store-1.3 list shows each filing's summary, remove takes it with its history") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    Filing a = sample_filing();
    Filing b = sample_filing();
    b.template_id = "hebei-project";
    b.fields["project_name"] = "河北项目";
    b.fields["start_year"] = "2025";
    store.save(a, info_for(a));
    store.save(b, info_for(b));
    b.fields["department"] = "河北省财政厅";
    const SaveResult second = store.save(b, info_for(b));
    a.fields["department"] = "改过一次";
    store.save(a, info_for(a));

    auto list = store.list();
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == a.id);
    CHECK(list[0].title == "信息化管理专项经费");
    CHECK(list[0].year == "2024");
    CHECK(list[1].template_id == "hebei-project");
    CHECK(list[1].template_version == 2);
    CHECK(list[1].head_revision == second.revision);
    CHECK(list[1].created_at.size() == 24);  // 2024-05-01T08:30:00.125Z
    CHECK(list[1].created_at <= list[1].updated_at);

    store.remove(a.id);
    list = store.list();
    REQUIRE(list.size() == 1);
    CHECK(list[0].id == b.id);
    CHECK(error_code_of([&] { store.load(a.id); }) == "filing-not-found");
    CHECK(error_code_of([&] { store.remove(a.id); }) == "filing-not-found");
    // The cascade left nothing of the removed filing behind.
    const std::string id = std::to_string(a.id);
    CHECK(at.query("SELECT count(*) FROM filing_cells WHERE filing_id = " + id) == "0");
    CHECK(at.query("SELECT count(*) FROM revisions WHERE filing_id = " + id) == "0");
    CHECK(at.query("SELECT count(*) FROM revision_changes") == "1");  // b's edit only
}

TEST_CASE("store-1.4 ids of removed filings are not given out again") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    Filing a = sample_filing();
    store.save(a, info_for(a));
    const auto first = a.id;
    store.remove(first);
    Filing b = sample_filing();
    store.save(b, info_for(b));
    CHECK(b.id > first);
}

TEST_CASE("store-1.5 unknown ids are reported as such, naming the file") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    Filing ghost = sample_filing();
    ghost.id = 42;
    CHECK(error_code_of([&] { store.save(ghost, info_for(ghost)); }) == "filing-not-found");
    CHECK(error_code_of([&] { store.revisions(42); }) == "filing-not-found");
    try {
        store.load(42);
        FAIL("load of an unknown id returned");
    } catch (const StoreError& e) {
        CHECK(describe(e) == "无法读取 " + at.shown + "：没有编号为 42 的填报表。");
        CHECK(describe(e, Lang::En) == "Cannot read " + at.shown + ": there is no filing number 42.");
    }
}

TEST_CASE("store-1.6 for_each visits every filing once, in id order") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    std::vector<Filing> saved;
    for (int i = 0; i < 5; ++i) {
        Filing f = sample_filing();
        f.fields["project_name"] = "项目 " + std::to_string(i);
        store.save(f, info_for(f));
        saved.push_back(f);
    }
    std::vector<Filing> seen;
    store.for_each([&](const Filing& f) { seen.push_back(f); });
    REQUIRE(seen.size() == saved.size());
    for (size_t i = 0; i < seen.size(); ++i) {
        CHECK(seen[i].id == saved[i].id);
        CHECK(seen[i].same_content(saved[i]));
    }
}
