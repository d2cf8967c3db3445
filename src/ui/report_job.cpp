// The background report of File > Report… (see report_job.h).
#include "ui/report_job.h"

#include "io/export.h"
#include "io/report.h"
#include "store/store_error.h"
#include "ui/strings.h"

namespace formwork::ui {

ReportJob::~ReportJob() { wait(); }

void ReportJob::wait() {
    if (worker_.joinable()) worker_.join();
}

void ReportJob::reset() {
    wait();
    finished_ = false;
    std::lock_guard lock(mutex_);
    outcome_ = {};
}

ReportOutcome ReportJob::outcome() const {
    std::lock_guard lock(mutex_);
    return outcome_;
}

void ReportJob::start(review::ReportRequest request, ReportFormat format, std::string path, Lang lang) {
    reset();
    running_ = true;
    worker_ = std::thread([this, request = std::move(request), format, path = std::move(path), lang] {
        ReportOutcome out;
        out.path = path;
        try {
            const review::BuiltReport built = review::build_report(request);
            if (built.no_checks) {
                out.error = tr(Str::ReportNoChecks, lang);
            } else {
                if (format == ReportFormat::Pdf) io::write_report_pdf(built.report, path);
                else io::write_report_xlsx(built.report, path);
                out.ok = true;
                out.filings = built.report.filings.size();
                if (built.damaged > 0) out.left_out.push_back(tr_with(Str::DamagedCount, lang, std::to_string(built.damaged)));
                for (const auto& p : built.problems) out.left_out.push_back(p);
            }
        } catch (const store::StoreError& e) {
            out.error = store::describe(e, lang);
        } catch (const io::ExportError& e) {
            out.error = io::describe(e, lang);
        } catch (const std::exception& e) {
            out.error = e.what();
        }
        {
            std::lock_guard lock(mutex_);
            outcome_ = std::move(out);
        }
        finished_ = true;
        running_ = false;
    });
}

}  // namespace formwork::ui
