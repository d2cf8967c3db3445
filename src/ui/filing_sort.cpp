// The filing list's sort order (see filing_sort.h).
#include "ui/filing_sort.h"

#include <algorithm>
#include <tuple>

namespace formwork::ui {

namespace {

// -1, 0, 1 as a < b, a == b, a > b; the primary key of a column, without the id.
int compare(const FilingRow& a, const FilingRow& b, FilingColumn column) {
    const store::FilingSummary& x = *a.summary;
    const store::FilingSummary& y = *b.summary;
    switch (column) {
        case FilingColumn::Title:
            if (x.title.empty() != y.title.empty()) return x.title.empty() ? 1 : -1;
            return x.title.compare(y.title) < 0 ? -1 : x.title == y.title ? 0 : 1;
        case FilingColumn::Year: {
            if (x.year.empty() != y.year.empty()) return x.year.empty() ? 1 : -1;
            // Years are digits: the shorter is the smaller, then as text.
            const auto kx = std::make_tuple(x.year.size(), std::string_view(x.year));
            const auto ky = std::make_tuple(y.year.size(), std::string_view(y.year));
            return kx < ky ? -1 : kx == ky ? 0 : 1;
        }
        case FilingColumn::Problems: {
            auto key = [](const std::optional<FilingCounts>& c) {
                return c ? std::make_tuple(1, c->damaged ? 1 : 0, c->errors, c->warnings, c->infos) : std::make_tuple(0, 0, 0, 0, 0);
            };
            const auto kx = key(a.counts), ky = key(b.counts);
            return kx < ky ? -1 : kx == ky ? 0 : 1;
        }
    }
    return 0;
}

}  // namespace

bool filing_before(const FilingRow& a, const FilingRow& b, FilingColumn column) {
    const int c = compare(a, b, column);
    return c != 0 ? c < 0 : a.summary->id < b.summary->id;
}

void sort_filings(std::vector<FilingRow>& rows, FilingColumn column, bool descending) {
    std::sort(rows.begin(), rows.end(), [&](const FilingRow& a, const FilingRow& b) {
        const int c = compare(a, b, column);
        if (c != 0) return descending ? c > 0 : c < 0;
        return a.summary->id < b.summary->id;
    });
}

}  // namespace formwork::ui
