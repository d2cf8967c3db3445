// The shell on a store others write to (issue 15): a save that meets another save of the same
// cell opens the conflict view (mine / theirs per cell), the choice is saved over the other
// save and nothing else of either is lost; the filing list shows and filters statuses, and the
// workflow's steps run from the shell. On both stores.
#include <catch2/catch.hpp>

#include <filesystem>

#include "pg_cluster.h"
#include "store/filing_status.h"
#include "ui/shell.h"
#include "ui/views.h"

using namespace formwork;
using namespace formwork::ui;
namespace fs = std::filesystem;

namespace {

struct Store {
    std::string dir, path;
    explicit Store(const std::string& backend) {
        char tmpl[] = "/tmp/formwork-ui-workflow-XXXXXX";
        dir = mkdtemp(tmpl);
        path = backend == "sqlite" ? dir + "/t.db" : formwork::test::pg_cluster().new_database();
    }
    ~Store() { fs::remove_all(dir); }
};

}  // namespace

TEST_CASE("ui-workflow-1.1 a save meeting another save of the same cell shows mine and theirs, then saves the choice") {
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO(backend);
    Store s(backend);
    ShellOptions options;
    options.db_path = s.path;
    App app(options);
    app.new_filing("nantong-project");
    app.session->set_field("project_name", "信息化管理专项经费");
    app.session->set_field("contact", "0513-1");
    REQUIRE(app.save());
    const std::int64_t id = app.session->filing().id;

    // Someone else saves the contact and the phone's neighbour field meanwhile.
    {
        store::Database other_db = store::Database::open(s.path, store::OpenMode::OpenExisting);
        store::FilingStore other(other_db);
        Filing f = other.load(id);
        f.fields["contact"] = "0513-2";
        f.fields["department"] = "南通市财政局";
        other.save(f, {"信息化管理专项经费", "", "他人"});
    }
    app.session->set_field("contact", "0513-3");
    app.session->set_field("annual_goal", "我的年度目标");
    CHECK_FALSE(app.save());
    REQUIRE(app.conflict);
    REQUIRE(app.conflict->cells.size() == 1);
    CHECK(app.conflict->cells[0].path == "f/contact");
    CHECK(app.conflict->cells[0].mine == "0513-3");
    CHECK(app.conflict->cells[0].theirs == "0513-2");
    CHECK(app.session->dirty());  // nothing was overwritten, nothing of mine dropped
    draw_headless_frames(app, 2);
    app.lang = Lang::En;
    draw_headless_frames(app, 2);
    app.lang = Lang::Zh;

    app.conflict->keep_mine[0] = false;  // theirs for the contact
    REQUIRE(app.resolve_conflict());
    CHECK_FALSE(app.conflict);
    CHECK_FALSE(app.session->dirty());
    store::Database check_db = store::Database::open(s.path, store::OpenMode::OpenExisting);
    store::FilingStore check(check_db);
    const Filing stored = check.load(id);
    CHECK(stored.field("contact") == "0513-2");           // their value, chosen
    CHECK(stored.field("department") == "南通市财政局");  // their other edit, kept
    CHECK(stored.field("annual_goal") == "我的年度目标");  // my other edit, kept
    CHECK(app.session->filing().field("department") == "南通市财政局");  // and the form shows it
    CHECK(app.session->filing().revision == stored.revision);
}

TEST_CASE("ui-workflow-1.2 statuses show in the list, filter it, and the steps run from the shell") {
    Store s("sqlite");
    ShellOptions options;
    options.db_path = s.path;
    App app(options);
    app.new_filing("nantong-project");
    app.session->set_field("project_name", "项目甲");
    REQUIRE(app.save());
    CHECK(app.open_status() == store::Status::Draft);
    app.change_status(store::Status::Submitted);
    CHECK(app.open_status() == store::Status::Submitted);
    CHECK(app.filings[0].status == "submitted");
    store::StatusStore statuses(app.db);
    REQUIRE(statuses.history(app.session->filing().id).size() == 1);
    CHECK(statuses.history(app.session->filing().id)[0].findings.starts_with("["));
    // A submitted filing is not edited: the save says so and keeps the edit in the form.
    app.session->set_field("contact", "x");
    CHECK_FALSE(app.save());
    CHECK(app.session->dirty());
    app.discard_edits();
    app.ask_return_reason = true;
    draw_headless_frames(app, 2);
    app.change_status(store::Status::Returned, "金额不符");
    CHECK(app.filings[0].status_reason == "金额不符");
    app.lang = Lang::En;
    draw_headless_frames(app, 2);
}
