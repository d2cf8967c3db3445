// Batch checks over a FilingSource (see check_engine.h): a first pass runs the filing checks
// of every filing — on the calling thread, or on `jobs` worker threads each with a helper
// engine while the calling thread reads the source — and remembers what department grouping
// needs; a second pass runs the department checks once per department and year.
#include <algorithm>
#include <cstdint>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "checks/check_engine_impl.h"
#include "core/filing_facts.h"

namespace formwork::script {

namespace {

// Whether the batch runs this check (BatchOptions::checks).
bool chosen(const BatchOptions& options, const LoadedCheck& c) {
    return options.checks.empty() || std::find(options.checks.begin(), options.checks.end(), c.spec->id) != options.checks.end();
}


// Filings handed from the reading thread to the workers in chunks of kChunk, at most
// `capacity` chunks at a time: one lock and one wake-up per chunk, not per filing (per filing,
// the wake-ups cost more than a cheap check). The workers rebuild them (FilingSource::Deferred),
// so the maps of a filing are built and freed on the thread that checks it.
constexpr std::size_t kChunk = 32;

class FilingQueue {
public:
    explicit FilingQueue(std::size_t capacity) : capacity_(capacity) {}

    void push(std::vector<FilingSource::Deferred> chunk) {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] { return queue_.size() < capacity_ || closed_; });
        if (closed_) return;
        queue_.push_back(std::move(chunk));
        not_empty_.notify_one();
    }
    bool pop(std::vector<FilingSource::Deferred>& out) {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [&] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return false;
        out = std::move(queue_.front());
        queue_.pop_front();
        not_full_.notify_one();
        return true;
    }
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        not_empty_.notify_all();
        not_full_.notify_all();
    }

private:
    std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable not_empty_, not_full_;
    std::deque<std::vector<FilingSource::Deferred>> queue_;
    bool closed_ = false;
};

// Findings in filing order, those of one filing in the order they came (a stable sort). The
// order is worked out on indices and the findings then moved along its cycles, in place: a
// stable sort of the findings themselves takes a buffer of half of them (tens of megabytes
// for a province). The workers' findings come in runs of a chunk each; filing ids are dense,
// so the order is a counting sort by id (linear), and a comparison sort only when they are not.
void sort_by_filing(std::vector<Finding>& findings) {
    auto by_filing = [&](const Finding& a, const Finding& b) { return a.filing < b.filing; };
    if (std::is_sorted(findings.begin(), findings.end(), by_filing)) return;
    if (findings.size() > UINT32_MAX) {
        std::stable_sort(findings.begin(), findings.end(), by_filing);
        return;
    }
    std::vector<std::uint32_t> order(findings.size());
    const auto [lo, hi] = std::minmax_element(findings.begin(), findings.end(), by_filing);
    const auto span = static_cast<std::uint64_t>(hi->filing) - static_cast<std::uint64_t>(lo->filing);
    if (span < 4 * static_cast<std::uint64_t>(findings.size()) + 1024) {
        const std::int64_t base = lo->filing;
        std::vector<std::uint32_t> next(span + 2, 0);  // next[id - base]: where its next finding goes
        for (const Finding& f : findings) ++next[static_cast<std::size_t>(f.filing - base) + 1];
        for (std::size_t k = 1; k < next.size(); ++k) next[k] += next[k - 1];
        for (std::size_t i = 0; i < findings.size(); ++i)
            order[next[static_cast<std::size_t>(findings[i].filing - base)]++] = static_cast<std::uint32_t>(i);
    } else {
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return findings[a].filing != findings[b].filing ? findings[a].filing < findings[b].filing : a < b;
        });
    }
    // Position i takes the finding at order[i]; each cycle is walked once, marked done by
    // pointing its entries at themselves.
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (order[start] == start) continue;
        Finding held = std::move(findings[start]);
        std::size_t at = start;
        while (order[at] != start) {
            const std::size_t from = order[at];
            findings[at] = std::move(findings[from]);
            order[at] = static_cast<std::uint32_t>(at);
            at = from;
        }
        findings[at] = std::move(held);
        order[at] = static_cast<std::uint32_t>(at);
    }
}

