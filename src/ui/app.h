// The shell's state and the actions its views and menus call: the open database, the
// template registry, the filing list, the open EditSession, problems from the live checks,
// and which panels are shown. Views read this and call these actions; nothing here draws.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/lang.h"
#include "ui/shell_settings.h"
#include "checks/check_engine.h"
#include "templates/template_registry.h"
#include "store/database.h"
#include "store/drafts.h"
#include "store/filing_status.h"
#include "store/filing_store.h"
#include "store/review_store.h"
#include "ui/edit_session.h"
#include "ui/import_job.h"
#include "ui/problem_counts.h"
#include "ui/report_job.h"
#include "ui/strings.h"

namespace formwork::ui {

struct ShellOptions {
    std::string db_path;
    Lang lang = Lang::Zh;
    std::int64_t open_id = 0;
    std::string focus_path;  // a field or cell of the open filing to put the cursor on ("t/<table>/<row>/<col>")
    std::string screenshot;  // write a PNG after `frames` frames and exit
    int frames = 0;          // 0: run until closed
    int width = 1440;
    int height = 900;
    bool size_given = false;  // --size: the remembered window size does not apply
    // Language, window and pane sizes from shell.ini, saved again at exit. A screenshot run
    // neither reads nor writes them, so that its picture does not depend on the user's last run.
    bool remember = true;
    std::vector<std::string> import_files;  // imported at start (files opened from the file manager)
};

// A problem shown at a field and in the problems panel.
struct Problem {
    std::string severity;  // "error", "warning", "info"
    std::string check;     // the check's id
    std::string path;      // cell path (src/core/filing_cells.h), "" for the whole filing
    std::string message_zh;
    std::string message_en;
    bool could_not_judge = false;  // not a finding: the check lacked data (the message says why); shown apart
    bool accepted = false;  // a warning the reviewer accepted for the value it holds now: not counted, shown apart

    // Whether the form marks its field or cell (could-not-judge and accepted ones do not).
    bool marks_place() const { return !could_not_judge && !accepted; }

    const std::string& message(Lang lang) const { return lang == Lang::En && !message_en.empty() ? message_en : message_zh; }
};

// Runs the checks that apply to one filing. Set by whoever owns a check engine; absent, the
// problems panel says that no checks are loaded.
using LiveChecker = std::function<std::vector<Problem>(const Filing&, const FormSpec&)>;

class App {
public:
    explicit App(const ShellOptions& options);

    Lang lang;
    const char* tr(Str key) const { return ui::tr(key, lang); }

    store::Database db;
    store::FilingStore store;
    store::DraftStore drafts;
    store::ReviewStore reviews;
    script::TemplateRegistry templates;
    // The analysts' checks, run on the open filing after every edit (the default `checker`).
    std::unique_ptr<script::CheckEngine> checks;
    LiveChecker checker;
    // The other filings of the open filing's department and year, for department checks.
    std::vector<Filing> department;
    // Error and warning counts of every stored filing, for the list.
    ProblemCounter counts;
    // File > Import, running in the background.
    ImportJob import_job;
    // File > Report…, written in the background.
    ReportJob report_job;

    std::vector<store::FilingSummary> filings;
    // Moves whenever stored data changes (save, delete, import), so views can cache reads.
    std::uint64_t data_version = 0;
    std::unique_ptr<EditSession> session;
    std::vector<Problem> problems;
    // What the checks printed with check.log(...) in the last live run (the scripts panel).
    std::vector<script::LogLine> check_log;
    std::uint64_t checked_version = ~std::uint64_t{0};
    std::optional<std::chrono::system_clock::time_point> last_check;
    double last_check_ms = 0;

    // The reviewer's marks on the open filing (read when it opens and after every change).
    std::vector<store::ReviewNote> review_notes;
    std::vector<store::AcceptedWarning> accepted_marks;
    // The note on the filing (check and path empty) or on one finding; nullptr when none.
    const store::ReviewNote* note_on(const std::string& check, const std::string& path) const;
    // Each writes at once (a reviewer's mark is not an edit of the filing: no save, no undo),
    // refuses on a read-only database or an unsaved new filing (status_message says why), and
    // re-runs the live checks. An accepted warning holds for the value shown now.
    bool accept_warning(const Problem& p);
    bool unaccept_warning(const Problem& p);
    bool set_review_note(const std::string& check, const std::string& path, const std::string& text);

