// Building the reviewer's report from a store (see report_build.h).
#include "review/report_build.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "checks/check_engine.h"
#include "core/filing_facts.h"
#include "core/place_label.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "store/review_store.h"
#include "store/store_queries.h"
#include "templates/template_registry.h"

namespace formwork::review {

namespace {

// The store's filings for the batch check, each kept as read so that the report can name its
// places without reading it twice.
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

BuiltReport build_report(const ReportRequest& request) {
    BuiltReport out;
    io::Report& report = out.report;
    report.overview = request.overview;
    report.on_error = request.on_error;

    script::BatchOptions options;
    options.filing = request.filing;
    options.template_id = request.template_id;
    options.year = request.year;
    options.jobs = std::max(1u, request.jobs);
    options.message_lang = Lang::Zh;  // the report is written in Chinese (message_zh below)

    script::TemplateRegistry templates;
    templates.refresh();
    script::CheckEngine engine(script::CheckEngine::lookup_in(templates));
    engine.refresh();
    engine.set_queries(store::query_factory(request.db_path));
    if (engine.checks().empty()) {
        out.no_checks = true;
        return out;
    }
    std::map<std::string, std::string> check_titles;
    for (const auto& c : engine.checks()) check_titles[c->id] = c->title_zh;

    store::Database db = store::Database::open(request.db_path, store::OpenMode::ReadOnly);
    store::FilingStore filings(db);
    if (request.filing) filings.load(*request.filing);  // an unknown id is an error
    std::map<std::int64_t, Filing> seen;
    ReportSource source(filings, seen);
    const script::CheckReport checked = engine.check_all(source, options);
    out.damaged = source.damaged;
    out.problems = checked.problems;
    const store::ReviewStore reviews(db);
    // Which filings the batch took: those its filters let through.
    std::map<std::int64_t, io::ReportFiling*> by_id;
    std::map<std::int64_t, const Filing*> filed;
    for (const auto& [id, f] : seen) {
        const auto spec = templates.find(f.template_id, f.template_version);
        if (request.filing && id != *request.filing) continue;
        if (request.template_id && f.template_id != *request.template_id) continue;
        // Plain ints: GCC 12 warns on an optional<int> passed through to_string.
        int year = 0;
        if (spec)
            if (const auto y = filing_year(f, *spec)) year = *y;
        if (request.year && year != *request.year) continue;
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
        const auto [part, place] = split_place(x.path.empty() ? std::string() : path_label(x.path, spec.get(), f, Lang::Zh));
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
    return out;
}

}  // namespace formwork::review
