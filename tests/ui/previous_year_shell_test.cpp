// analyst-2.*: issue 13 in the shell. On the two-year database (tests/support/two_year_db.h)
// the shipped cross-year check finds each changed total live, as the filing is opened; an
// edit that changes this year's total, once saved into the store, is what last year's copy
// is compared with; a user check's check.log lines reach the scripts panel.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "store/database.h"
#include "two_year_db.h"
#include "ui/app.h"
#include "ui/import_job.h"
#include "ui/shell.h"
#include "user_folder.h"

using namespace formwork;
using namespace formwork::ui;
using namespace formwork::test;

namespace {

const char* const kCheck = "total-changed-from-previous-year";

std::vector<Problem> cross_year(const App& app) {
    std::vector<Problem> out;
    for (const auto& p : app.problems)
        if (p.check == kCheck && !p.could_not_judge) out.push_back(p);
    return out;
}

}  // namespace

TEST_CASE("analyst-2.1 the shell: the cross-year check finds each changed total live, and check.log reaches the scripts panel") {
    UserFolder user;
    user.write("checks", "log_total", R"(return check.script{ api = 1, checks = { check.define{
    id = "log-total", title = { zh = "打印资金总额" }, severity = "info", templates = { "*" },
    run = function(f) check.log("总额", f:text(f:spec().total or "fields.none")) end,
} } }
)");
    setenv("XDG_DATA_HOME", user.root.c_str(), 1);
    const std::string db = (user.root / "two-years.db").string();
    { store::Database created = store::Database::open(db, store::OpenMode::CreateOrOpen); }
    ImportJob job;
    job.start(db, import_paths(FORMWORK_SEEDS_DIR), Lang::Zh);
    job.wait();
    add_previous_year(db);
    {
        ShellOptions options;
        options.db_path = db;
        App app(options);
        REQUIRE(app.filings.size() == 30 + previous_year_copies().size());
        for (const auto& copy : previous_year_copies()) {
            INFO("filing " << copy.seed_id);
            app.open_filing(copy.seed_id);
            REQUIRE(app.session);
            draw_headless_frames(app, 2);
            const auto found = cross_year(app);
            if (!copy.changed) {
                CHECK(found.empty());
                continue;
            }
            REQUIRE(found.size() == 1);
            CHECK(found[0].severity == copy.severity);
            CHECK(found[0].message_zh.find("上一年度（2023 年") != std::string::npos);
            CHECK(found[0].message_zh.find(copy.total_2023 + " 万元") != std::string::npos);
        }
        // The scripts panel's source: the open filing's check.log lines.
        bool logged = false;
        for (const auto& line : app.check_log) logged = logged || (line.check == "log-total" && line.text.rfind("总额\t", 0) == 0);
        CHECK(logged);

        // Filing 2 equals its 2023 copy; an edit of its total is found as it is typed.
        app.open_filing(2);
        REQUIRE(app.session);
        draw_headless_frames(app, 2);
        CHECK(cross_year(app).empty());
        app.session->set_cell("income", 0, "full_year", "30");
        draw_headless_frames(app, 2);
        const auto found = cross_year(app);
        REQUIRE(found.size() == 1);
        CHECK(found[0].message_zh.find("增加 3 万元") != std::string::npos);
        // Saving a change to last year's copy is seen by this year's next check (the queries
        // read the store again when it changed).
        app.session->set_cell("income", 0, "full_year", "27");
        std::int64_t copy_of_2 = 0;
        for (const auto& s : app.filings)
            if (s.year == "2023" && s.title == "消费者权益保护工作经费") copy_of_2 = s.id;
        REQUIRE(copy_of_2 != 0);
        app.open_filing(copy_of_2);
        REQUIRE(app.session);
        app.session->set_cell("income", 0, "full_year", "100");
        REQUIRE(app.save());
        app.open_filing(2);
        draw_headless_frames(app, 2);
        const auto after = cross_year(app);
        REQUIRE(after.size() == 1);
        CHECK(after[0].severity == "warning");
        CHECK(after[0].message_zh.find("减少 73 万元") != std::string::npos);
        app.counts.wait();
    }
    unsetenv("XDG_DATA_HOME");
}
