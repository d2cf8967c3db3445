// `formwork check --db DB [--filing ID] [--template ID] [--json]`: runs every loaded check over
// the stored filings and prints the findings grouped by filing, then a summary. Exit 0 when no
// finding has severity error, 1 when one does, 3 when some of the work could not be done (a
// check ended in a script error, was stopped or switched off; a check script or template did
// not load; a filing could not be read or has no template) — whatever the findings — and 2
// when nothing could run (usage, no database, no usable check).
#include <algorithm>
#include <charconv>
#include <mutex>
#include <ostream>
#include <thread>

#include "cli/args.h"
#include "cli/check_output.h"
#include "cli/commands.h"
#include "checks/check_engine.h"
#include "templates/template_registry.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "store/store_queries.h"

namespace formwork::cli {

namespace {

// The store as the engine reads it; a damaged filing is skipped and remembered.
class StoreSource final : public script::FilingSource {
public:
    StoreSource(store::FilingStore& s, Lang lang) : store_(s), lang_(lang) {}
    void for_each(const std::function<void(const Filing&)>& visit) override {
        store_.for_each(visit, [&](std::int64_t id, const store::StoreError& e) { note_damaged(id, e); });
    }
    void take_each(const std::function<void(Filing&&)>& visit) override {
        store_.take_each(visit, [&](std::int64_t id, const store::StoreError& e) { note_damaged(id, e); });
    }
    // Rebuilt on the engine's worker threads; a filing found damaged there is noted too.
    void take_each_deferred(const std::function<void(Deferred&&)>& visit) override {
        store_.take_each_stored(
            [&](store::FilingStore::Stored&& s) {
                auto held = std::make_shared<store::FilingStore::Stored>(std::move(s));
                visit([this, held]() -> std::optional<Filing> {
                    try {
                        return held->take();
                    } catch (const store::StoreError& e) {
                        if (e.code() != store::StoreError::Code::BadData) throw;
                        note_damaged(held->id(), e);
                        return std::nullopt;
                    }
                });
            },
            [&](std::int64_t id, const store::StoreError& e) { note_damaged(id, e); });
    }
    // The damaged filings in id order, whichever thread found them.
    std::vector<std::string> damaged_sorted() {
        std::lock_guard lock(mutex_);
        std::sort(damaged_.begin(), damaged_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::string> out;
        for (auto& [id, text] : damaged_) out.push_back(std::move(text));
        damaged_.clear();
        return out;
    }
    Filing load(std::int64_t id) override { return store_.load(id); }

private:
    void note_damaged(std::int64_t id, const store::StoreError& e) {
        std::string text = std::string(lang_ == Lang::Zh ? "填报 " : "filing ") + std::to_string(id) +
                           (lang_ == Lang::Zh ? " 已损坏，未检查：" : " is damaged and was not checked: ") +
                           store::describe(e, lang_);
        std::lock_guard lock(mutex_);
        damaged_.emplace_back(id, std::move(text));
    }

    store::FilingStore& store_;
    Lang lang_;
    std::mutex mutex_;
    std::vector<std::pair<std::int64_t, std::string>> damaged_;
};

// Scripts that did not load: check scripts, and templates (whose filings cannot be checked, or
// only with another version).
std::vector<std::string> script_load_errors(const script::CheckEngine& engine, const script::TemplateRegistry& templates) {
    std::vector<std::string> errors;
    for (const auto& s : engine.scripts())
        for (const auto& e : s.errors) errors.push_back(e);
    // An earlier version that did not load leaves its filings to be checked with the current one.
    for (const auto* list : {&templates.entries(), &templates.earlier()})
        for (const auto& t : *list)
            for (const auto& e : t.errors) errors.push_back(e);
    return errors;
}

bool could_not_run(script::Outcome o) {
    return o == script::Outcome::ScriptError || o == script::Outcome::Stopped || o == script::Outcome::SwitchedOff;
}

}  // namespace

int run_check(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--json", "--verbose"}, {"--db", "--filing", "--template", "--check", "--year"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    const std::string path = args.required("--db");
    script::BatchOptions options;
    options.message_lang = ctx.lang;  // the output is in one language
    if (auto id = args.value("--filing")) options.filing = positive_number(ctx, "--filing", *id);
    options.template_id = args.value("--template");
    if (auto year = args.value("--year")) {
        int v = 0;
        auto [p, ec] = std::from_chars(year->data(), year->data() + year->size(), v);
        if (ec != std::errc() || p != year->data() + year->size() || v < 1900 || v > 2200)
            throw UsageError(ctx.tr("--year 需要年度（如 2024）", "--year takes a year (e.g. 2024)"));
        options.year = v;
    }
    if (auto ids = args.value("--check")) {
        std::string id;
        for (char c : *ids + ",") {
            if (c == ',') {
                if (!id.empty()) options.checks.push_back(id);
                id.clear();
            } else if (c != ' ') {
                id += c;
            }
        }
    }
    // The filing checks on every core, the store read on this thread (BatchOptions::jobs).
    options.jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);

