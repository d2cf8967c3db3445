// The filing list's order when the user sorts by a column: by title, year or problem count,
// either way, ties kept in id order so that rows never swap places between frames.
#pragma once

#include <optional>
#include <vector>

#include "store/filing_store.h"
#include "ui/problem_counts.h"

namespace formwork::ui {

enum class FilingColumn { Title, Year, Problems };

struct FilingRow {
    const store::FilingSummary* summary = nullptr;
    std::optional<FilingCounts> counts;  // nullopt: not counted yet
};

// Whether `a` comes before `b` in ascending order of `column`:
//   Title     by title as text (blank titles last), then id;
//   Year      by year as a number (blank last), then id;
//   Problems  by how bad: damaged, then errors, then warnings, then info (fewest first;
//             not yet counted before none), then id.
bool filing_before(const FilingRow& a, const FilingRow& b, FilingColumn column);

// Sorts rows by `column`, descending when asked (ties still in id order).
void sort_filings(std::vector<FilingRow>& rows, FilingColumn column, bool descending);

}  // namespace formwork::ui
