// The check engine: loads the analysts' check scripts (scripts/checks/*.lua and the user's
// folder), runs them on one filing as it is edited (the shell) or on every stored filing (the
// CLI), and runs the example cases each check declares (formwork test-checks).
//
//   CheckEngine engine(CheckEngine::lookup_in(registry));
//   engine.refresh();                                   // load / reload the scripts
//   CheckReport live = engine.check_filing(filing);     // after each edit
//   StoreSource source(store);                          // any FilingSource
//   CheckReport all = engine.check_all(source);         // batch
//
// Every run of a check on a filing (or on a department's filings) ends as one outcome of
// check_types.h, counted in the report's summary. A script error or a stop is counted and
// noted with file:line, and the other checks go on; a check that fails so on 3 filings (or
// reports more than 200,000 findings) is switched off for the rest of the batch, and in live
// use until its script is reloaded (outcome switched_off, one note saying so).
//
// One engine owns one Lua state: use it from one thread at a time. A batch can use more
// cores through BatchOptions::jobs (helper engines on worker threads); the TemplateLookup must
// then be safe to call from several threads at once (TemplateRegistry::find is, between
// refreshes).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"
#include "checks/check_types.h"
#include "core/filing_queries.h"
#include "lua/script_host.h"

namespace formwork::script {

class TemplateRegistry;

struct CheckDir {
    std::filesystem::path path;
    std::string origin;  // "shipped" or "user"
};

// The shipped folder (checks/ of script::shipped_scripts_dir(): installed or in the build tree)
// and the user's ($XDG_DATA_HOME or ~/.local/share)/formwork/checks.
std::vector<CheckDir> default_check_dirs();

struct CheckScriptEntry {
    std::string file;    // as shown to users
    std::string origin;  // "shipped", "user", or "" for a file given directly
    // A file with mistakes gives no checks; a check whose id another file already declared is
    // left out of `checks` alone, with an error naming the other file.
    std::vector<std::shared_ptr<const CheckSpec>> checks;  // the usable ones
    std::vector<std::string> errors;                        // "file:line: path: message"
    std::vector<std::shared_ptr<const CheckSpec>> loaded;  // as read from the file
    std::vector<std::string> load_errors;
    std::filesystem::file_time_type mtime{};
    std::uintmax_t size = 0;

    bool ok() const { return errors.empty(); }
};

// Loads one file or source text as a check script (lint, tests); never throws for a bad script.
CheckScriptEntry load_check_file(ScriptHost& host, const std::filesystem::path& path, const std::string& shown_as);
CheckScriptEntry load_check_source(ScriptHost& host, const std::string& shown_as, const std::string& source);

// What a script file returns: a check script (check.script{}), a template (form.template{}),
// or something else. Lint uses it to pick the reader.
enum class ScriptKind { Check, Template, Unknown };
ScriptKind script_kind(const ScriptValue& returned);

struct CheckSummary {
    std::size_t filings = 0;          // filings checked
    std::size_t skipped_filings = 0;  // filings whose template is unknown (see problems)
    std::size_t checks = 0;           // checks loaded
    std::size_t runs = 0;
    std::array<std::size_t, kOutcomeCount> outcomes{};  // by Outcome
    std::array<std::size_t, 3> severities{};             // findings by Severity
};

struct CheckReport {
    std::vector<Finding> findings;  // by filing, then in the order the checks reported them
    // Runs that ended insufficient_data, script_error or stopped, with the reason; at most
    // `max_notes` per check and outcome (the summary counts all).
    std::vector<RunNote> notes;
    std::vector<std::string> problems;  // filings that could not be checked, and why
    std::vector<LogLine> log;           // check.log(...) lines, in order (at most 200 per run)
    CheckSummary summary;

