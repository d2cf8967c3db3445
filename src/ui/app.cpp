// The shell's actions (see app.h).
#include "ui/app.h"

#include <set>

#include "core/cell_merge.h"
#include "core/filing_cells.h"

#include "core/filing_facts.h"
#include "store/store_queries.h"
#include "ui/desktop_chooser.h"
#include "ui/display_names.h"

#include <algorithm>
#include <exception>
#include <vector>

namespace formwork::ui {

namespace {

std::string describe_error(const std::exception& e, Lang lang) {
    if (auto* se = dynamic_cast<const store::StoreError*>(&e)) return store::describe(*se, lang);
    return e.what();
}

// A database the user may not write (a colleague's file, a read-only share) still opens, for
// viewing; every other refusal stands.
store::Database open_database(const std::string& path) {
    try {
        return store::Database::open(path, store::OpenMode::CreateOrOpen);
    } catch (const store::StoreError& e) {
        if (e.code() != store::StoreError::Code::ReadOnly) throw;
        return store::Database::open(path, store::OpenMode::ReadOnly);
    }
}

}  // namespace

App::App(const ShellOptions& options)
    : lang(options.lang), db(open_database(options.db_path)), store(db), drafts(db), reviews(db) {
    // Each App's versions apart from any earlier App's in this process, so that a view's cache
    // keyed on data_version never takes an earlier App's rows for this one's (tests make several).
    static std::uint64_t apps = 0;
    data_version = ++apps << 32;
    templates.refresh();
    try {
        recovered_drafts = drafts.list();
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
    }
    checks = std::make_unique<script::CheckEngine>(script::CheckEngine::lookup_in(templates));
    checks->refresh();
    checks->set_queries(store::query_factory(options.db_path));  // check.find and f:previous(), live
    checker = [this](const Filing& f, const FormSpec&) { return run_checks(f); };
    counts.start(options.db_path);
    last_reload_ = std::chrono::steady_clock::now();
    refresh_list();
}

std::string App::title_of(const Filing& f, const FormSpec* spec) const { return spec ? filing_title(f, *spec) : std::string(); }

std::string App::year_of(const Filing& f, const FormSpec* spec) const {
    const auto year = spec ? filing_year(f, *spec) : std::nullopt;
    return year ? std::to_string(*year) : std::string();
}

void App::refresh_list() {
    ++data_version;
    try {
        filings = store.list();
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
    }
}

void App::open_filing(std::int64_t id) {
    marks_of_ = -1;  // read the reviewer's marks again: another program may have changed them
    try {
        Filing f = store.load(id);
        // The description of the version it was filed with (templates/earlier/ keeps them).
        auto spec = templates.find(f.template_id, f.template_version);
        if (!spec) status_message = std::string(tr(Str::TemplateMissing)) + tr(Str::Colon) + f.template_id;
        // The other filings of its department and year, for department checks (rule 5).
        department.clear();
        const std::string key = checks->department_of(f);
        if (counts.ready()) {
            // The background pass knows every filing's department: load just those.
            for (std::int64_t id : counts.same_department(key, spec ? family_year(f, *spec) : std::string(), f.id))
                department.push_back(store.load(id));
        } else if (!key.empty()) {
            // Before that pass ends, look among the same year's filings, with a bound on the
            // loads so that opening stays quick on a large database.
            const std::string year = year_of(f, spec.get());
            int loads = 0;
            for (const auto& s : filings)
                if (s.id != f.id && s.year == year && ++loads <= 300) {
                    Filing other = store.load(s.id);
                    if (checks->department_of(other) == key) department.push_back(std::move(other));
                }
        }
        session = std::make_unique<EditSession>(std::move(f), spec);
        problems.clear();
        checked_version = ~std::uint64_t{0};
        focus_path.clear();
        draft_id_ = 0;
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
    }
}

bool App::background_busy() const {
    // The desktop's file dialog runs as a child process: its answer comes without input to
    // this window, so the shell draws until it has taken the answer (see desktop_chooser.h).
    return import_job.running() || report_job.running() || !counts.ready() || desktop_chooser_answered();
}

std::uint64_t App::view_stamp() const {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a over the numbers that tell a change
    auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ull; };
    mix(data_version);
    mix(session ? session->version() : 0);
    mix(checked_version);
    mix(problems.size());
    mix(std::hash<std::string>{}(status_message));
    mix(templates.entries().size());
    mix(templates.earlier().size());
    mix(checks ? checks->scripts().size() : 0);
    mix(script_error_count());
    mix(counts.ready());
    mix(import_job.running());
    mix(import_job.finished());
    mix(report_job.running());
    mix(report_job.finished());
    mix(recovered_drafts.size());
    return h;
}

