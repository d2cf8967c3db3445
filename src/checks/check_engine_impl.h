// Internal to the script layer (src/lua, src/templates, src/checks): the state behind a CheckEngine, shared by its implementation files
// (check_engine.cpp runs checks, check_loading.cpp loads scripts, check_cases.cpp runs the
// example cases, check_calls.cpp enters Lua).
#pragma once

#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/check_engine.h"
#include "checks/check_lua.h"
#include "core/filing_queries.h"
#include "checks/check_data.h"
#include "checks/filing_view.h"
#include "lua/script_files.h"
#include "checks/spec_index.h"

namespace formwork::script {

// How filings are grouped for department checks: by the department they name, and a filing
// whose department is blank joins the one department that the filings sharing its fallback
// key name (see SpecIndex::department_fallback). Gives one group key per input ("" when the
// filing belongs to no group).
struct GroupInput {
    std::string department;  // department key, "" when blank
    std::string fallback;    // fallback key, "" when none
};
std::vector<std::string> assign_groups(const std::vector<GroupInput>& inputs);

// Counting a run's outcome, and keeping at most `max_notes` notes per check and outcome.
void count_outcome(CheckReport& report, Outcome o);
void add_note(CheckReport& report, RunNote note, std::size_t max_notes);

// What a batch's first pass keeps of each filing for the department pass.
struct BatchMember {
    std::int64_t id = 0;
    std::string template_id;
    int template_version = 0;
    std::string title;
    bool selected = false;
    bool wants_group = false;  // its template has a group check that may run
    GroupInput group;          // what its department key comes from
    std::optional<int> year;
    std::vector<std::pair<std::string, std::string>> custom_keys;  // check id → what its group(f) gave
};

// Which checks have failed how often, shared by the engines of one batch (the caller's and its
// helpers on worker threads) or kept by one engine across live runs: a check that ends in a
// script error or a stop on `kMaxFailures` filings, or reports more than `kMaxFindings`
// findings in one batch, is switched off for the rest of the batch (live: until its script
// is reloaded), so a broken rule cannot cost 200 ms on each of 20,000 filings.
class CheckHealth {
public:
    static constexpr int kMaxFailures = 3;
    static constexpr std::size_t kMaxFindings = 200000;

    bool off(const std::string& check) const;
    // After a run: Counted; SwitchedOff when this run switched the check off (the caller
    // notes it once); AlreadyOff when another worker switched it off while this run was under
    // way (the run then counts as not run, as it would on one thread).
    enum class Verdict { Counted, SwitchedOff, AlreadyOff };
    Verdict record(const std::string& check, Outcome outcome, std::size_t findings);
    std::vector<std::string> switched_off() const;
    void clear();

private:
    struct Count {
        int failures = 0;
        std::size_t findings = 0;
        bool off = false;
    };
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Count> counts_;
    // Whether any check is off: asked before every run by every worker, so the usual answer
    // (none) is given without taking the lock.
    std::atomic<bool> any_off_{false};
};

struct LoadedCheck {
    std::shared_ptr<const CheckSpec> spec;
    std::size_t script = 0;  // index into Impl::scripts (for the script's f:spec() cache)
};

// A filing check as it stands for one template: run it, or count an outcome decided once
// for the whole template (its `applies` said no, or failed).
struct SlotCheck {
    const LoadedCheck* check = nullptr;
    Outcome preset = Outcome::Passed;  // Passed: run it; NotApplicable or ScriptError: count that
    std::string detail;                // the ScriptError, as file:line: message
};

// A template as the engine uses it: its index and the checks that apply to it.
struct TemplateSlot {
    std::shared_ptr<const FormSpec> spec;
    std::unique_ptr<SpecIndex> index;
    std::vector<SlotCheck> filing_checks;
    std::vector<SlotCheck> group_checks;  // scopes department, year, all, group

