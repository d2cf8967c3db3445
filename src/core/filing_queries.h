// What checks can ask of the other stored filings (check.find, f:previous()): the index of
// every filing, read once, and the filing itself, loaded only when a check asks for it. The
// CLI and the shell give the engine a factory over their store; every engine (and every
// worker thread's helper engine) opens its own, when its first query comes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/filing.h"

namespace formwork {

struct FilingHeader {
    std::int64_t id = 0;
    std::string template_id;
    std::string title;
    std::optional<int> year;
    int template_version = 0;  // 0: not known (the current version is used)
};

class FilingQueries {
public:
    FilingQueries();
    virtual ~FilingQueries() = default;
    virtual const std::vector<FilingHeader>& headers() = 0;       // every stored filing
    virtual std::optional<Filing> load(std::int64_t id) = 0;      // nullopt: gone or unreadable
    // Changes whenever headers() has been read anew, so that what a caller derived from the
    // headers (an index by year and title) knows when to derive it again.
    virtual std::uint64_t headers_generation() const { return 0; }
    // Unique among the objects of a process, so that what was derived from one object's headers
    // is never taken for another's that was given the same address.
    std::uint64_t serial() const { return serial_; }

private:
    std::uint64_t serial_;
};

using QueryFactory = std::function<std::unique_ptr<FilingQueries>()>;

// The filings of a list held in memory (examples of checks, tests): headers computed with
// `title_of` and `year_of`.
class MemoryQueries final : public FilingQueries {
public:
    MemoryQueries(std::vector<Filing> filings, const std::function<FilingHeader(const Filing&)>& header_of);
    const std::vector<FilingHeader>& headers() override { return headers_; }
    std::optional<Filing> load(std::int64_t id) override;

private:
    std::vector<Filing> filings_;
    std::vector<FilingHeader> headers_;
};

}  // namespace formwork