void merge(CheckReport& into, CheckReport&& from, std::size_t max_notes) {
    into.findings.insert(into.findings.end(), std::make_move_iterator(from.findings.begin()),
                         std::make_move_iterator(from.findings.end()));
    for (RunNote& n : from.notes) add_note(into, std::move(n), max_notes);
    into.problems.insert(into.problems.end(), from.problems.begin(), from.problems.end());
    into.log.insert(into.log.end(), std::make_move_iterator(from.log.begin()), std::make_move_iterator(from.log.end()));
    auto& s = into.summary;
    s.filings += from.summary.filings;
    s.skipped_filings += from.summary.skipped_filings;
    s.runs += from.summary.runs;
    for (std::size_t i = 0; i < kOutcomeCount; ++i) s.outcomes[i] += from.summary.outcomes[i];
    for (std::size_t i = 0; i < s.severities.size(); ++i) s.severities[i] += from.summary.severities[i];
}

}  // namespace

void CheckEngine::Impl::batch_filing(const Filing& filing, const BatchOptions& options, bool keep_members,
                                     CheckReport& report, std::vector<BatchMember>& members) {
    const bool selected = (!options.filing || *options.filing == filing.id) &&
                          (!options.template_id || *options.template_id == filing.template_id) &&
                          (!options.year || [&] {
                              const TemplateSlot* t = slot(filing);
                              return t && filing_year(filing, *t->spec) == *options.year;
                          }());
    if (!selected && !keep_members) return;
    TemplateSlot* s = slot(filing);
    if (!s) {
        if (selected) {
            report.problems.push_back("filing " + std::to_string(filing.id) + ": unknown template \"" + filing.template_id + "\"");
            ++report.summary.skipped_filings;
        }
        return;
    }
    const std::string key = department_key(filing, *s->index);
    FilingView view(filing, *s->index, key);
    if (keep_members) {
        BatchMember m;
        m.id = filing.id;
        m.template_id = filing.template_id;
        m.template_version = filing.template_version;
        m.title = view.title();
        m.selected = selected;
        m.wants_group = std::any_of(s->group_checks.begin(), s->group_checks.end(),
                                    [](const SlotCheck& d) { return d.preset == Outcome::Passed; });
        m.group = {key, fallback_key(filing, *s->index)};
        m.year = view.year();
        // Scope-group checks: their group(f), now, while the filing is at hand.
        for (const SlotCheck& d : s->group_checks) {
            if (d.preset != Outcome::Passed || d.check->spec->scope != CheckScope::Group) continue;
            std::string group_key;
            if (auto error = call_group(*d.check->spec, view, group_key)) {
                if (selected) {
                    add_note(report, {d.check->spec->id, filing.id, view.title(), Outcome::ScriptError, error->to_string()}, options.max_notes);
                    count_outcome(report, Outcome::ScriptError);
                }
                continue;
            }
            m.custom_keys.emplace_back(d.check->spec->id, std::move(group_key));
        }
        members.push_back(std::move(m));
    }
    if (!selected) return;
    ++report.summary.filings;
    for (const SlotCheck& c : s->filing_checks)
        if (chosen(options, *c.check)) run_filing_check(c, view, report, options.max_notes);
    retire_boxes();
}

namespace {

// Filings grouped one way: by department and year, by year, all together, or by one check's
// group(f). The checks of a scope share its groups, so each group is read once for all of them.
struct Grouping {
    CheckScope scope;
    std::vector<const LoadedCheck*> checks;
};

// A group larger than this is not read into memory: its checks end as insufficient data.
constexpr std::size_t kMaxGroup = 5000;

const char* why_no_group(CheckScope scope) {
    switch (scope) {
        case CheckScope::Department: return "the filing names no department";
        case CheckScope::Year: return "the filing has no budget year";
        default: return "its group function gave no key for this filing";
    }
}

}  // namespace

