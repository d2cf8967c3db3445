// `formwork report --db DB [--filing ID | --all] [--template ID] [--year N] --format pdf|xlsx
// -o OUT`: the reviewer's report (issue 19). Runs every check as `formwork check` does, then
// writes per filing its findings in plain Chinese, grouped by severity and part of the form,
// the reviewer's notes and a suggested verdict; with --all an overview first. Reproducible:
// filings by id, findings sorted, dated by the newest change in the data. Exit 0 written, 1
// the file could not be written, 2 usage, 3 written but some work could not be done.
#include <algorithm>
#include <charconv>
#include <map>
#include <ostream>
#include <thread>
#include <tuple>

#include "checks/check_engine.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "core/filing_facts.h"
#include "io/export.h"
#include "io/report.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "store/review_store.h"
#include "store/store_queries.h"
#include "templates/template_registry.h"
#include "ui/path_label.h"

namespace formwork::cli {

namespace {

class ReportSource final : public script::FilingSource {
public:
    ReportSource(store::FilingStore& s, std::map<std::int64_t, Filing>& seen) : store_(s), seen_(seen) {}
    void for_each(const std::function<void(const Filing&)>& visit) override {
        store_.for_each([&](const Filing& f) {
            seen_[f.id] = f;
            visit(f);
        }, [&](std::int64_t, const store::StoreError&) { ++damaged; });
    }
    Filing load(std::int64_t id) override { return store_.load(id); }
    std::size_t damaged = 0;

private:
    store::FilingStore& store_;
    std::map<std::int64_t, Filing>& seen_;
};

std::int64_t parse_positive(const Context& ctx, const std::string& text, const char* what) {
    std::int64_t v = 0;
    const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size() || v <= 0)
        throw UsageError(std::string(what) + ctx.tr(" 需要正整数", " takes a positive integer"));
    return v;
}

io::ReportSeverity severity(script::Severity s) {
    switch (s) {
        case script::Severity::Error: return io::ReportSeverity::Error;
        case script::Severity::Warning: return io::ReportSeverity::Warning;
        case script::Severity::Info: return io::ReportSeverity::Info;
    }
    return io::ReportSeverity::Info;
}

// The department a filing names: the first of the fields templates use for it.
std::string department(const Filing& f) {
    for (const char* id : {"department_name", "department", "implementing_unit"})
        if (!f.field(id).empty()) return f.field(id);
    return {};
}

// "部分 › 位置 › …" → the part and the rest.
std::pair<std::string, std::string> split_place(const std::string& label) {
    const std::string sep = " › ";
    const auto at = label.find(sep);
    if (at == std::string::npos) return {label, {}};
    return {label.substr(0, at), label.substr(at + sep.size())};
}

}  // namespace

