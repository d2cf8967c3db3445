// Problem counts for the filing list: every stored filing checked once in a background thread
// (its own database connection, templates and check engine), so that opening a large database
// does not wait for a batch check. The open filing's count comes from the live checks instead.
// Warnings the reviewer accepted (for the values they hold) are not counted.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"

namespace formwork::ui {

struct FilingCounts {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    bool damaged = false;  // the stored filing cannot be read (see formwork doctor)
};

class ProblemCounter {
public:
    ProblemCounter() = default;
    ~ProblemCounter();
    ProblemCounter(const ProblemCounter&) = delete;
    ProblemCounter& operator=(const ProblemCounter&) = delete;

    // (Re)starts the batch over the database at `db_path`; a running batch is cancelled.
    void start(const std::string& db_path);
    bool ready() const { return ready_.load(); }
    // A filing's counts: set live, or from the batch once ready; nullopt when unknown yet.
    std::optional<FilingCounts> count_of(std::int64_t filing) const;
    void set(std::int64_t filing, FilingCounts counts);  // live results of the open filing
    // Moves whenever a count changes (a live result, the batch ending), for views that cache.
    std::uint64_t version() const { return version_.load(); }
    // The department (主管部门 / 预算部门 / 部门名称 / 实施单位 as filed) of a stored filing, read
    // during the same pass, for the list's search; empty until ready.
    std::string department_of(std::int64_t filing) const;
    // The stored filings that may belong to a department, once ready: those whose department
    // key (script::CheckEngine::department_of: department and budget year) is `key`, and those
    // of the same template family and year that name no department (the engine places these
    // by its fallback fields). The shell loads only these for department checks.
    std::vector<std::int64_t> same_department(const std::string& key, const std::string& family_year,
                                              std::int64_t except) const;
    // Blocks until the batch is done (tests).
    void wait();

private:
    void stop();

    std::thread worker_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> ready_{false};
    std::atomic<std::uint64_t> version_{0};
    mutable std::mutex mutex_;
    std::map<std::int64_t, FilingCounts> counts_;
    std::map<std::int64_t, std::string> departments_;
    std::multimap<std::string, std::int64_t> by_department_key_;
    std::multimap<std::string, std::int64_t> unnamed_by_family_year_;
};

// "family|year": how filings that name no department are grouped before the engine decides.
std::string family_year(const Filing& filing, const FormSpec& spec);

}  // namespace formwork::ui