bool App::refuse_if_read_only() {
    if (!db.read_only()) return false;
    status_message = tr(Str::ReadOnlyRefused);
    return true;
}

std::size_t App::script_error_count() const {
    std::size_t n = 0;
    for (const auto& t : templates.entries()) n += t.errors.empty() ? 0 : 1;
    for (const auto& t : templates.earlier()) n += t.errors.empty() ? 0 : 1;
    for (const auto& s : checks->scripts()) n += s.errors.empty() ? 0 : 1;
    return n;
}

bool App::save() {
    if (!session) return false;
    if (refuse_if_read_only()) return false;
    if (!session->dirty()) {
        status_message = tr(Str::NothingToSave);
        return true;
    }
    try {
        Filing f = session->filing();
        const FormSpec* spec = session->spec();
        const auto result = store.save(f, {title_of(f, spec), year_of(f, spec), tr(Str::EditedInShell)});
        // Merged over another save of other cells: the form shows both now.
        if (result.merged) session->replace_content(f);
        session->mark_saved(f.id);
        session->set_revision(f.revision);
        if (draft_id_) drafts.discard(draft_id_);
        draft_id_ = 0;
        status_message = std::string(tr(result.merged ? Str::ConflictMerged : Str::SavedRevision)) + " " +
                         std::to_string(result.revision);
        refresh_list();
        return true;
    } catch (const store::ConflictError& e) {
        SaveConflict c;
        c.base = e.base();
        c.head = e.head();
        for (const auto& cell : e.cells())
            if (!cell.path.starts_with("m/")) c.cells.push_back(cell);
        c.keep_mine.assign(c.cells.size(), true);
        conflict = std::move(c);
        status_message = describe_error(e, lang);
        // Only derived cells (the title a field gives) differ: nothing to choose.
        if (conflict->cells.empty()) return resolve_conflict();
        return false;
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
        return false;
    }
}

void App::new_filing(const std::string& template_id) {
    auto spec = templates.find(template_id);
    if (!spec) return;
    Filing f;
    f.template_id = spec->id;
    f.template_version = spec->version;
    session = std::make_unique<EditSession>(std::move(f), spec);
    session->ensure_fixed_rows();
    draft_id_ = 0;
    problems.clear();
    checked_version = ~std::uint64_t{0};
    status_message = std::string(tr(Str::NewFilingOf)) + tr(Str::Colon) + template_label(*spec, lang);
}

void App::open_unsaved(Filing filing, std::shared_ptr<const FormSpec> spec) {
    filing.id = 0;
    session = std::make_unique<EditSession>(std::move(filing), std::move(spec));
    session->ensure_fixed_rows();
    draft_id_ = 0;
    problems.clear();
    checked_version = ~std::uint64_t{0};
    focus_path.clear();
}

void App::duplicate_open() {
    if (!session) return;
    Filing copy = session->filing();
    copy.id = 0;
    if (const FormSpec* spec = session->spec(); spec && !spec->title_field.empty())
        copy.fields[spec->title_field] += tr(Str::DuplicateOf);
    auto spec = session->spec_ptr();
    session = std::make_unique<EditSession>(std::move(copy), spec);
    checked_version = ~std::uint64_t{0};
    draft_id_ = 0;
}

void App::delete_open() {
    if (!session || refuse_if_read_only()) return;
    try {
        if (session->filing().id != 0) store.remove(session->filing().id);
        discard_edits();
        session.reset();
        problems.clear();
        refresh_list();
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
    }
}

void App::restore_revision(std::int64_t revision_id) {
    if (!session || session->filing().id == 0) return;
    try {
        const std::int64_t id = session->filing().id;
        const Filing old = store.load_revision(id, revision_id);
        if (old.template_version != session->filing().template_version) {
            // Filed with another version of the template (before an update): the form changes
            // with it, and an undo could not bring the version back, so the restore is saved at
            // once as a revision of its own (restoring the newer revision goes forward again).
            if (session->dirty()) {
                status_message = tr(Str::RestoreOtherVersionUnsaved);
                return;
            }
            if (refuse_if_read_only()) return;
            store.restore(id, revision_id, std::string(tr(Str::RestoredRevision)) + " " + std::to_string(revision_id));
            refresh_list();
            open_filing(id);
        } else {
            session->replace_content(old);
        }
        status_message = std::string(tr(Str::RestoredRevision)) + " " + std::to_string(revision_id);
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
    }
}

void App::run_guarded(std::function<void()> action) {
    if (session && session->dirty()) {
        pending_action = std::move(action);
        ask_save = true;
    } else {
        action();
    }
}