int run_report(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--all"}, {"--db", "--filing", "--template", "--year", "--format", "-o", "--output"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    const std::string path = args.required("--db");
    const std::string format = args.required("--format");
    if (format != "pdf" && format != "xlsx")
        throw UsageError(ctx.tr("--format 只接受 pdf 或 xlsx，而不是 ", "--format takes pdf or xlsx, not ") + format);
    const auto out = args.value("-o") ? args.value("-o") : args.value("--output");
    if (!out || out->empty()) throw UsageError(ctx.tr("缺少输出文件 -o PATH", "missing the output file -o PATH"));
    if (args.has("--all") == args.has("--filing"))
        throw UsageError(ctx.tr("请指定 --filing ID 或 --all（二选一）", "give either --filing ID or --all"));

    script::BatchOptions options;
    if (auto id = args.value("--filing")) options.filing = parse_positive(ctx, *id, "--filing");
    options.template_id = args.value("--template");
    if (auto year = args.value("--year")) options.year = static_cast<int>(parse_positive(ctx, *year, "--year"));
    options.jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);

    script::TemplateRegistry templates;
    templates.refresh();
    script::CheckEngine engine(script::CheckEngine::lookup_in(templates));
    engine.refresh();
    engine.set_queries(store::query_factory(path));
    if (engine.checks().empty()) {
        ctx.err << "formwork report: " << ctx.tr("没有可用的检查脚本", "no usable check script") << "\n";
        return kUsage;
    }
    std::map<std::string, std::string> check_titles;
    for (const auto& c : engine.checks()) check_titles[c->id] = c->title_zh;

    io::Report report;
    report.overview = args.has("--all");
    bool incomplete = false;
    try {
        store::Database db = store::Database::open(path, store::OpenMode::ReadOnly);
        store::FilingStore filings(db);
        if (options.filing) filings.load(*options.filing);  // an unknown id is an error
        std::map<std::int64_t, Filing> seen;
        ReportSource source(filings, seen);
        const script::CheckReport checked = engine.check_all(source, options);
        incomplete = source.damaged > 0 || !checked.problems.empty();
        for (const auto& p : checked.problems) ctx.err << "formwork report: " << p << "\n";
        if (source.damaged > 0)
            ctx.err << "formwork report: " << source.damaged << ctx.tr(" 份填报已损坏，未列入", " damaged filing(s) left out") << "\n";
        const store::ReviewStore reviews(db);
        // Which filings the batch took: those its filters let through.
        std::map<std::int64_t, io::ReportFiling*> by_id;
        std::map<std::int64_t, const Filing*> filed;
        for (const auto& [id, f] : seen) {
            const auto spec = templates.find(f.template_id, f.template_version);
            if (options.filing && id != *options.filing) continue;
            if (options.template_id && f.template_id != *options.template_id) continue;
            // Plain ints: GCC 12 warns on an optional<int> passed through to_string.
            int year = 0;
            if (spec)
                if (const auto y = filing_year(f, *spec)) year = *y;
            if (options.year && year != *options.year) continue;
            io::ReportFiling r;
            r.id = id;
            r.title = spec ? filing_title(f, *spec) : "";
            r.department = department(f);
            r.template_id = f.template_id;
            r.year = year ? std::to_string(year) : "";
            r.total = spec ? filing_total(f, *spec).value_or("") : "";
            for (const auto& n : reviews.filing_notes(id)) r.notes.push_back(n);
            report.filings.push_back(std::move(r));
            filed[id] = &f;
        }
        for (auto& r : report.filings) by_id[r.id] = &r;
        const std::vector<store::AcceptedWarning> accepted = reviews.accepted();
        for (const auto& x : checked.findings) {
            auto it = by_id.find(x.filing);
            if (it == by_id.end()) continue;
            const Filing& f = *filed[x.filing];
            const auto spec = templates.find(f.template_id, f.template_version);
            if (x.severity == script::Severity::Warning && store::is_accepted(accepted, f, x.check, x.path)) {
                ++it->second->accepted;
                continue;
            }
            io::ReportFinding g;
            g.severity = severity(x.severity);
            g.check = x.check;
            g.check_title = check_titles[x.check];
            const auto [part, place] = split_place(x.path.empty() ? std::string() : ui::path_label(x.path, spec.get(), f, Lang::Zh));
            g.part = part;
            g.place = place;
            g.message = x.message_zh;
            const std::string note = reviews.finding_note(x.filing, x.check, x.path);
            if (!note.empty()) g.message += "（审核人：" + note + "）";
            it->second->findings.push_back(std::move(g));
        }
        for (auto& r : report.filings)
            std::stable_sort(r.findings.begin(), r.findings.end(), [](const io::ReportFinding& a, const io::ReportFinding& b) {
                return std::tie(a.severity, a.part, a.place, a.check, a.message) < std::tie(b.severity, b.part, b.place, b.check, b.message);
            });
        // Dated by the data: the newest save of a filing in the report.
        std::string newest;
        for (const auto& s : filings.list())
            if (by_id.count(s.id)) newest = std::max(newest, s.updated_at);
        report.date = newest.size() >= 10 ? newest.substr(0, 10) : "0000-00-00";
    } catch (const store::StoreError& e) {
        ctx.err << "formwork report: " << store::describe(e, ctx.lang) << "\n";
        return kUsage;
    }
    try {
        if (format == "pdf") io::write_report_pdf(report, *out);
        else io::write_report_xlsx(report, *out);
    } catch (const io::ExportError& e) {
        ctx.err << "formwork report: " << io::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
    ctx.out << ctx.tr("已写出 ", "Wrote ") << report.filings.size() << ctx.tr(" 份填报的审核意见到 ", " filing(s)' review to ") << *out << "\n";
    return incomplete ? kIncomplete : kOk;
}

}  // namespace formwork::cli