void CheckEngine::Impl::group_pass(FilingSource& source, const BatchOptions& options, std::vector<BatchMember>& members,
                                   CheckReport& report) {
    std::vector<GroupInput> inputs;
    inputs.reserve(members.size());
    for (const BatchMember& x : members) inputs.push_back(x.group);
    const std::vector<std::string> department = assign_groups(inputs);

    std::vector<Grouping> groupings;
    for (const LoadedCheck& c : checks) {
        const CheckScope scope = c.spec->scope;
        if (scope == CheckScope::Filing || !chosen(options, c)) continue;
        auto it = std::find_if(groupings.begin(), groupings.end(), [&](const Grouping& g) { return g.scope == scope; });
        if (scope == CheckScope::Group || it == groupings.end()) groupings.push_back({scope, {&c}});
        else it->checks.push_back(&c);
    }

    for (const Grouping& grouping : groupings) {
        auto key_of = [&](std::size_t i) -> std::string {
            switch (grouping.scope) {
                case CheckScope::Department: return department[i];
                case CheckScope::Year: return members[i].year ? std::to_string(*members[i].year) : std::string();
                case CheckScope::All: return "all";
                default:
                    for (const auto& [id, key] : members[i].custom_keys)
                        if (id == grouping.checks.front()->spec->id) return key;
                    return {};
            }
        };
        // Whether check c may run on member i's template (its `applies` did not say no).
        auto runs_on = [&](const LoadedCheck* c, std::size_t i) {
            const TemplateSlot* s = slot(members[i].template_id, members[i].template_version);
            const SlotCheck* d = s ? s->group_check(c) : nullptr;
            return d && d->preset == Outcome::Passed;
        };
        std::map<std::string, std::vector<std::size_t>> groups;
        for (std::size_t i = 0; i < members.size(); ++i) {
            // A group holds every filing with its key, whatever templates the checks are
            // written for (a department check on *-department reads the project tables too).
            const std::string key = key_of(i);
            if (!key.empty()) {
                groups[key].push_back(i);
                continue;
            }
            if (!members[i].selected || !members[i].wants_group) continue;
            for (const LoadedCheck* c : grouping.checks) {
                if (!runs_on(c, i)) continue;
                if (grouping.scope == CheckScope::Group &&
                    std::none_of(members[i].custom_keys.begin(), members[i].custom_keys.end(),
                                 [&](const auto& k) { return k.first == c->spec->id; }))
                    continue;  // its group function failed, and that was counted
                add_note(report, {c->spec->id, members[i].id, members[i].title, Outcome::Insufficient, why_no_group(grouping.scope)},
                         options.max_notes);
                count_outcome(report, Outcome::Insufficient);
            }
        }
        for (auto& [key, indices] : groups) {
            if (std::none_of(indices.begin(), indices.end(), [&](std::size_t i) { return members[i].selected; })) continue;
            std::vector<const LoadedCheck*> wanted;
            for (const LoadedCheck* c : grouping.checks) {
                bool matches = false, runs = false;
                for (std::size_t i : indices) {
                    if (!c->spec->applies_to(members[i].template_id)) continue;
                    matches = true;
                    runs = runs || runs_on(c, i);
                }
                if (runs) wanted.push_back(c);
                else if (matches) count_outcome(report, Outcome::NotApplicable);  // `applies` said no: nothing to read
            }
            if (wanted.empty()) continue;
            if (indices.size() > kMaxGroup) {
                for (const LoadedCheck* c : wanted) {
                    add_note(report, {c->spec->id, members[indices.front()].id, members[indices.front()].title, Outcome::Insufficient,
                                      "a group of " + std::to_string(indices.size()) + " filings is larger than " +
                                          std::to_string(kMaxGroup)},
                             options.max_notes);
                    count_outcome(report, Outcome::Insufficient);
                }
                continue;
            }
            std::vector<Filing> filings;
            filings.reserve(indices.size());
            for (std::size_t i : indices) filings.push_back(source.load(members[i].id));
            std::vector<std::unique_ptr<FilingView>> views;
            std::vector<FilingView*> pointers;
            for (std::size_t n = 0; n < filings.size(); ++n) {
                TemplateSlot* s = slot(filings[n]);
                if (!s) continue;
                views.push_back(std::make_unique<FilingView>(filings[n], *s->index, department[indices[n]]));
                pointers.push_back(views.back().get());
            }
            std::set<std::int64_t> chosen;
            for (std::size_t i : indices)
                if (members[i].selected) chosen.insert(members[i].id);
            for (const LoadedCheck* c : wanted) {
                const std::size_t before = report.findings.size();
                run(*c, pointers, true, report, options.max_notes);
                retire_boxes();
                if (!options.filing && !options.template_id) continue;
                // Keep what concerns the selected filings only.
                auto first = report.findings.begin() + static_cast<std::ptrdiff_t>(before);
                auto kept = std::stable_partition(first, report.findings.end(), [&](const Finding& f) { return chosen.count(f.filing) > 0; });
                for (auto it = kept; it != report.findings.end(); ++it) --report.summary.severities[static_cast<std::size_t>(it->severity)];
                report.findings.erase(kept, report.findings.end());
            }
        }
    }
}

