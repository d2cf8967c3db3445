// Stored filings for check.find and f:previous() (see store_queries.h).
#include "store/store_queries.h"

#include <charconv>

#include "store/database.h"
#include "store/filing_store.h"
#include "store/sql.h"

namespace formwork::store {

namespace {

class StoreQueries final : public FilingQueries {
public:
    explicit StoreQueries(const std::string& path)
        : db_(Database::open(path, OpenMode::ReadOnly)),
          store_(db_),
          data_version_(db_.handle(), db_.path(),
                        db_.shared() ? "SELECT coalesce(max(id), 0) + (SELECT count(*) FROM filings) FROM revisions"
                                     : "PRAGMA data_version",
                        StoreError::Action::Read),
          list_headers_(db_.handle(), db_.path(), "SELECT id, template_id, template_version, title, year FROM filings ORDER BY id",
                        StoreError::Action::Read) {}

    // Read again when another connection committed since (the shell saving a filing while its
    // live checks keep this connection open): PRAGMA data_version tells, at the cost of a step;
    // on PostgreSQL the newest revision and the count of filings do.
    const std::vector<FilingHeader>& headers() override {
        std::int64_t version = 0;
        {
            auto use = data_version_.use();
            if (use.step()) version = use.int64(0);
        }
        if (!read_ || version != version_) {
            read_ = true;
            version_ = version;
            ++generation_;
            headers_.clear();
            // The five columns a header needs, not FilingStore::list's eleven: a batch reads
            // every filing's header before its first f:previous() can answer.
            auto q = list_headers_.use();
            while (q.step()) {
                FilingHeader h{q.int64(0), q.text(1), q.text(3), std::nullopt, static_cast<int>(q.int64(2))};
                const std::string_view y = q.view(4);
                int year = 0;
                const auto [end, ec] = std::from_chars(y.data(), y.data() + y.size(), year);
                if (ec == std::errc() && end == y.data() + y.size()) h.year = year;
                headers_.push_back(std::move(h));
            }
        }
        return headers_;
    }

    std::uint64_t headers_generation() const override { return generation_; }

    std::optional<Filing> load(std::int64_t id) override {
        try {
            return store_.load(id);
        } catch (const StoreError&) {
            return std::nullopt;  // gone meanwhile, or damaged
        }
    }

private:
    Database db_;
    FilingStore store_;
    Statement data_version_;
    Statement list_headers_;
    bool read_ = false;
    std::int64_t version_ = 0;
    std::uint64_t generation_ = 0;
    std::vector<FilingHeader> headers_;
};

}  // namespace

QueryFactory query_factory(const std::string& db_path) {
    return [db_path]() -> std::unique_ptr<FilingQueries> { return std::make_unique<StoreQueries>(db_path); };
}

}  // namespace formwork::store
