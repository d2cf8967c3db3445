// The filing list's sort order (src/ui/filing_sort.h): each column both ways, blanks last,
// problem counts by how bad, and ties in id order.
#include <catch2/catch.hpp>

#include <deque>

#include "ui/filing_sort.h"

using namespace formwork;
using namespace formwork::ui;

namespace {

struct Fixture {
    std::deque<store::FilingSummary> summaries;  // rows point into it
    std::vector<FilingRow> rows;

    void add(std::int64_t id, std::string title, std::string year, std::optional<FilingCounts> counts) {
        store::FilingSummary s;
        s.id = id;
        s.title = std::move(title);
        s.year = std::move(year);
        summaries.push_back(s);
        rows.push_back({&summaries.back(), counts});
    }
    std::vector<std::int64_t> ids(FilingColumn column, bool descending) {
        sort_filings(rows, column, descending);
        std::vector<std::int64_t> out;
        for (const auto& r : rows) out.push_back(r.summary->id);
        return out;
    }
};

FilingCounts counts(int errors, int warnings, int infos, bool damaged = false) {
    FilingCounts c;
    c.errors = errors;
    c.warnings = warnings;
    c.infos = infos;
    c.damaged = damaged;
    return c;
}

}  // namespace

TEST_CASE("ui-sort-1.1 by title, either way, blank titles last and ties by id") {
    Fixture f;
    f.add(1, "政务服务课题经费", "2024", counts(0, 0, 0));
    f.add(2, "", "2024", counts(0, 0, 0));
    f.add(3, "信息化管理专项经费", "2024", counts(0, 0, 0));
    f.add(4, "信息化管理专项经费", "2023", counts(0, 0, 0));
    f.add(5, "B网评员培训经费", "2024", counts(0, 0, 0));
    using V = std::vector<std::int64_t>;
    CHECK(f.ids(FilingColumn::Title, false) == V{5, 3, 4, 1, 2});  // as text (code point order)
    CHECK(f.ids(FilingColumn::Title, true) == V{2, 1, 3, 4, 5});
    CHECK(filing_before(f.rows[0], f.rows[1], FilingColumn::Title) == (f.rows[0].summary->title > f.rows[1].summary->title));
}

TEST_CASE("ui-sort-1.2 by year as a number, blank years last") {
    Fixture f;
    f.add(1, "a", "2024", std::nullopt);
    f.add(2, "b", "", std::nullopt);
    f.add(3, "c", "999", std::nullopt);
    f.add(4, "d", "2022", std::nullopt);
    f.add(5, "e", "2024", std::nullopt);
    using V = std::vector<std::int64_t>;
    CHECK(f.ids(FilingColumn::Year, false) == V{3, 4, 1, 5, 2});
    CHECK(f.ids(FilingColumn::Year, true) == V{2, 1, 5, 4, 3});  // ties stay in id order
}

TEST_CASE("ui-sort-1.3 by problems: damaged, errors, warnings, info, and not yet counted before none") {
    Fixture f;
    f.add(1, "a", "2024", counts(1, 5, 0));
    f.add(2, "b", "2024", counts(2, 0, 0));
    f.add(3, "c", "2024", counts(1, 5, 1));
    f.add(4, "d", "2024", counts(0, 0, 0, true));
    f.add(5, "e", "2024", std::nullopt);
    f.add(6, "f", "2024", counts(0, 0, 0));
    f.add(7, "g", "2024", counts(0, 0, 3));
    using V = std::vector<std::int64_t>;
    CHECK(f.ids(FilingColumn::Problems, true) == V{4, 2, 3, 1, 7, 6, 5});
    CHECK(f.ids(FilingColumn::Problems, false) == V{5, 6, 7, 1, 3, 2, 4});
}

TEST_CASE("ui-sort-1.4 the comparator is a strict weak order (std::sort's contract)") {
    Fixture f;
    f.add(1, "x", "2024", counts(1, 0, 0));
    f.add(2, "x", "2024", counts(1, 0, 0));
    f.add(3, "", "", std::nullopt);
    for (FilingColumn c : {FilingColumn::Title, FilingColumn::Year, FilingColumn::Problems})
        for (const auto& a : f.rows) {
            CHECK_FALSE(filing_before(a, a, c));
            for (const auto& b : f.rows)
                if (a.summary != b.summary) CHECK(filing_before(a, b, c) != filing_before(b, a, c));
        }
}
