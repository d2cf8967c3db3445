// The background batch check behind the filing list's problem column (see problem_counts.h).
#include "ui/problem_counts.h"

#include "script/check_engine.h"
#include "script/template_registry.h"
#include "store/database.h"
#include "store/filing_store.h"

namespace formwork::ui {

namespace {

struct Cancelled {};

// Reads the store for the engine, and gives up between two filings when asked to.
class CancellableSource final : public script::FilingSource {
public:
    CancellableSource(store::FilingStore& s, const std::atomic<bool>& cancel, std::map<std::int64_t, std::string>& departments)
        : store_(s), cancel_(cancel), departments_(departments) {}
    void for_each(const std::function<void(const Filing&)>& visit) override {
        store_.for_each([&](const Filing& f) {
            if (cancel_.load()) throw Cancelled{};
            // The templates share these field ids for who files (see scripts/templates).
            std::string who;
            for (const char* id : {"department", "department_name", "implementing_unit", "filing_unit"})
                if (!f.field(id).empty()) who += f.field(id) + "\n";
            departments_[f.id] = std::move(who);
            visit(f);
        });
    }
    Filing load(std::int64_t id) override {
        if (cancel_.load()) throw Cancelled{};
        return store_.load(id);
    }

private:
    store::FilingStore& store_;
    const std::atomic<bool>& cancel_;
    std::map<std::int64_t, std::string>& departments_;
};

}  // namespace

ProblemCounter::~ProblemCounter() { stop(); }

void ProblemCounter::stop() {
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
    cancel_ = false;
}

void ProblemCounter::start(const std::string& db_path) {
    stop();
    ready_ = false;
    {
        std::lock_guard lock(mutex_);
        counts_.clear();
    }
    worker_ = std::thread([this, db_path] {
        std::map<std::int64_t, FilingCounts> counts;
        std::map<std::int64_t, std::string> departments;
        try {
            store::Database db = store::Database::open(db_path, store::OpenMode::ReadOnly);
            store::FilingStore filings(db);
            script::TemplateRegistry templates;
            templates.refresh();
            script::CheckEngine engine(script::CheckEngine::lookup_in(templates));
            engine.refresh();
            CancellableSource source(filings, cancel_, departments);
            const script::CheckReport report = engine.check_all(source);
            for (const auto& f : report.findings) {
                if (f.severity == script::Severity::Error) ++counts[f.filing].errors;
                else if (f.severity == script::Severity::Warning) ++counts[f.filing].warnings;
            }
        } catch (const Cancelled&) {
            return;
        } catch (const std::exception&) {
            // No counts: the list shows none, and the live checks still work for the open filing.
        }
        {
            std::lock_guard lock(mutex_);
            for (const auto& [id, c] : counts) counts_.try_emplace(id, c);  // live results set meanwhile win
            departments_ = std::move(departments);
        }
        ready_ = true;
    });
}

std::optional<FilingCounts> ProblemCounter::count_of(std::int64_t filing) const {
    std::lock_guard lock(mutex_);
    if (auto it = counts_.find(filing); it != counts_.end()) return it->second;
    if (ready_) return FilingCounts{};
    return std::nullopt;
}

void ProblemCounter::set(std::int64_t filing, FilingCounts counts) {
    std::lock_guard lock(mutex_);
    counts_[filing] = counts;
}

std::string ProblemCounter::department_of(std::int64_t filing) const {
    std::lock_guard lock(mutex_);
    auto it = departments_.find(filing);
    return it == departments_.end() ? std::string() : it->second;
}

void ProblemCounter::wait() {
    if (worker_.joinable()) worker_.join();
}

}  // namespace formwork::ui
