// File > Report… runs here, off the UI thread: the report is built (every check over the store,
// on the worker's own database connection and engine: review/report_build.h) and written as PDF
// or xlsx, while the dialog shows that it is working. Tests drive it without a window.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/lang.h"
#include "review/report_build.h"

namespace formwork::ui {

enum class ReportFormat { Pdf, Xlsx };

struct ReportOutcome {
    bool ok = false;
    std::string path;
    std::size_t filings = 0;
    std::vector<std::string> left_out;  // damaged filings, checks that failed (the report was still written)
    std::string error;                  // why nothing was written
};

class ReportJob {
public:
    ReportJob() = default;
    ~ReportJob();
    ReportJob(const ReportJob&) = delete;
    ReportJob& operator=(const ReportJob&) = delete;

    // Messages (errors, left-out notes) come in `lang`.
    void start(review::ReportRequest request, ReportFormat format, std::string path, Lang lang);
    bool running() const { return running_.load(); }
    bool finished() const { return finished_.load(); }
    ReportOutcome outcome() const;
    void wait();
    void reset();  // forget a finished job's outcome

private:
    std::thread worker_;
    std::atomic<bool> running_{false};
    std::atomic<bool> finished_{false};
    mutable std::mutex mutex_;
    ReportOutcome outcome_;
};

}  // namespace formwork::ui