    script::TemplateRegistry templates;
    templates.refresh();
    script::CheckEngine engine(script::CheckEngine::lookup_in(templates));
    engine.refresh();
    engine.set_queries(store::query_factory(path));  // check.find and f:previous() read the same database
    std::vector<std::string> script_errors = script_load_errors(engine, templates);
    for (const std::string& id : options.checks) {
        const auto all = engine.checks();
        if (std::none_of(all.begin(), all.end(), [&](const auto& c) { return c->id == id; }))
            throw UsageError(ctx.tr("没有这项检查：", "no such check: ") + id);
    }
    for (const auto& e : script_errors) ctx.err << e << "\n";
    if (engine.checks().empty()) {
        ctx.err << "formwork check: " << ctx.tr("没有可用的检查脚本", "no usable check script") << "\n";
        return kUsage;
    }
    script::CheckReport report;
    try {
        store::Database db = store::Database::open(path, store::OpenMode::ReadOnly);
        store::FilingStore filings(db);
        if (options.filing) filings.load(*options.filing);  // an unknown id is an error, not an empty report
        StoreSource source(filings, ctx.lang);
        report = engine.check_all(source, options);
        for (auto& d : source.damaged_sorted()) {
            ctx.err << "formwork check: " << d << "\n";
            report.problems.push_back(std::move(d));
            ++report.summary.skipped_filings;
        }
    } catch (const store::StoreError& e) {
        ctx.err << "formwork check: " << store::describe(e, ctx.lang) << "\n";
        return kUsage;
    }
    // Every run that could not complete, as "check id: #filing: outcome: detail" (the notes
    // keep at most 20 per check and outcome; the summary counts all).
    for (const auto& n : report.notes)
        if (could_not_run(n.outcome))
            script_errors.push_back(n.check + ": #" + std::to_string(n.filing) + ": " + script::to_string(n.outcome) +
                                    ": " + n.detail);
    // check.log(...) lines: stderr, never mixed into the findings or the JSON.
    if (args.has("--verbose"))
        for (const auto& l : report.log) ctx.err << "[" << l.check << " #" << l.filing << "] " << l.text << "\n";
    if (args.has("--json")) write_report_json(ctx.out, report, script_errors, ctx.lang);
    else print_report(ctx, report);
    std::size_t broken = 0;
    for (std::size_t i = 0; i < script::kOutcomeCount; ++i)
        if (could_not_run(static_cast<script::Outcome>(i))) broken += report.summary.outcomes[i];
    if (broken > 0)
        ctx.err << "formwork check: " << broken
                << ctx.tr(" 次检查因脚本错误、超限或停用未能完成（见汇总）",
                          " check runs ended in a script error, a limit or a switched-off check (see the summary)")
                << "\n";
    if (broken > 0 || !script_errors.empty() || report.summary.skipped_filings > 0 || !report.problems.empty())
        return kIncomplete;
    return report.has_errors() ? kFailed : kOk;
}

}  // namespace formwork::cli
