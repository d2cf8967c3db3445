// Filings held in memory as a query source (see filing_queries.h).
#include "core/filing_queries.h"

#include <atomic>

namespace formwork {

FilingQueries::FilingQueries() {
    static std::atomic<std::uint64_t> next{0};
    serial_ = ++next;
}

MemoryQueries::MemoryQueries(std::vector<Filing> filings, const std::function<FilingHeader(const Filing&)>& header_of)
    : filings_(std::move(filings)) {
    for (const Filing& f : filings_) headers_.push_back(header_of(f));
}

std::optional<Filing> MemoryQueries::load(std::int64_t id) {
    for (const Filing& f : filings_)
        if (f.id == id) return f;
    return std::nullopt;
}

}  // namespace formwork
