// The reviewer's report (审核意见, issue 19): plain data the CLI fills from the check engine
// and the store, and the PDF and xlsx writers that print it. Kept free of the engine's types
// so that io does not depend on the scripts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace formwork::io {

enum class ReportSeverity { Error = 0, Warning = 1, Info = 2 };

struct ReportFinding {
    ReportSeverity severity = ReportSeverity::Error;
    std::string check;        // check id
    std::string check_title;  // the check's Chinese title
    std::string part;         // the part of the form: "基本信息", a table's label, "绩效指标"
    std::string place;        // the place inside it, as the form names it
    std::string message;      // the finding in plain Chinese
};

struct ReportFiling {
    std::int64_t id = 0;
    std::string title;
    std::string department;  // blank when the filing names none
    std::string template_id;
    std::string year;
    std::string total;  // as filed, blank when none
    std::vector<ReportFinding> findings;  // sorted by severity, part, place, check
    std::vector<std::string> notes;       // the reviewer's notes stored with the filing
    std::size_t accepted = 0;             // warnings the reviewer accepted (not in findings)

    std::size_t count(ReportSeverity s) const;
};

// What the report suggests for a filing with errors (`formwork report --error-verdict`): a
// bureau that sends back every filing with an error, or one that lets it pass once amended.
enum class ErrorVerdict { Return, Amend };

// 通过 with no error and no warning, 修改后通过 with warnings only; with an error 退回, or
// 修改后通过 when the report's option says so.
std::string suggested_verdict(const ReportFiling& filing, ErrorVerdict on_error = ErrorVerdict::Return);

struct Report {
    std::string date;  // YYYY-MM-DD of the newest change in the data, never the clock
    bool overview = false;  // --all: the overview comes first
    ErrorVerdict on_error = ErrorVerdict::Return;
    std::vector<ReportFiling> filings;  // by id
};

// The overview's tables, computed once for both writers: rows of (label, counts…), sorted.
struct CountRow {
    std::string label;
    std::size_t errors = 0, warnings = 0, infos = 0, filings = 0;
};
struct Overview {
    std::size_t filings = 0, errors = 0, warnings = 0, infos = 0, accepted = 0;
    std::size_t returned = 0, amend = 0, passed = 0;  // suggested verdicts
    std::vector<CountRow> by_check;       // most findings first, then by id
    std::vector<CountRow> by_department;  // most findings first, then by name
    std::vector<CountRow> most_errors;    // up to 10 filings with errors, most first, label "#id 名称"
};
Overview build_overview(const Report& report);

const char* severity_zh(ReportSeverity s);

// Both write through a temporary file and throw ExportError (io/export.h) on failure.
void write_report_pdf(const Report& report, const std::filesystem::path& out);
void write_report_xlsx(const Report& report, const std::filesystem::path& out);

}  // namespace formwork::io
