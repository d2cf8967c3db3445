// The background batch check behind the filing list's problem column (see problem_counts.h).
#include "ui/problem_counts.h"

#include "core/filing_facts.h"
#include "checks/check_engine.h"
#include "store/store_queries.h"
#include "templates/template_registry.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "store/review_store.h"

#include <set>
#include <tuple>

namespace formwork::ui {

namespace {

struct Cancelled {};

// A warning the reviewer accepted for the value its filing holds now: not counted.
using AcceptedKey = std::tuple<std::int64_t, std::string, std::string>;  // filing, check, path

// Reads the store for the engine, and gives up between two filings when asked to.
class CancellableSource final : public script::FilingSource {
public:
    CancellableSource(store::FilingStore& s, const std::atomic<bool>& cancel, std::map<std::int64_t, std::string>& departments,
                      std::vector<Filing>& headers, std::map<std::int64_t, FilingCounts>& counts,
                      const std::multimap<std::int64_t, store::AcceptedWarning>& marks, std::set<AcceptedKey>& holding)
        : store_(s), cancel_(cancel), departments_(departments), headers_(headers), counts_(counts), marks_(marks), holding_(holding) {}
    void for_each(const std::function<void(const Filing&)>& visit) override {
        store_.for_each([&](const Filing& f) {
            if (cancel_.load()) throw Cancelled{};
            // The templates share these field ids for who files (see scripts/templates).
            std::string who;
            for (const char* id : {"department", "department_name", "implementing_unit", "filing_unit"})
                if (!f.field(id).empty()) who += f.field(id) + "\n";
            departments_[f.id] = std::move(who);
            // Header fields only: enough to compute the department key after the pass.
            Filing header;
            header.id = f.id;
            header.template_id = f.template_id;
            header.template_version = f.template_version;
            header.fields = f.fields;
            headers_.push_back(std::move(header));
            auto [from, to] = marks_.equal_range(f.id);
            for (auto it = from; it != to; ++it)
                if (store::is_accepted({it->second}, f, it->second.check, it->second.path))
                    holding_.emplace(f.id, it->second.check, it->second.path);
            visit(f);
        }, [&](std::int64_t id, const store::StoreError&) { counts_[id].damaged = true; });
    }
    Filing load(std::int64_t id) override {
        if (cancel_.load()) throw Cancelled{};
        return store_.load(id);
    }

private:
    store::FilingStore& store_;
    const std::atomic<bool>& cancel_;
    std::map<std::int64_t, std::string>& departments_;
    std::vector<Filing>& headers_;
    std::map<std::int64_t, FilingCounts>& counts_;
    const std::multimap<std::int64_t, store::AcceptedWarning>& marks_;
    std::set<AcceptedKey>& holding_;
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
    ++version_;
    worker_ = std::thread([this, db_path] {
        std::map<std::int64_t, FilingCounts> counts;
        std::map<std::int64_t, std::string> departments;
        std::multimap<std::string, std::int64_t> by_key, unnamed;
        try {
            store::Database db = store::Database::open(db_path, store::OpenMode::ReadOnly);
            store::FilingStore filings(db);
            script::TemplateRegistry templates;
            templates.refresh();
            script::CheckEngine engine(script::CheckEngine::lookup_in(templates));
            engine.refresh();
            engine.set_queries(store::query_factory(db_path));
            std::vector<Filing> headers;
            std::multimap<std::int64_t, store::AcceptedWarning> marks;
            for (auto& m : store::ReviewStore(db).accepted()) marks.emplace(m.filing, std::move(m));
            std::set<AcceptedKey> holding;
            CancellableSource source(filings, cancel_, departments, headers, counts, marks, holding);
            const script::CheckReport report = engine.check_all(source);
            for (const Filing& h : headers) {
                if (std::string key = engine.department_of(h); !key.empty()) by_key.emplace(std::move(key), h.id);
                else if (auto spec = templates.find(h.template_id, h.template_version)) unnamed.emplace(family_year(h, *spec), h.id);
            }
            for (const auto& f : report.findings) {
                if (f.severity == script::Severity::Warning && holding.count({f.filing, f.check, f.path})) continue;
                if (f.severity == script::Severity::Error) ++counts[f.filing].errors;
                else if (f.severity == script::Severity::Warning) ++counts[f.filing].warnings;
                else ++counts[f.filing].infos;
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
            by_department_key_ = std::move(by_key);
            unnamed_by_family_year_ = std::move(unnamed);
        }
        ready_ = true;
        ++version_;
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
    auto [it, added] = counts_.try_emplace(filing, counts);
    FilingCounts& kept = it->second;
    if (added || kept.errors != counts.errors || kept.warnings != counts.warnings || kept.infos != counts.infos ||
        kept.damaged != counts.damaged)
        ++version_;
    kept = counts;
}

std::string ProblemCounter::department_of(std::int64_t filing) const {
    std::lock_guard lock(mutex_);
    auto it = departments_.find(filing);
    return it == departments_.end() ? std::string() : it->second;
}

std::vector<std::int64_t> ProblemCounter::same_department(const std::string& key, const std::string& family_year,
                                                           std::int64_t except) const {
    std::lock_guard lock(mutex_);
    std::vector<std::int64_t> out;
    for (const auto* index : {&by_department_key_, &unnamed_by_family_year_}) {
        auto [from, to] = index->equal_range(index == &by_department_key_ ? key : family_year);
        for (auto it = from; it != to; ++it)
            if (it->second != except) out.push_back(it->second);
    }
    return out;
}

std::string family_year(const Filing& filing, const FormSpec& spec) {
    const auto year = filing_year(filing, spec);
    return spec.family + "|" + (year ? std::to_string(*year) : std::string("?"));
}

void ProblemCounter::wait() {
    if (worker_.joinable()) worker_.join();
}

}  // namespace formwork::ui
