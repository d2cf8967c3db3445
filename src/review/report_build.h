// Building the reviewer's report (io/report.h) from a store: every check run as `formwork check`
// runs them, findings named by the form's places in plain Chinese, the reviewer's notes and
// accepted warnings applied. `formwork report` and the shell's File > Report… both call this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/report.h"

namespace formwork::review {

struct ReportRequest {
    std::string db_path;
    std::optional<std::int64_t> filing;  // one filing; absent: every filing the filters let through
    std::optional<std::string> template_id;
    std::optional<int> year;
    bool overview = false;  // the overview (counts, charts) first
    io::ErrorVerdict on_error = io::ErrorVerdict::Return;
    unsigned jobs = 1;  // checking threads
};

struct BuiltReport {
    io::Report report;
    bool no_checks = false;             // no usable check script: nothing was checked
    std::size_t damaged = 0;            // stored filings that could not be read (left out)
    std::vector<std::string> problems;  // what the checks could not do (a script failing, …)
    bool incomplete() const { return damaged > 0 || !problems.empty(); }
};

// Throws store::StoreError when the database cannot be read or the filing does not exist.
BuiltReport build_report(const ReportRequest& request);

}  // namespace formwork::review
