// Running checks: on one filing (live) and over a source of filings (batch), with every run's
// outcome counted (see check_engine.h).
#include "checks/check_engine.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/filing_facts.h"
#include "checks/check_engine_impl.h"

namespace formwork::script {

bool CheckHealth::off(const std::string& check) const {
    if (!any_off_.load(std::memory_order_acquire)) return false;
    std::lock_guard lock(mutex_);
    auto it = counts_.find(check);
    return it != counts_.end() && it->second.off;
}

CheckHealth::Verdict CheckHealth::record(const std::string& check, Outcome outcome, std::size_t findings) {
    const bool failed = outcome == Outcome::ScriptError || outcome == Outcome::Stopped;
    if (!failed && findings == 0) return off(check) ? Verdict::AlreadyOff : Verdict::Counted;
    std::lock_guard lock(mutex_);
    Count& c = counts_[check];
    if (c.off) return Verdict::AlreadyOff;
    if (failed) ++c.failures;
    c.findings += findings;
    c.off = c.failures >= kMaxFailures || c.findings > kMaxFindings;
    if (!c.off) return Verdict::Counted;
    any_off_.store(true, std::memory_order_release);
    return Verdict::SwitchedOff;
}

std::vector<std::string> CheckHealth::switched_off() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> ids;
    for (const auto& [id, c] : counts_)
        if (c.off) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

void CheckHealth::clear() {
    std::lock_guard lock(mutex_);
    counts_.clear();
    any_off_.store(false, std::memory_order_release);
}

void count_outcome(CheckReport& report, Outcome o) {
    ++report.summary.runs;
    ++report.summary.outcomes[static_cast<std::size_t>(o)];
}

void add_note(CheckReport& report, RunNote n, std::size_t max_notes) {
    std::size_t same = 0;
    for (const RunNote& x : report.notes)
        if (x.check == n.check && x.outcome == n.outcome) ++same;
    if (same < max_notes) report.notes.push_back(std::move(n));
}

namespace {

void count(CheckReport& report, Outcome o) { count_outcome(report, o); }

void note(CheckReport& report, const CheckSpec& check, const FilingView& subject, Outcome o, std::string detail,
          std::size_t max_notes) {
    add_note(report, {check.id, subject.filing().id, subject.title(), o, std::move(detail)}, max_notes);
}

}  // namespace

CheckEngine::CheckEngine(TemplateLookup templates, std::vector<CheckDir> dirs, HostOptions options)
    : impl_(std::make_unique<Impl>(std::move(templates), std::move(dirs), std::move(options))) {}

CheckEngine::~CheckEngine() = default;

void CheckEngine::Impl::reset_derived() {
    checks.clear();
    live_health->clear();
    for (int ref : spec_caches) release_ref(ref);
    spec_caches.assign(scripts.size(), 0);
    for (std::size_t i = 0; i < scripts.size(); ++i)
        for (const auto& c : scripts[i].checks) checks.push_back({c, i});
    slots.clear();
}

TemplateSlot* CheckEngine::Impl::slot(const std::string& template_id, int version) {
    std::shared_ptr<const FormSpec> spec = lookup ? lookup(template_id, version) : nullptr;
    const std::string key = template_id + "@" + std::to_string(version);
    auto it = slots.find(key);
    if (it != slots.end() && spec && it->second.spec == spec) return &it->second;
    // The template was reloaded or removed: scripts' f:spec() tables may describe the old one,
    // and they are keyed by the address of its SpecIndex. They are dropped once that index is
    // gone, so that no call in between can file the old address again.
    auto drop_spec_caches = [&] {
        for (int& ref : spec_caches) {
            release_ref(ref);
            ref = 0;
        }
    };
    const bool replaced = it != slots.end();
    if (!spec) {
        if (replaced) {
            slots.erase(it);
            drop_spec_caches();
        }
        return nullptr;
    }
    TemplateSlot s;
    s.spec = spec;
    s.index = std::make_unique<SpecIndex>(spec);
    for (const LoadedCheck& c : checks) {
        if (!c.spec->applies_to(spec->id)) continue;
        SlotCheck sc{&c, Outcome::Passed, {}};
        if (c.spec->applies.valid()) {
            const ScriptValue arg = detail::spec_to_value(*spec);
            auto said = host.call(c.spec->applies, std::span<const ScriptValue>(&arg, 1));
            if (!said) {
                sc.preset = Outcome::ScriptError;
                sc.detail = said.error().to_string();
            } else if (said.value().is_nil() || (said.value().is_boolean() && !said.value().as_boolean())) {
                sc.preset = Outcome::NotApplicable;
            }
        }
        (c.spec->scope == CheckScope::Filing ? s.filing_checks : s.group_checks).push_back(std::move(sc));
    }
    TemplateSlot* made = &(slots[key] = std::move(s));
    if (replaced) drop_spec_caches();
    return made;
}

std::string CheckEngine::Impl::department_key(const Filing& filing, SpecIndex& index) const {
    std::string name;
    if (!index.department_field().empty()) name = normalize_category(filing.field(index.department_field()));
    if (name.empty()) return {};
    const auto year = filing_year(filing, index.spec());
    return name + "|" + (year ? std::to_string(*year) : std::string("?"));
}

std::string CheckEngine::Impl::fallback_key(const Filing& filing, SpecIndex& index) const {
    if (index.department_fallback().empty()) return {};
    const auto year = filing_year(filing, index.spec());
    std::string key = index.spec().family + "|" + (year ? std::to_string(*year) : std::string("?"));
    for (const std::string& field : index.department_fallback()) {
        const std::string value = normalize_category(filing.field(field));
        if (value.empty()) return {};
        key += "|" + value;
    }
    return key;
}

std::vector<std::string> assign_groups(const std::vector<GroupInput>& inputs) {
    std::map<std::string, std::set<std::string>> named;  // fallback key → departments named with it
    for (const GroupInput& g : inputs)
        if (!g.department.empty() && !g.fallback.empty()) named[g.fallback].insert(g.department);
    std::vector<std::string> out;
    out.reserve(inputs.size());
    for (const GroupInput& g : inputs) {
        if (!g.department.empty()) {
            out.push_back(g.department);
            continue;
        }
        auto it = g.fallback.empty() ? named.end() : named.find(g.fallback);
        out.push_back(it != named.end() && it->second.size() == 1 ? *it->second.begin() : std::string());
    }
    return out;
}

std::vector<std::string> CheckEngine::switched_off() const { return impl_->live_health->switched_off(); }

void CheckEngine::set_queries(QueryFactory factory) {
    impl_->query_factory = std::move(factory);
    impl_->queries.reset();
    impl_->queries_opened = false;
}

std::string CheckEngine::department_of(const Filing& filing) {
    TemplateSlot* s = impl_->slot(filing);
    return s ? impl_->department_key(filing, *s->index) : std::string();
}

Outcome CheckEngine::Impl::run(const LoadedCheck& c, std::span<FilingView* const> views, bool as_group,
                               CheckReport& report, std::size_t max_notes) {
    const CheckSpec& check = *c.spec;
    if (health->off(check.id)) {
        count(report, Outcome::SwitchedOff);
        return Outcome::SwitchedOff;
    }
    detail::RunState& state = run_state;
    state.check = &check;
    state.findings = &report.findings;
    state.log = &report.log;
    state.logged = 0;
    state.first_finding = report.findings.size();
    state.spec_cache = &spec_caches[c.script];
    state.declared = Outcome::Passed;
    state.reason.clear();
    const std::size_t before = report.findings.size();
    const std::size_t log_before = report.log.size();

    ensure_boxes(views.size());
    for (std::size_t i = 0; i < views.size(); ++i) boxes[i]->view = views[i];
    std::optional<ScriptError> error = call_run(check, views.size(), as_group);
    for (std::size_t i = 0; i < views.size(); ++i) boxes[i]->view = nullptr;
    state.check = nullptr;
    state.findings = nullptr;
    state.log = nullptr;
    state.spec_cache = nullptr;

    const FilingView& subject = *views.front();
    for (std::size_t i = log_before; i < report.log.size(); ++i) report.log[i].filing = subject.filing().id;
    Outcome outcome = state.declared;
    if (error) {
        // A run that failed half-way judged nothing: its findings so far are dropped.
        report.findings.resize(before);
        outcome = is_stop(error->kind) ? Outcome::Stopped : Outcome::ScriptError;
    } else if (report.findings.size() > before) {
        outcome = Outcome::Failed;
    }
    const CheckHealth::Verdict verdict = health->record(check.id, outcome, report.findings.size() - before);
    if (verdict == CheckHealth::Verdict::AlreadyOff) {
        // Another worker switched the check off while this run was under way: on one thread
        // this run would not have happened, so it counts as not run and leaves nothing.
        report.findings.resize(before);
        report.log.resize(log_before);
        count(report, Outcome::SwitchedOff);
        return Outcome::SwitchedOff;
    }
    if (error) {
        note(report, check, subject, outcome, error->to_string(), max_notes);
    } else if (outcome == Outcome::Failed) {
        for (std::size_t i = before; i < report.findings.size(); ++i)
            ++report.summary.severities[static_cast<std::size_t>(report.findings[i].severity)];
    } else if (outcome == Outcome::Insufficient) {
        note(report, check, subject, outcome, state.reason, max_notes);
    }
    count(report, outcome);
    if (verdict == CheckHealth::Verdict::SwitchedOff) {
        const bool too_many = outcome != Outcome::ScriptError && outcome != Outcome::Stopped;
        note(report, check, subject, Outcome::SwitchedOff,
             too_many ? "switched off for the rest of this run: more than " + std::to_string(CheckHealth::kMaxFindings) +
                            " findings"
                      : "switched off for the rest of this run: it ended in a script error or a stop on " +
                            std::to_string(CheckHealth::kMaxFailures) + " filings",
             max_notes);
    }
    return outcome;
}

Outcome CheckEngine::Impl::run_filing_check(const SlotCheck& c, FilingView& view, CheckReport& report,
                                            std::size_t max_notes) {
    if (c.preset == Outcome::Passed) {
        FilingView* one[] = {&view};
        return run(*c.check, one, false, report, max_notes);
    }
    if (c.preset == Outcome::ScriptError) note(report, *c.check->spec, view, c.preset, c.detail, max_notes);
    count(report, c.preset);
    return c.preset;
}

CheckReport CheckEngine::check_filing(const Filing& filing, std::span<const Filing> department) {
    Impl& m = *impl_;
    struct Retire {
        Impl& m;
        ~Retire() { m.retire_boxes(); }
    } retire{m};
    CheckReport report;
    report.summary.checks = m.checks.size();
    TemplateSlot* slot = m.slot(filing);
    if (!slot) {
        report.problems.push_back("filing " + std::to_string(filing.id) + ": unknown template \"" + filing.template_id + "\"");
        ++report.summary.skipped_filings;
        return report;
    }
    // Department groups first, so that every view knows its department.
    std::vector<GroupInput> inputs{{m.department_key(filing, *slot->index), m.fallback_key(filing, *slot->index)}};
    std::vector<const Filing*> others;
    for (const Filing& other : department) {
        if (other.id != 0 && other.id == filing.id) continue;
        TemplateSlot* s = m.slot(other);
        if (!s) continue;
        others.push_back(&other);
        inputs.push_back({m.department_key(other, *s->index), m.fallback_key(other, *s->index)});
    }
    const std::vector<std::string> groups = assign_groups(inputs);
    const std::string& group = groups[0];

    FilingView view(filing, *slot->index, group);
    ++report.summary.filings;
    for (const SlotCheck& c : slot->filing_checks) m.run_filing_check(c, view, report, 20);

    // Each department check the group's templates take: run (some template applies) or not.
    std::map<const LoadedCheck*, bool> wanted;
    auto take = [&](const TemplateSlot& s) {
        for (const SlotCheck& d : s.group_checks) wanted[d.check] = wanted[d.check] || d.preset == Outcome::Passed;
    };
    take(*slot);
    std::vector<std::unique_ptr<FilingView>> members;
    for (std::size_t i = 0; i < others.size(); ++i) {
        if (group.empty() || groups[i + 1] != group) continue;
        TemplateSlot* s = m.slot(*others[i]);
        members.push_back(std::make_unique<FilingView>(*others[i], *s->index, group));
        take(*s);
    }
    if (wanted.empty()) return report;
    std::vector<FilingView*> views{&view};
    for (auto& g : members) views.push_back(g.get());
    for (const LoadedCheck& c : m.checks) {
        auto w = wanted.find(&c);
        if (w == wanted.end()) continue;
        if (!w->second) {
            count(report, Outcome::NotApplicable);
            continue;
        }
        if (c.spec->scope != CheckScope::Department) {
            // A year, every filing, or a script's own groups: a batch reads those
            // (formwork check), not one filing's edit.
            note(report, *c.spec, view, Outcome::Insufficient, kReasonManyFilings, 20);
            count(report, Outcome::Insufficient);
            continue;
        }
        if (group.empty() || department.empty()) {
            note(report, *c.spec, view, Outcome::Insufficient,
                 group.empty() ? kReasonNoDepartment : kReasonNeedsDepartment, 20);
            count(report, Outcome::Insufficient);
            continue;
        }
        m.run(c, views, true, report, 20);
    }
    return report;
}

}  // namespace formwork::script