void App::discard_edits() {
    try {
        if (draft_id_) drafts.discard(draft_id_);
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
    }
    draft_id_ = 0;
}

void App::autosave(bool now_please) {
    const auto now = std::chrono::steady_clock::now();
    if (!session || db.read_only() || !session->dirty() || session->version() == drafted_version_ ||
        (!now_please && now - last_autosave_ < std::chrono::seconds(3)))
        return;
    last_autosave_ = now;
    try {
        draft_id_ = drafts.save(session->filing(), title_of(session->filing(), session->spec()), draft_id_);
        drafted_version_ = session->version();
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
    }
}

void App::restore_draft(std::int64_t id) {
    try {
        Filing drafted = drafts.load(id);
        auto spec = templates.find(drafted.template_id, drafted.template_version);
        if (drafted.id != 0) {
            // Open the stored filing and apply the draft as an undoable edit on top of it.
            open_filing(drafted.id);
            if (session) {
                session->replace_content(drafted);
                // Based on what the draft was edited from, so that a save since is not overwritten.
                if (drafted.revision != 0) session->set_revision(drafted.revision);
            }
        } else {
            session = std::make_unique<EditSession>(std::move(drafted), spec);
            checked_version = ~std::uint64_t{0};
        }
        draft_id_ = id;
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
    }
    std::erase_if(recovered_drafts, [&](const store::DraftInfo& d) { return d.id == id; });
}

void App::discard_draft(std::int64_t id) {
    try {
        drafts.discard(id);
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
    }
    std::erase_if(recovered_drafts, [&](const store::DraftInfo& d) { return d.id == id; });
}

void App::undo() {
    if (session) session->undo();
}

void App::redo() {
    if (session) session->redo();
}

void App::recheck_if_changed() {
    if (!session || !checker || !session->spec() || session->version() == checked_version) return;
    const auto start = std::chrono::steady_clock::now();
    try {
        problems = checker(session->filing(), *session->spec());
    } catch (const std::exception& e) {
        problems = {{"error", "", "", e.what(), e.what()}};
    }
    last_check_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    last_check = std::chrono::system_clock::now();
    checked_version = session->version();
}

namespace {

// A run that ended insufficient_data, as a quiet entry of the problems panel. The engine's own
// reasons are shown in the UI language; a script's reason is what the script wrote.
Problem could_not_judge(const script::RunNote& n) {
    Problem p{"info", n.check, "", n.detail, n.detail, true};
    for (const auto& [reason, key] : {std::pair{script::kReasonManyFilings, Str::ReasonManyFilings},
                                      {script::kReasonNoDepartment, Str::ReasonNoDepartment},
                                      {script::kReasonNeedsDepartment, Str::ReasonNeedsDepartment}})
        if (n.detail == reason) {
            p.message_zh = ui::tr(key, Lang::Zh);
            p.message_en = ui::tr(key, Lang::En);
        }
    return p;
}

}  // namespace

std::vector<Problem> App::run_checks(const Filing& filing) {
    const script::CheckReport report = checks->check_filing(filing, department);
    check_log = report.log;
    if (filing.id != marks_of_) load_review_marks(filing.id);
    std::vector<Problem> out;
    FilingCounts tally;
    for (const auto& f : report.findings) {
        if (f.filing != filing.id) continue;  // a department check may speak of the other filings
        out.push_back({script::to_string(f.severity), f.check, f.path, f.message_zh, f.message_en});
        if (f.severity == script::Severity::Warning && filing.id != 0 && store::is_accepted(accepted_marks, filing, f.check, f.path)) {
            out.back().accepted = true;
            continue;
        }
        if (f.severity == script::Severity::Error) ++tally.errors;
        else if (f.severity == script::Severity::Warning) ++tally.warnings;
        else ++tally.infos;
    }
    for (const auto& n : report.notes) {
        if (n.outcome == script::Outcome::Insufficient && n.filing == filing.id)
            out.push_back(could_not_judge(n));
        else if (n.outcome == script::Outcome::ScriptError || n.outcome == script::Outcome::Stopped)
            out.push_back({"error", n.check, "", n.detail, n.detail});
        else if (n.outcome == script::Outcome::SwitchedOff)
            out.push_back({"error", n.check, "", ui::tr(Str::SwitchedOffNote, Lang::Zh), ui::tr(Str::SwitchedOffNote, Lang::En)});
    }
    // A check switched off earlier (its note came with the run that switched it off) stays
    // visible while it is off.
    for (const auto& id : checks->switched_off())
        if (std::none_of(out.begin(), out.end(), [&](const Problem& p) { return p.check == id && p.path.empty(); }))
            out.push_back({"error", id, "", ui::tr(Str::SwitchedOffNote, Lang::Zh), ui::tr(Str::SwitchedOffNote, Lang::En)});
    if (filing.id != 0) counts.set(filing.id, tally);
    return out;
}

