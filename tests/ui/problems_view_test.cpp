// The problems panel's quiet group: checks that could not judge a filing (no indicators, the
// total blank) come back from the live checker marked as such, with the reason in the UI
// language where the engine gives it, and are not counted as findings.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "ui/shell.h"
#include "ui/views.h"

using namespace formwork;
using namespace formwork::ui;
namespace fs = std::filesystem;

namespace {

struct TempDb {
    std::string dir, path;
    TempDb() {
        char tmpl[] = "/tmp/formwork-ui-problems-XXXXXX";
        dir = mkdtemp(tmpl);
        path = dir + "/t.db";
    }
    ~TempDb() { fs::remove_all(dir); }
};

const Problem* find(const App& app, const std::string& check) {
    for (const auto& p : app.problems)
        if (p.check == check) return &p;
    return nullptr;
}

}  // namespace

TEST_CASE("ui-problems-1.1 a new filing's checks that cannot judge are listed apart, with their reasons") {
    TempDb db;
    ShellOptions options;
    options.db_path = db.path;
    App app(options);
    app.new_filing("nantong-project");
    REQUIRE(app.session);
    app.recheck_if_changed();
    // No indicators: the indicator tree cannot be judged (scripts/checks/indicator_tree.lua).
    const Problem* tree = find(app, "indicator-categories");
    REQUIRE(tree);
    CHECK(tree->could_not_judge);
    CHECK(tree->message_zh == "没有填写绩效指标");
    CHECK(tree->path.empty());
    // 资金总额 blank: the sums cannot be judged either.
    const Problem* sums = find(app, "expenses-add-up");
    REQUIRE(sums);
    CHECK(sums->could_not_judge);
    // The quiet entries are not findings: a filled-in filing has none of them.
    const auto quiet = std::count_if(app.problems.begin(), app.problems.end(), [](const Problem& p) { return p.could_not_judge; });
    CHECK(quiet >= 2);
    draw_headless_frames(app, 2);
    app.lang = Lang::En;
    draw_headless_frames(app, 2);
}

TEST_CASE("ui-problems-1.2 the engine's own reasons are in the UI language") {
    TempDb db;
    ShellOptions options;
    options.db_path = db.path;
    App app(options);
    app.new_filing("yuanjiang-department");  // a department check, and no department named
    REQUIRE(app.session);
    app.recheck_if_changed();
    const Problem* dept = find(app, "department-projects-sum");
    REQUIRE(dept);
    CHECK(dept->could_not_judge);
    CHECK(dept->message_zh == tr(Str::ReasonNoDepartment, Lang::Zh));
    CHECK(dept->message_en == tr(Str::ReasonNoDepartment, Lang::En));
    CHECK(dept->message(Lang::En) == "the filing names no department");
}