CheckReport CheckEngine::check_all(FilingSource& source, const BatchOptions& options) {
    Impl& m = *impl_;
    CheckReport report;
    report.summary.checks = static_cast<std::size_t>(
        std::count_if(m.checks.begin(), m.checks.end(), [&](const LoadedCheck& c) { return c.spec && chosen(options, c); }));
    // One account of failures for the whole batch, shared with the helper engines.
    auto health = std::make_shared<CheckHealth>();
    m.health = health;
    struct Restore {
        Impl& m;
        ~Restore() {
            m.health = m.live_health;
            m.batch_headers.reset();
            m.run_state.message_lang.reset();
            for (auto& h : m.helpers) {
                h->impl_->batch_headers.reset();
                h->impl_->run_state.message_lang.reset();
            }
        }
    } restore{m};
    m.run_state.message_lang = options.message_lang;
    const bool any_group_checks = std::any_of(m.checks.begin(), m.checks.end(), [](const LoadedCheck& c) {
        return c.spec->scope == CheckScope::Department;
    });
    std::vector<BatchMember> members;

    if (options.jobs <= 1) {
        source.for_each([&](const Filing& f) { m.batch_filing(f, options, any_group_checks, report, members); });
    } else {
        // Helper engines load the same folders with the same limits; a helper whose scripts
        // differ from ours (a file changed in between) would check differently, so they are
        // refreshed here, right before the pass.
        while (m.helpers.size() < options.jobs)
            m.helpers.push_back(std::make_unique<CheckEngine>(m.lookup, m.dirs, m.host.options()));
        auto headers = std::make_shared<Impl::SharedHeaders>();
        m.batch_headers = headers;
        for (auto& h : m.helpers) {
            h->refresh();
            h->impl_->health = health;
            h->impl_->batch_headers = headers;
            h->impl_->run_state.message_lang = options.message_lang;
            if (!h->impl_->query_factory && m.query_factory) h->set_queries(m.query_factory);
        }
        struct Worker {
            CheckReport report;
            std::vector<BatchMember> members;
            std::exception_ptr error;
        };
        std::vector<Worker> workers(options.jobs);
        FilingQueue queue(2 * options.jobs);
        std::vector<std::thread> threads;
        for (unsigned w = 0; w < options.jobs; ++w) {
            threads.emplace_back([&, w] {
                try {
                    std::vector<FilingSource::Deferred> chunk;
                    while (queue.pop(chunk))
                        for (auto& make : chunk)
                            if (std::optional<Filing> f = make())
                                m.helpers[w]->impl_->batch_filing(*f, options, any_group_checks, workers[w].report, workers[w].members);
                } catch (...) {
                    workers[w].error = std::current_exception();
                    queue.close();
                }
            });
        }
        std::exception_ptr read_error;
        try {
            std::vector<FilingSource::Deferred> chunk;
            source.take_each_deferred([&](FilingSource::Deferred&& f) {
                chunk.push_back(std::move(f));
                if (chunk.size() < kChunk) return;
                queue.push(std::move(chunk));
                chunk = {};
            });
            if (!chunk.empty()) queue.push(std::move(chunk));
        } catch (...) {
            read_error = std::current_exception();
        }
        queue.close();
        for (auto& t : threads) t.join();
        for (auto& h : m.helpers) h->impl_->health = h->impl_->live_health;
        if (read_error) std::rethrow_exception(read_error);
        for (const Worker& w : workers)
            if (w.error) std::rethrow_exception(w.error);
        // The findings gather in the worker array with the most room (its unused room was never
        // touched, so it costs no memory), each other array freed once moved: with hundreds of
        // thousands of findings, a fresh array for all of them would double the batch's peak.
        std::size_t findings = report.findings.size(), member_count = members.size();
        for (const Worker& w : workers) findings += w.report.findings.size(), member_count += w.members.size();
        auto roomiest = std::max_element(workers.begin(), workers.end(), [](const Worker& a, const Worker& b) {
            return a.report.findings.capacity() < b.report.findings.capacity();
        });
        if (roomiest != workers.end() && report.findings.empty()) report.findings.swap(roomiest->report.findings);
        report.findings.reserve(findings);
        members.reserve(member_count);
        for (Worker& w : workers) {
            merge(report, std::move(w.report), options.max_notes);
            w.report = CheckReport{};
            members.insert(members.end(), std::make_move_iterator(w.members.begin()), std::make_move_iterator(w.members.end()));
            std::vector<BatchMember>().swap(w.members);
        }
        std::sort(members.begin(), members.end(), [](const BatchMember& a, const BatchMember& b) { return a.id < b.id; });
    }
    if (any_group_checks) m.group_pass(source, options, members, report);
    sort_by_filing(report.findings);
    std::stable_sort(report.log.begin(), report.log.end(), [](const LogLine& a, const LogLine& b) { return a.filing < b.filing; });
    return report;
}

}  // namespace formwork::script
