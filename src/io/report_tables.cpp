// The verdict and the overview tables of the reviewer's report (see report.h), shared by the
// PDF and xlsx writers so that both print the same numbers in the same order.
#include <algorithm>
#include <map>

#include "io/report.h"

namespace formwork::io {

std::size_t ReportFiling::count(ReportSeverity s) const {
    return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [&](const ReportFinding& f) { return f.severity == s; }));
}

std::string suggested_verdict(const ReportFiling& filing, ErrorVerdict on_error) {
    if (filing.count(ReportSeverity::Error) > 0) return on_error == ErrorVerdict::Amend ? "修改后通过" : "退回";
    if (filing.count(ReportSeverity::Warning) > 0) return "修改后通过";
    return "通过";
}

const char* severity_zh(ReportSeverity s) {
    switch (s) {
        case ReportSeverity::Error: return "错误";
        case ReportSeverity::Warning: return "警告";
        case ReportSeverity::Info: return "提示";
    }
    return "";
}

namespace {

void add(CountRow& row, ReportSeverity s) {
    if (s == ReportSeverity::Error) ++row.errors;
    else if (s == ReportSeverity::Warning) ++row.warnings;
    else ++row.infos;
}

std::size_t total(const CountRow& r) { return r.errors + r.warnings + r.infos; }

// Most errors first, then most findings, then by label: a stable order for the same data.
std::vector<CountRow> sorted(std::map<std::string, CountRow> rows) {
    std::vector<CountRow> out;
    for (auto& [key, row] : rows) out.push_back(std::move(row));
    std::stable_sort(out.begin(), out.end(), [](const CountRow& a, const CountRow& b) {
        if (a.errors != b.errors) return a.errors > b.errors;
        return total(a) > total(b);
    });
    return out;
}

}  // namespace

Overview build_overview(const Report& report) {
    Overview o;
    std::map<std::string, CountRow> checks, departments;
    std::vector<CountRow> filings;
    for (const ReportFiling& f : report.filings) {
        ++o.filings;
        o.accepted += f.accepted;
        const std::string verdict = suggested_verdict(f, report.on_error);
        if (verdict == "退回") ++o.returned;
        else if (verdict == "修改后通过") ++o.amend;
        else ++o.passed;
        const std::string dept = f.department.empty() ? "（未填部门）" : f.department;
        CountRow& d = departments[dept];
        d.label = dept;
        ++d.filings;
        CountRow mine;
        mine.label = "#" + std::to_string(f.id) + " " + f.title;
        for (const ReportFinding& x : f.findings) {
            CountRow& c = checks[x.check];
            c.label = x.check_title.empty() ? x.check : x.check_title + "（" + x.check + "）";
            add(c, x.severity);
            add(d, x.severity);
            add(mine, x.severity);
            if (x.severity == ReportSeverity::Error) ++o.errors;
            else if (x.severity == ReportSeverity::Warning) ++o.warnings;
            else ++o.infos;
        }
        if (mine.errors > 0) filings.push_back(mine);
    }
    o.by_check = sorted(std::move(checks));
    o.by_department = sorted(std::move(departments));
    std::stable_sort(filings.begin(), filings.end(), [](const CountRow& a, const CountRow& b) { return a.errors > b.errors; });
    if (filings.size() > 10) filings.resize(10);
    o.most_errors = std::move(filings);
    return o;
}

}  // namespace formwork::io