    bool has_errors() const { return summary.severities[0] > 0; }
};

// Where a batch reads filings from; the CLI adapts store::FilingStore. for_each visits every
// filing once (in any order); load gives one again by id (for department checks, after the
// pass).
class FilingSource {
public:
    virtual ~FilingSource() = default;
    virtual void for_each(const std::function<void(const Filing&)>& visit) = 0;
    virtual Filing load(std::int64_t id) = 0;
    // for_each handing each filing over to keep (a batch on worker threads queues them): a
    // source that can give up its filings overrides this and saves the copy made here.
    virtual void take_each(const std::function<void(Filing&&)>& visit) {
        for_each([&](const Filing& f) { visit(Filing(f)); });
    }
    // A filing read but perhaps not yet rebuilt: calling it rebuilds it (on the worker thread
    // that checks it; any thread) or gives nullopt when it turns out damaged and the source has
    // noted so. A source whose rebuilding is costly overrides take_each_deferred.
    using Deferred = std::function<std::optional<Filing>()>;
    virtual void take_each_deferred(const std::function<void(Deferred&&)>& visit) {
        take_each([&](Filing&& f) {
            visit([held = std::make_shared<Filing>(std::move(f))]() -> std::optional<Filing> { return std::move(*held); });
        });
    }
};

struct BatchOptions {
    std::optional<std::int64_t> filing;       // only this filing (department checks still read its department)
    std::optional<std::string> template_id;   // only filings of this template
    std::optional<int> year;                  // only filings of this budget year
    std::vector<std::string> checks;          // only these checks (by id); empty: all
    std::size_t max_notes = 20;
    // Worker threads for the filing checks, each with its own engine (and Lua state) loaded
    // from the same folders; the source is still read on the calling thread, and department
    // checks run there after the pass. 1: everything on the calling thread. The report is the
    // same either way (findings in filing order), except which runs are kept as notes.
    unsigned jobs = 1;
    // The one language the findings will be read in (the CLI's output): the other message
    // is then not kept, and Finding::message must be asked in this language. Unset: both.
    std::optional<Lang> message_lang;
};

// The result of one example case of one check.
struct CaseResult {
    std::string check;
    std::string name;
    std::string file;
    int line = 0;
    bool passed = false;
    std::vector<std::string> problems;  // what differed from the expectation, one line each
    std::vector<std::string> log;       // what the check printed with check.log(...)
};

class CheckEngine {
public:
    // The description of template `id` at `version` (a filing's template_version; 0: the
    // current one), so that a filing is checked under the version it was filed with.
    using TemplateLookup = std::function<std::shared_ptr<const FormSpec>(const std::string& id, int version)>;

    explicit CheckEngine(TemplateLookup templates, std::vector<CheckDir> dirs = default_check_dirs(),
                         HostOptions options = {});
    ~CheckEngine();
    CheckEngine(const CheckEngine&) = delete;
    CheckEngine& operator=(const CheckEngine&) = delete;

    // A lookup over a registry that must outlive the engine.
    static TemplateLookup lookup_in(const TemplateRegistry& registry);

    // Loads new and changed scripts and forgets removed ones; true when anything changed.
    // Two checks with the same id: the first (shipped before user, then by file name) wins,
    // the other's script entry carries an error.
    bool refresh();
    const std::vector<CheckScriptEntry>& scripts() const;
    std::vector<std::shared_ptr<const CheckSpec>> checks() const;  // sorted by id

    // Live: the checks that apply to one filing. `department` may hold the other filings of
    // its department and year (from the store, say); without them department checks end as
    // insufficient_data. Findings may concern those other filings too.
    CheckReport check_filing(const Filing& filing, std::span<const Filing> department = {});
    // Checks that live runs have switched off (see above), by id; empty after a reload.
    std::vector<std::string> switched_off() const;

    // Batch: every filing of the source (filtered by `options`).
    CheckReport check_all(FilingSource& source, const BatchOptions& options = {});

    // Where check.find and f:previous() read other filings from (filing_queries.h): opened on
    // this engine's thread at the first query; the batch's helper engines open their own.
    // Without it, those calls are script errors.
    void set_queries(QueryFactory factory);

    // Runs every example case of every loaded check (or of the one with `check_id`).
    std::vector<CaseResult> run_cases(const std::string& check_id = {});

    // The key department checks group filings by: the department as filed (spaces and
    // full-width forms folded) and the budget year; "" when the filing names no department.
    std::string department_of(const Filing& filing);

    // Opaque; defined in check_engine_impl.h (internal to the script layer).
    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace formwork::script
