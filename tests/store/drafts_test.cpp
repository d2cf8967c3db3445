// store-8: drafts, the shell's autosave of unsaved edits (schema version 2).
#include <catch2/catch.hpp>

#include <filesystem>

#include "store/database.h"
#include "store/drafts.h"
#include "store/schema.h"
#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;

TEST_CASE("store-8.1 a draft keeps a filing's content whole, and goes when discarded") {
    test::Location at(EACH_BACKEND(), "d.db");
    {
        Database db = Database::open(at.path, OpenMode::CreateOrOpen);
        DraftStore drafts(db);
        Filing f;
        f.id = 0;
        f.revision = 7;
        f.template_id = "nantong-project";
        f.template_version = 1;
        f.fields["project_name"] = "信息化管理专项经费";
        f.fields["odd"] = "12:34:with colons\nand lines";
        f.table("expenses").rows.resize(2);
        f.table("expenses").rows[1].cells["full_year"] = "3";
        Indicator ind;
        ind.level1 = "产出指标";
        ind.targets["full_year"] = "≥90%";
        f.indicators.push_back(ind);
        const auto id = drafts.save(f, "信息化管理专项经费");
        f.fields["project_name"] = "改过的名称";
        CHECK(drafts.save(f, "改过的名称", id) == id);
        const auto list = drafts.list();
        REQUIRE(list.size() == 1);
        CHECK(list[0].title == "改过的名称");
        CHECK(list[0].filing_id == 0);
        const Filing back = drafts.load(id);
        CHECK(back.same_content(f));
        CHECK(back.revision == 7);  // the base of the edits, for the save's conflict check
        drafts.discard(id);
        CHECK(drafts.list().empty());
    }
}

TEST_CASE("store-8.2 the schema has the drafts table from version 2 on") {
    CHECK(latest_schema_version() >= 2);
}
