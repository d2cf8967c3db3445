// hostile-2.*: the shell's side of issue 12's hostile-script suite (the command-line entry
// points are tests/cli/hostile_test.cpp). With every hostile template and check of
// tests/fixtures/hostile/ in the user's folders, the shell starts, opens and checks a filing,
// says which scripts are broken and which checks it switched off, survives a hostile check
// dropped into the folder while it runs, and the shipped scripts keep working. Drawn headless,
// in this process: a signal would end the test run.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "hostile_scripts.h"
#include "store/database.h"
#include "ui/app.h"
#include "ui/import_job.h"
#include "ui/shell.h"

using namespace formwork;
using namespace formwork::ui;
using namespace formwork::test;
namespace fs = std::filesystem;

TEST_CASE("hostile-2.1 the shell with every hostile script installed: starts, checks, names them, survives a new one") {
    UserFolder user;
    const auto payloads = read_hostile(hostile_dir());
    for (const auto& p : payloads) {
        user.write("templates", p.name, as_template(p));
        user.write("checks", "load_" + p.name, as_check_load(p));
        if (p.name != "gsub_table_recursion") user.write("checks", "run_" + p.name, as_check_run(p));
    }
    for (const auto& t : read_hostile(hostile_dir() / "templates")) user.write("templates", "whole_" + t.name, t.source);
    for (const auto& c : read_hostile(hostile_dir() / "checks")) user.write("checks", "whole_" + c.name, c.source);
    setenv("XDG_DATA_HOME", user.root.c_str(), 1);

    const std::string db = (user.root / "shell.db").string();
    { store::Database created = store::Database::open(db, store::OpenMode::CreateOrOpen); }
    ImportJob job;
    job.start(db, import_paths(FORMWORK_SEEDS_DIR), Lang::Zh);
    job.wait();

    const auto start = std::chrono::steady_clock::now();
    {
        ShellOptions options;
        options.db_path = db;
        App app(options);
        // Every shipped template and check loaded; the hostile ones are named as broken.
        std::size_t shipped_templates = 0;
        for (const auto& e : app.templates.entries()) shipped_templates += e.origin == "shipped" && e.ok();
        CHECK(shipped_templates == 12);
        CHECK(app.script_error_count() >= 2 * payloads.size());
        app.refresh_list();
        REQUIRE(app.filings.size() == 30);
        app.open_filing(app.filings.front().id);
        REQUIRE(app.session);
        draw_headless_frames(app, 3);
        bool stopped = false;
        for (const auto& p : app.problems) stopped = stopped || p.message_zh.find("stopped:") != std::string::npos;
        CHECK(stopped);
        // Three edits: every hostile run check fails three times and is switched off.
        for (int i = 0; i < 3; ++i) {
            app.session->set_field("project_name", "测试 " + std::to_string(i));
            draw_headless_frames(app, 1);
        }
        CHECK(app.checks->switched_off().size() >= payloads.size() - 1);
        // The shipped rules still find the filing's mistake (Nantong: 19 ≠ 18).
        bool found = false;
        for (const auto& p : app.problems) found = found || p.check == "expenses-add-up";
        CHECK(found);

        // Dropped into the folder while the shell runs: the check that once crashed the process.
        for (const auto& p : payloads)
            if (p.name == "gsub_table_recursion") user.write("checks", "run_" + p.name, as_check_run(p));
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // reloads are checked once a second
        app.reload_templates();
        app.session->set_field("project_name", "再测试");
        draw_headless_frames(app, 2);
        bool nesting = false;
        for (const auto& p : app.problems) nesting = nesting || p.message_zh.find("nested too deeply") != std::string::npos;
        CHECK(nesting);
        app.counts.wait();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Loading ~75 hostile scripts (each at most the 200 ms limit, most far less), the batch
    // count in the background, and six rounds of live checks.
    CHECK(seconds < 0.2 * 2 * static_cast<double>(payloads.size()) + 10);
    unsetenv("XDG_DATA_HOME");
}

TEST_CASE("damaged-2.1 the shell on a database with one damaged filing: marks it, opens the others") {
    UserFolder user;  // empty user folders: only the shipped scripts
    setenv("XDG_DATA_HOME", user.root.c_str(), 1);
    const std::string db = (user.root / "damaged.db").string();
    { store::Database created = store::Database::open(db, store::OpenMode::CreateOrOpen); }
    ImportJob job;
    job.start(db, import_paths(FORMWORK_SEEDS_DIR), Lang::Zh);
    job.wait();
    {
        sqlite3* h = nullptr;
        REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
        REQUIRE(sqlite3_exec(h,
                             "UPDATE filing_cells SET path = 't/expenses/x/full_year' WHERE filing_id = 27 AND path = "
                             "(SELECT path FROM filing_cells WHERE filing_id = 27 AND path LIKE 't/%' LIMIT 1)",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(h);
    }
    ShellOptions options;
    options.db_path = db;
    App app(options);
    app.counts.wait();
    REQUIRE(app.filings.size() == 30);
    const auto damaged = app.counts.count_of(27);
    REQUIRE(damaged);
    CHECK(damaged->damaged);
    const auto other = app.counts.count_of(1);
    REQUIRE(other);
    CHECK_FALSE(other->damaged);
    CHECK(other->errors > 0);  // the batch count went on past the damaged filing
    app.open_filing(27);
    CHECK_FALSE(app.session);
    CHECK(app.status_message.find("filing 27") != std::string::npos);
    draw_headless_frames(app, 2);
    app.open_filing(1);
    REQUIRE(app.session);
    draw_headless_frames(app, 2);
    CHECK_FALSE(app.problems.empty());
    unsetenv("XDG_DATA_HOME");
}
