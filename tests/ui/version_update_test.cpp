// ui-versions-*: issue 18 in the shell, without a window. A filing stored under version 1 of
// a template opens with version 1's description, shows its version and offers the update to
// version 2 with what it would change; the update is a revision of its own, and restoring
// the revision before brings version 1 back; next year's filing opens as an unsaved draft.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/database.h"
#include "store/filing_store.h"
#include "ui/app.h"
#include "ui/next_year_draft.h"
#include "ui/shell.h"
#include "ui/version_update.h"
#include "ui/views.h"
#include "user_folder.h"

using namespace formwork;
using namespace formwork::ui;
using namespace formwork::test;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = FORMWORK_SOURCE_DIR;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Filing v1_filing() {
    Filing f;
    f.template_id = "versioned";
    f.template_version = 1;
    f.fields = {{"budget_year", "2024"}, {"project_name", "政风热线"}, {"project_period", "2023-2025"},
                {"contact", "孙卓 025-83660026"}, {"remark", "按季度拨付"}};
    Table& funds = f.table("funds");
    funds.rows.resize(3);
    funds.rows[0].cells["amount"] = "18";
    funds.rows[1].cells["amount"] = "15";
    funds.rows[2].cells["amount"] = "3";
    return f;
}

// Version 2 installed, version 1 kept in earlier/, one filing stored under version 1.
struct Shell {
    UserFolder user;
    std::string db = (user.root / "versions.db").string();
    Shell() {
        user.write("templates", "versioned", slurp(kSource / "tests/fixtures/versions/versioned_v2.lua"));
        fs::create_directories(user.root / "formwork/templates/earlier");
        std::ofstream(user.root / "formwork/templates/earlier/versioned_v1.lua") << slurp(kSource / "tests/fixtures/versions/versioned_v1.lua");
        setenv("XDG_DATA_HOME", user.root.c_str(), 1);
        auto database = store::Database::open(db, store::OpenMode::CreateOrOpen);
        store::FilingStore store(database);
        Filing f = v1_filing();
        store.save(f, {"政风热线", "2024", "stored under version 1"});
    }
    ~Shell() { unsetenv("XDG_DATA_HOME"); }
};

}  // namespace

TEST_CASE("ui-versions-1.1 an old filing shows its version and offers the update, with what changes") {
    Shell s;
    ShellOptions options;
    options.db_path = s.db;
    App app(options);
    app.open_filing(1);
    REQUIRE(app.session);
    REQUIRE(app.session->spec());
    CHECK(app.session->spec()->version == 1);  // the form of version 1: 联系人及电话, 其他说明
    CHECK(app.session->spec()->find_field("remark"));
    const VersionState state = version_state(app);
    CHECK(state.filed == 1);
    CHECK(state.current == 2);
    CHECK(state.described);
    CHECK(state.offered());

    const script::MigrationResult preview = preview_update(app);
    REQUIRE(preview.ok());
    CHECK(preview.needed());
    CHECK(change_counts(app, preview.changes) == "改名 1 · 拆分 1 · 转为备注 1");
    open_update_dialog(app);
    draw_headless_frames(app, 3);  // the banner and the update dialog, drawn
    CHECK(app.store.revisions(1).size() == 1);  // the preview wrote nothing

    REQUIRE(apply_update(app, preview));
    REQUIRE(app.session);
    CHECK(app.session->filing().template_version == 2);
    CHECK(app.session->spec()->version == 2);
    CHECK(app.session->filing().field("contact_phone") == "025-83660026");
    CHECK_FALSE(app.session->dirty());
    CHECK_FALSE(version_state(app).offered());
    const auto revisions = app.store.revisions(1);
    REQUIRE(revisions.size() == 2);
    CHECK(app.status_message.find("已更新到第 2 版") != std::string::npos);
    CHECK(app.status_message.find("恢复修订 " + std::to_string(revisions[1].id)) != std::string::npos);
    draw_headless_frames(app, 2);

    // The revision before: version 1 again, saved at once as a revision of its own, shown
    // with version 1's form.
    app.restore_revision(revisions[1].id);
    REQUIRE(app.session);
    CHECK(app.session->filing().template_version == 1);
    CHECK(app.session->spec()->version == 1);
    CHECK_FALSE(app.session->dirty());
    CHECK(app.store.revisions(1).size() == 3);
    CHECK(app.session->filing().same_content([] {
        Filing f = v1_filing();
        f.id = 1;
        return f;
    }()));
    CHECK(version_state(app).offered());
    // Forward again by restoring the update's revision; with unsaved edits it waits for them.
    app.session->set_field("project_name", "政风热线（改）");
    app.restore_revision(revisions[0].id);
    CHECK(app.session->filing().template_version == 1);
    CHECK(app.status_message.find("先保存") != std::string::npos);
    app.undo();
    app.restore_revision(revisions[0].id);
    CHECK(app.session->filing().template_version == 2);
    CHECK(app.session->spec()->version == 2);
    app.counts.wait();
}

TEST_CASE("ui-versions-1.2 next year's filing: a draft of 2025 in the current version, unsaved until saved") {
    Shell s;
    ShellOptions options;
    options.db_path = s.db;
    App app(options);
    app.open_filing(1);
    REQUIRE(app.session);
    const NextYearPlan plan = plan_next_year(app);
    REQUIRE(plan.ready());
    CHECK(plan.current.needed());  // made from version 2's reading of the old filing
    CHECK(plan.copy.year == 2025);
    CHECK(plan.copy.covers);
    CHECK_FALSE(plan.doubtful());
    open_next_year_dialog(app);
    draw_headless_frames(app, 3);
    REQUIRE(open_next_year(app, plan));
    CHECK(app.session->filing().id == 0);
    CHECK(app.session->filing().template_version == 2);
    CHECK(app.session->filing().field("budget_year") == "2025");
    CHECK(app.session->filing().tables.at("funds").rows[0].cell("amount").empty());  // the template clears amounts
    CHECK(app.session->dirty());
    REQUIRE(app.save());
    CHECK(app.filings.size() == 2);
    CHECK(app.filings[1].year == "2025");
    // A second draft of 2025 is doubtful: the project's 2025 filing exists.
    app.open_filing(1);
    CHECK(plan_next_year(app).duplicate == app.filings[1].id);
    app.counts.wait();
}