void App::load_review_marks(std::int64_t filing_id) {
    marks_of_ = filing_id;
    review_notes.clear();
    accepted_marks.clear();
    if (filing_id == 0) return;
    try {
        review_notes = reviews.notes(filing_id);
        accepted_marks = reviews.accepted(filing_id);
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
    }
}

const store::ReviewNote* App::note_on(const std::string& check, const std::string& path) const {
    for (const auto& n : review_notes)
        if (n.check == check && n.path == path) return &n;
    return nullptr;
}

bool App::refuse_review() {
    if (!session) return true;
    if (refuse_if_read_only()) return true;
    if (session->filing().id == 0) {
        status_message = tr(Str::ReviewNeedsSave);
        return true;
    }
    return false;
}

bool App::accept_warning(const Problem& p) {
    if (p.severity != "warning" || refuse_review()) return false;
    try {
        reviews.accept(session->filing(), p.check, p.path);
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
        return false;
    }
    load_review_marks(session->filing().id);
    checked_version = ~std::uint64_t{0};
    status_message = tr(Str::WarningAccepted);
    return true;
}

bool App::unaccept_warning(const Problem& p) {
    if (refuse_review()) return false;
    try {
        reviews.unaccept(session->filing().id, p.check, p.path);
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
        return false;
    }
    load_review_marks(session->filing().id);
    checked_version = ~std::uint64_t{0};
    status_message = tr(Str::WarningUnaccepted);
    return true;
}

bool App::set_review_note(const std::string& check, const std::string& path, const std::string& text) {
    if (refuse_review()) return false;
    try {
        reviews.set_note(session->filing().id, check, path, text);
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
        return false;
    }
    load_review_marks(session->filing().id);
    ++data_version;
    status_message = tr(text.empty() ? Str::NoteRemoved : Str::NoteSaved);
    return true;
}

void App::reload_templates() {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_reload_ < std::chrono::seconds(1)) return;
    last_reload_ = now;
    const bool checks_changed = checks->refresh();
    if (checks_changed) checked_version = ~std::uint64_t{0};
    if (!templates.refresh() || !session) return;
    // The open filing follows its template's reloaded description (or loses it if it broke).
    auto spec = templates.find(session->filing().template_id, session->filing().template_version);
    if (spec.get() != session->spec()) session->set_spec(spec);
}

bool App::resolve_conflict() {
    if (!session || !conflict) return false;
    try {
        const Filing& mine = session->filing();
        const Filing base = store.load_revision(mine.id, conflict->base);
        const Filing theirs = store.load(mine.id);
        std::set<std::string> take_theirs;
        for (std::size_t i = 0; i < conflict->cells.size(); ++i)
            if (!conflict->keep_mine[i]) take_theirs.insert(conflict->cells[i].path);
        Filing merged = from_cells(merge_cells(to_cells(base), to_cells(mine), to_cells(theirs), take_theirs));
        conflict.reset();
        session->replace_content(merged);
        session->set_revision(theirs.revision);
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
        conflict.reset();
        return false;
    }
    return save();
}

std::optional<store::Status> App::open_status() const {
    if (!session || session->filing().id == 0) return std::nullopt;
    for (const auto& s : filings)
        if (s.id == session->filing().id) return store::parse_status(s.status).value_or(store::Status::Draft);
    return std::nullopt;
}

void App::change_status(store::Status to, const std::string& reason) {
    if (!session || session->filing().id == 0 || refuse_if_read_only()) return;
    try {
        std::string findings;
        if (to == store::Status::Submitted) {
            // The live checks' findings at submission, kept with the status change.
            std::string out = "[";
            for (const Problem& p : run_checks(session->filing())) {
                if (p.could_not_judge) continue;
                if (out.size() > 1) out += ",";
                out += "{\"severity\":\"" + p.severity + "\",\"check\":\"" + p.check + "\",\"path\":\"" + p.path + "\"}";
            }
            findings = out + "]";
        }
        store::StatusStore(db).change(session->filing().id, to, reason, findings);
        status_message = tr_with(Str::StatusChangedTo, lang, store::status_label(to, lang));
        refresh_list();
    } catch (const std::exception& e) {
        status_message = describe_error(e, lang);
    }
}

}  // namespace formwork::ui