    const SlotCheck* group_check(const LoadedCheck* c) const {
        for (const SlotCheck& d : group_checks)
            if (d.check == c) return &d;
        return nullptr;
    }
};

struct CheckEngine::Impl final : detail::QueryHost {
    TemplateLookup lookup;
    std::vector<CheckDir> dirs;
    ScriptHost host;
    std::vector<CheckScriptEntry> scripts;
    std::vector<LoadedCheck> checks;
    std::vector<int> spec_caches;  // per script: registry ref of its f:spec() cache, 0 = none
    std::unordered_map<std::string, TemplateSlot> slots;
    // Filing userdata kept in the registry: reused by the checks of one filing (or group), and
    // retired after it (retire_boxes), so a Filing a script kept from an earlier run refuses
    // to be used instead of silently reading whatever filing the box shows now.
    std::vector<detail::ViewBox*> boxes;
    std::vector<int> box_refs;
    // Failures per check: `live_health` for check_filing (cleared when scripts reload), a fresh
    // one per batch shared with the helpers; `health` is the one in use.
    std::shared_ptr<CheckHealth> live_health = std::make_shared<CheckHealth>();
    std::shared_ptr<CheckHealth> health = live_health;
    // Queries (check.find, f:previous()): opened with `query_factory` at the first query; the
    // filings they load live until the filing's checks are done (retire_boxes).
    QueryFactory query_factory;
    std::unique_ptr<FilingQueries> queries;
    bool queries_opened = false;
    std::deque<Filing> found;
    std::vector<std::unique_ptr<FilingView>> found_views;
    std::map<std::int64_t, FilingView*> found_by_id;
    std::vector<detail::ViewBox*> found_boxes;  // their userdata, kept in the registry like `boxes`
    std::vector<int> found_refs;
    // The headers by year and by year and normalized title, so that f:previous() looks at the
    // candidates of the year before only (a scan of every header per filing made a batch of
    // 100,000 filings quadratic). Rebuilt when the headers are read anew.
    struct HeaderIndex {
        std::uint64_t of = 0;  // FilingQueries::serial()
        std::uint64_t generation = 0;
        std::unordered_map<int, std::vector<std::size_t>> by_year;
        // By a hash of the year and the normalized title (not the text: three engines of a
        // batch each keep one index of every stored filing); candidates' titles are compared again.
        std::unordered_map<std::size_t, std::vector<std::size_t>> by_year_title;
    };
    HeaderIndex header_index;
    // During a batch on several threads, one list of headers and one index for all engines:
    // each engine asks its own store, but only the first to ask reads the headers (every
    // engine keeping its own copy of 100,000 headers and their index cost ~35 MB). Set by
    // check_all on the engine and its helpers for the length of the pass.
    struct SharedHeaders {
        std::once_flag once;
        std::atomic<bool> ready{false};  // set by the build: later calls skip the once and its timing
        std::vector<FilingHeader> heads;
        HeaderIndex index;
    };
    std::shared_ptr<SharedHeaders> batch_headers;
    struct Headers {
        const std::vector<FilingHeader>& heads;
        const HeaderIndex& index;
    };
    // The headers and their index: the batch's shared ones, or this engine's (read anew when
    // the store changed).
    Headers indexed_headers(FilingQueries& source);

    // check_queries.cpp
    int find(lua_State* L, const detail::FindQuery& q) override;
    int previous(lua_State* L, FilingView& of) override;
    FilingQueries* open_queries(lua_State* L, const char* who);
    FilingView* found_view(lua_State* L, std::int64_t id);  // loads and keeps it; nullptr when unreadable
    void push_found(lua_State* L, FilingView& view);

    // check.data's parsed files (check_data.h), registered with the host.
    DataCache data{script_dirs("data"), {}};

    // The run in progress, registered with the host once (a context set per run would cost
    // a hash-map insert and erase each time); `check` is null between runs.
    detail::RunState run_state;

    Impl(TemplateLookup l, std::vector<CheckDir> d, HostOptions o)
        : lookup(std::move(l)), dirs(std::move(d)), host(std::move(o)) {
        host.set_context<detail::RunState>(&run_state);
        host.set_context<DataCache>(&data);
        run_state.queries = this;
    }

    // check_engine.cpp
    // The template slot of a version (0: the current one); nullptr for an unknown template.
    TemplateSlot* slot(const std::string& template_id, int version);
    TemplateSlot* slot(const Filing& filing) { return slot(filing.template_id, filing.template_version); }
    void reset_derived();  // after scripts or templates change: checks, slots, caches
    std::string department_key(const Filing& filing, SpecIndex& index) const;
    // "family|year|values" of the template's department_fallback fields; "" when it has none
    // or one is blank.
    std::string fallback_key(const Filing& filing, SpecIndex& index) const;
    // Runs one check on one filing (views.size() == 1, as_group false) or on a department's
    // filings (as_group true); records findings, outcome and note in `report`.
    Outcome run(const LoadedCheck& check, std::span<FilingView* const> views, bool as_group, CheckReport& report,
                std::size_t max_notes);
    // A filing check on one filing: runs it, or counts the outcome its template decided.
    Outcome run_filing_check(const SlotCheck& check, FilingView& view, CheckReport& report, std::size_t max_notes);

    // check_batch.cpp: the first pass of a batch for one filing (filing checks, and what the
    // department pass needs), and the department pass.
    void batch_filing(const Filing& filing, const BatchOptions& options, bool keep_members, CheckReport& report,
                      std::vector<BatchMember>& members);
    void group_pass(FilingSource& source, const BatchOptions& options, std::vector<BatchMember>& members,
                    CheckReport& report);
    // Helper engines for BatchOptions::jobs > 1, one per worker thread, kept between batches.
    std::vector<std::unique_ptr<CheckEngine>> helpers;

    // check_calls.cpp: entering Lua
    void ensure_boxes(std::size_t count);
    void retire_boxes();
    // Calls the check's run function with the bound views; a failure as a ScriptError.
    std::optional<ScriptError> call_run(const CheckSpec& check, std::size_t views, bool as_group);
    // Calls a scope-group check's group(f) on one filing: its key ("" for nil).
    std::optional<ScriptError> call_group(const CheckSpec& check, FilingView& view, std::string& key);
    void release_ref(int ref);
};

}  // namespace formwork::script
