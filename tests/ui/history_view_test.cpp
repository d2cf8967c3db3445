// The revision list on a real App: three saves and a restore of one filing, each read as
// what it changed and where, and the panel draws in both languages.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "ui/revision_text.h"
#include "ui/shell.h"
#include "ui/views.h"

using namespace formwork;
using namespace formwork::ui;
namespace fs = std::filesystem;

TEST_CASE("ui-history-2.1 the revision list says what each save of a filing changed") {
    char tmpl[] = "/tmp/formwork-ui-history-XXXXXX";
    const std::string dir = mkdtemp(tmpl);
    {
        ShellOptions options;
        options.db_path = dir + "/history.db";
        App app(options);
        app.new_filing("nantong-project");
        REQUIRE(app.session);
        app.session->set_field("project_name", "信息化管理专项经费");
        REQUIRE(app.save());
        app.session->set_field("department", "南通市市场监督管理局");
        REQUIRE(app.save());
        app.session->set_field("project_name", "信息化管理专项经费（调整）");
        app.session->set_field("implementing_unit", "南通市市场监管局网络受理中心");
        REQUIRE(app.save());
        const std::int64_t id = app.session->filing().id;
        const auto revisions = app.store.revisions(id);
        REQUIRE(revisions.size() == 3);
        app.restore_revision(revisions[1].id);
        REQUIRE(app.save());

        const auto all = app.store.revisions(id);
        REQUIRE(all.size() == 4);
        const auto paths = app.store.changed_paths(id);
        std::vector<std::string> briefs;
        for (size_t i = 0; i < all.size(); ++i) {
            const auto found = paths.find(all[i].id);
            briefs.push_back(describe_revision(all[i], found == paths.end() ? std::vector<std::string>{} : found->second,
                                               i + 1 == all.size(), app.session->spec(), app.session->filing(), Lang::Zh)
                                 .brief);
            INFO(briefs.back());
        }
        // Newest first: the restore (the shell saves it as an edit that undoes the two fields),
        // the two-field edit, the department, the first save.
        CHECK(briefs[0] == "2 个单元格：实施单位、项目名称");
        CHECK(briefs[1] == "2 个单元格：实施单位、项目名称");
        CHECK(briefs[2] == "1 个单元格：主管部门");
        CHECK(briefs[3] == "新建");
        for (const auto& r : all) CHECK(local_time_text(r.at).size() == 19);  // "2024-05-01 16:30:07"

        app.show_history = true;
        draw_headless_frames(app, 2);
        app.lang = Lang::En;
        draw_headless_frames(app, 2);
    }
    // FORMWORK_KEEP_DB=1 keeps the database to look at in the shell.
    if (std::getenv("FORMWORK_KEEP_DB")) WARN("database kept in " << dir);
    else fs::remove_all(dir);
}