    // A problem the user clicked: the form scrolls to and focuses this path once.
    std::string focus_path;
    std::string status_message;

    PaneSizes panes;  // moved by the splitters between the panes
    bool frame_requested = false;  // a view needs one more frame (scrolling still settling)
    bool show_filings = true;
    bool show_problems = true;
    bool show_scripts = false;
    bool show_history = false;
    bool want_quit = false;       // the user asked to quit (menu or window close)
    bool quit_confirmed = false;  // nothing unsaved, or the user answered the question

    // Something that would drop unsaved edits (open another filing, new, quit) waits here
    // until the user answers "save changes?"; run_guarded() runs it at once when nothing is
    // unsaved.
    std::function<void()> pending_action;
    bool ask_save = false;
    void run_guarded(std::function<void()> action);
    // Drafts found at start-up (edits a crash left unsaved), offered back once.
    std::vector<store::DraftInfo> recovered_drafts;
    void restore_draft(std::int64_t draft_id);
    void discard_draft(std::int64_t draft_id);
    // Writes the open filing's unsaved edits as a draft every few seconds.
    void autosave(bool now = false);  // now: skip the few-seconds throttle (tests)
    void discard_edits();

    // A save refused because someone else's save changed the same cells since this filing was
    // opened (the conflict view shows it): per cell mine and theirs, and which to keep.
    struct SaveConflict {
        std::int64_t base = 0;  // the revision the edits started from
        std::int64_t head = 0;  // the revision the save met
        std::vector<store::ConflictCell> cells;  // cells of the form (not the store's own "m/" cells)
        std::vector<bool> keep_mine;             // one per cell
    };
    std::optional<SaveConflict> conflict;
    // Saves the open filing as the other save left it plus every edit made here, taking for
    // each conflicting cell the chosen side; a new conflict is shown again.
    bool resolve_conflict();
    // The open filing's workflow step (store/filing_status.h); on a shared store the server
    // decides whether this login may take it. A submission stores the live check results.
    void change_status(store::Status to, const std::string& reason = {});
    std::optional<store::Status> open_status() const;
    bool ask_return_reason = false;  // File > Return…: the reason dialog
    std::string return_reason;

    // Actions. Each reports failures in status_message and never throws.
    void refresh_list();
    void open_filing(std::int64_t id);
    bool save();
    void new_filing(const std::string& template_id);
    // Opens `filing` (id 0) as a new, unsaved filing of `spec` (next year's draft).
    void open_unsaved(Filing filing, std::shared_ptr<const FormSpec> spec);
    void duplicate_open();
    void delete_open();
    // A revision of another template version (from before an update) is restored as a saved
    // revision at once, and the filing reopened with that version's form.
    void restore_revision(std::int64_t revision_id);
    void undo();
    void redo();
    // Re-runs the live checks when the open filing changed since the last run.
    void recheck_if_changed();
    // Reloads templates whose files changed (called about once a second).
    void reload_templates();
    // Runs the engine's checks on a filing (the default checker).
    std::vector<Problem> run_checks(const Filing& filing);

    // Background work whose progress the views show (an import, the list's problem counts).
    bool background_busy() const;  // also when the desktop's file dialog has answered (app.cpp)
    // Changes whenever something the views show may have changed without input (a reload,
    // a check run, a job finishing, a message): the shell draws a frame when it moves.
    std::uint64_t view_stamp() const;

    // A read-only database (opened for viewing): says so in the status and returns true.
    bool refuse_if_read_only();
    // Template and check script files that have errors (shown on the main screen).
    std::size_t script_error_count() const;

    // Title and year of the open filing, as its template defines them.
    std::string title_of(const Filing& f, const FormSpec* spec) const;
    std::string year_of(const Filing& f, const FormSpec* spec) const;

private:
    std::chrono::steady_clock::time_point last_reload_{};
    std::chrono::steady_clock::time_point last_autosave_{};
    void load_review_marks(std::int64_t filing_id);
    bool refuse_review();
    std::int64_t marks_of_ = -1;         // the filing review_notes and accepted_marks belong to
    std::int64_t draft_id_ = 0;          // the open filing's draft, if written
    std::uint64_t drafted_version_ = 0;  // the session version that draft holds
};

}  // namespace formwork::ui
