// What the revision list says about a revision (src/ui/revision_text.h): the time to the
// second in local time, how many cells changed and where, a restore and a first save named.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

#include "templates/template_registry.h"
#include "ui/revision_text.h"

using namespace formwork;
using namespace formwork::ui;

namespace {

// Sets the time zone for one test and puts the old one back.
struct TimeZone {
    std::string old;
    bool had = false;
    explicit TimeZone(const char* tz) {
        if (const char* v = std::getenv("TZ")) old = v, had = true;
        setenv("TZ", tz, 1);
        tzset();
    }
    ~TimeZone() {
        if (had) setenv("TZ", old.c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }
};

}  // namespace

TEST_CASE("ui-history-1.1 a revision's time reads in local time, to the second") {
    TimeZone beijing("CST-8");  // POSIX form: UTC+8, no tzdata needed
    CHECK(local_time_text("2024-05-01T08:30:07.125Z") == "2024-05-01 16:30:07");
    CHECK(local_time_text("2024-12-31T20:00:00.000Z") == "2025-01-01 04:00:00");
    CHECK(local_time_text("yesterday") == "yesterday");
}

TEST_CASE("ui-history-1.2 what a revision changed: the count of cells and the first places") {
    script::TemplateRegistry registry;
    registry.refresh();
    const auto spec = registry.find("nantong-project");
    REQUIRE(spec);
    Filing filing;
    store::RevisionInfo r;
    r.id = 7;
    const std::vector<std::string> paths = {"f/project_name", "m/title", "t/expenses/#rows", "t/expenses/0/full_year",
                                            "t/expenses/0/item", "t/expenses/1/item"};
    CHECK(content_paths(paths).size() == 4);
    const auto zh = describe_revision(r, paths, false, spec.get(), filing, Lang::Zh);
    INFO(zh.brief);
    CHECK(zh.brief.rfind("4 个单元格：项目名称、", 0) == 0);
    CHECK(zh.brief.find("第1行") != std::string::npos);
    CHECK(zh.brief.back() != ' ');
    CHECK(zh.brief.find("…") != std::string::npos);  // more places than the brief names
    CHECK(zh.places.size() == 4);
    const auto en = describe_revision(r, paths, false, spec.get(), filing, Lang::En);
    CHECK(en.brief.rfind("4 cells: 项目名称, ", 0) == 0);  // the label is the template's own
    CHECK(en.brief.find("row 1") != std::string::npos);
    // A restore says where from; a first save says created; bookkeeping alone says so.
    r.restored_from = 3;
    CHECK(describe_revision(r, {"f/project_name"}, false, spec.get(), filing, Lang::Zh).brief == "恢复自修订 3；1 个单元格：项目名称");
    r.restored_from = 0;
    CHECK(describe_revision(r, {}, true, spec.get(), filing, Lang::En).brief == "created");
    CHECK(describe_revision(r, {"f/project_name"}, false, spec.get(), filing, Lang::En).brief == "1 cell: 项目名称");
    CHECK(describe_revision(r, {"m/title"}, false, spec.get(), filing, Lang::En).brief == "title or year only");
}

TEST_CASE("ui-history-1.3 summaries the programs write are shown in the UI language") {
    CHECK(summary_text("在桌面程序中编辑", Lang::En) == "edited in the shell");
    CHECK(summary_text("edited in the shell", Lang::Zh) == "在桌面程序中编辑");
    CHECK(summary_text("导入自 /tmp/a.xlsx", Lang::En) == "imported from /tmp/a.xlsx");
    CHECK(summary_text("改预算", Lang::En) == "改预算");
}
