// ui-review: the reviewer's marks in the shell (issue 19). A warning accepted in the shell
// leaves the problems panel's findings, the form's markers, the filing list's count (live and
// from the background pass) and the report; it comes back when its value is edited. Notes on
// the filing and on a finding are kept through new revisions and reach the report; File >
// Report… writes the report in the background.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <imgui.h>

#include "review/report_build.h"
#include "ui/shell.h"
#include "ui/views.h"
#include "ui/widgets.h"

using namespace formwork;
using namespace formwork::ui;
namespace fs = std::filesystem;

namespace {

// The seeds imported by the CLI (ids 1–30 in file order), in a folder removed at the end.
struct SeedDb {
    std::string dir, path;
    SeedDb() {
        char tmpl[] = "/tmp/formwork-ui-review-XXXXXX";
        dir = mkdtemp(tmpl);
        path = dir + "/r.db";
        const std::string cmd = std::string("'") + FORMWORK_BINARY + "' import --db '" + path + "' '" + FORMWORK_SEEDS_DIR + "'/*.txt >/dev/null 2>&1";
        REQUIRE(std::system(cmd.c_str()) == 0);
    }
    ~SeedDb() { fs::remove_all(dir); }
};

const Problem* find(const App& app, const std::string& check, const std::string& path) {
    for (const auto& p : app.problems)
        if (p.check == check && p.path == path) return &p;
    return nullptr;
}

int live_warnings(const App& app) {
    return static_cast<int>(std::count_if(app.problems.begin(), app.problems.end(),
                                          [](const Problem& p) { return p.severity == "warning" && p.marks_place(); }));
}

const io::ReportFiling& report_of(const std::string& db, std::int64_t id) {
    static io::Report kept;
    review::ReportRequest r;
    r.db_path = db;
    r.filing = id;
    kept = review::build_report(r).report;
    REQUIRE(kept.filings.size() == 1);
    return kept.filings[0];
}

bool reported(const io::ReportFiling& f, const std::string& check) {
    return std::any_of(f.findings.begin(), f.findings.end(), [&](const io::ReportFinding& x) { return x.check == check; });
}

}  // namespace

TEST_CASE("ui-review-1.1 a warning accepted in the shell stops counting everywhere and comes back when its value is edited") {
    SeedDb db;
    ShellOptions options;
    options.db_path = db.path;
    App app(options);
    app.counts.wait();
    // The first seed with a phone number that does not look like one (a warning on a field).
    std::int64_t id = 0;
    for (const auto& s : app.filings) {
        app.open_filing(s.id);
        app.recheck_if_changed();
        if (find(app, "phone-format", "f/contact")) {
            id = s.id;
            break;
        }
    }
    REQUIRE(id != 0);
    const Problem* phone = find(app, "phone-format", "f/contact");
    REQUIRE(phone->severity == "warning");
    const int before = live_warnings(app);
    REQUIRE(app.counts.count_of(id)->warnings == before);
    REQUIRE(worst_problem(app, "f/contact"));
    CHECK(reported(report_of(db.path, id), "phone-format"));

    REQUIRE(app.accept_warning(*phone));
    app.recheck_if_changed();
    phone = find(app, "phone-format", "f/contact");
    REQUIRE(phone);
    CHECK(phone->accepted);
    CHECK_FALSE(worst_problem(app, "f/contact"));  // no marker at the field
    CHECK(live_warnings(app) == before - 1);
    CHECK(app.counts.count_of(id)->warnings == before - 1);
    draw_headless_frames(app, 2);
    {
        const auto& r = report_of(db.path, id);
        CHECK_FALSE(reported(r, "phone-format"));
        CHECK(r.accepted == 1);
    }
    {
        // Another start of the shell: the list's background pass leaves it out too.
        App again(options);
        again.counts.wait();
        CHECK(again.counts.count_of(id)->warnings == before - 1);
    }

    // Edited (still not a phone number): the warning is back, live and once saved.
    const std::string old_value = app.session->filing().field("contact");
    app.session->set_field("contact", old_value + "0");
    app.recheck_if_changed();
    phone = find(app, "phone-format", "f/contact");
    REQUIRE(phone);
    CHECK_FALSE(phone->accepted);
    CHECK(worst_problem(app, "f/contact"));
    CHECK(live_warnings(app) == before);
    CHECK(app.counts.count_of(id)->warnings == before);
    REQUIRE(app.save());
    CHECK(reported(report_of(db.path, id), "phone-format"));
    CHECK(report_of(db.path, id).accepted == 0);

    // Withdrawing an acceptance: accepted again, then withdrawn, counts again.
    REQUIRE(app.accept_warning(*find(app, "phone-format", "f/contact")));
    app.recheck_if_changed();
    REQUIRE(find(app, "phone-format", "f/contact")->accepted);
    REQUIRE(app.unaccept_warning(*find(app, "phone-format", "f/contact")));
    app.recheck_if_changed();
    CHECK_FALSE(find(app, "phone-format", "f/contact")->accepted);
}

TEST_CASE("ui-review-1.2 notes on a filing and on a finding are kept through new revisions and reach the report") {
    SeedDb db;
    ShellOptions options;
    options.db_path = db.path;
    App app(options);
    app.open_filing(1);
    REQUIRE(app.session);
    app.recheck_if_changed();
    const auto finding = std::find_if(app.problems.begin(), app.problems.end(), [](const Problem& p) { return p.marks_place(); });
    REQUIRE(finding != app.problems.end());
    const Problem p = *finding;
    REQUIRE(app.set_review_note("", "", "资金测算依据不足。"));
    REQUIRE(app.set_review_note(p.check, p.path, "已电话核实。"));
    REQUIRE(app.note_on("", ""));
    CHECK(app.note_on(p.check, p.path)->text == "已电话核实。");
    draw_headless_frames(app, 2);
    app.lang = Lang::En;
    draw_headless_frames(app, 2);

    // A new revision, then a restore of the first: the notes stay.
    app.session->set_field("project_name", app.session->filing().field("project_name") + "（修订）");
    REQUIRE(app.save());
    const auto revisions = app.store.revisions(1);
    REQUIRE(revisions.size() >= 2);
    app.restore_revision(revisions.back().id);
    App again(options);
    again.open_filing(1);
    again.recheck_if_changed();
    REQUIRE(again.note_on("", ""));
    CHECK(again.note_on("", "")->text == "资金测算依据不足。");
    REQUIRE(again.note_on(p.check, p.path));

    const auto& r = report_of(db.path, 1);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0] == "资金测算依据不足。");
    CHECK(std::any_of(r.findings.begin(), r.findings.end(), [](const io::ReportFinding& x) {
        return x.message.find("（审核人：已电话核实。）") != std::string::npos;
    }));
    // An empty note removes it.
    REQUIRE(again.set_review_note(p.check, p.path, ""));
    CHECK_FALSE(again.note_on(p.check, p.path));
}

TEST_CASE("ui-review-1.3 marks need a saved filing: a new one is refused with the reason") {
    SeedDb db;
    ShellOptions options;
    options.db_path = db.path;
    App app(options);
    app.new_filing("nantong-project");
    app.recheck_if_changed();
    CHECK_FALSE(app.set_review_note("", "", "意见"));
    CHECK(app.status_message == tr(Str::ReviewNeedsSave, Lang::Zh));
    Problem warning{"warning", "phone-format", "f/contact", "", ""};
    CHECK_FALSE(app.accept_warning(warning));
    CHECK(app.accepted_marks.empty());
}

TEST_CASE("ui-review-2.1 File > Report… writes the overview of every filing in the background") {
    SeedDb db;
    ReportJob job;
    review::ReportRequest r;
    r.db_path = db.path;
    r.overview = true;
    r.jobs = 2;
    const std::string out = db.dir + "/审核意见.xlsx";
    job.start(r, ReportFormat::Xlsx, out, Lang::Zh);
    job.wait();
    REQUIRE(job.finished());
    CHECK_FALSE(job.running());
    const ReportOutcome o = job.outcome();
    INFO(o.error);
    REQUIRE(o.ok);
    CHECK(o.filings == 30);
    CHECK(o.left_out.empty());
    CHECK(fs::file_size(out) > 1000);

    // A folder that does not exist: no report, a reason.
    job.start(r, ReportFormat::Pdf, db.dir + "/missing/r.pdf", Lang::En);
    job.wait();
    CHECK_FALSE(job.outcome().ok);
    CHECK_FALSE(job.outcome().error.empty());
}
