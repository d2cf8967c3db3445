// Next year's filing of a continuing project (延续项目): a draft made from this year's filing,
// with the budget year one later, the amounts kept or cleared as the template's `next_year`
// section says, and the project period checked against the new year. The draft is a new
// filing (id 0) of the same template version; the caller migrates an old filing to the
// current version first, and saves or opens the draft.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"

namespace formwork {

struct NextYearCopy {
    enum class Refusal {
        None,
        NoYearField,  // the template has no budget-year field: next year's filing could not be told from this one
        NoYear,       // the year field holds no year
    };
    Refusal refusal = Refusal::None;

    Filing filing;  // the draft
    int year = 0;   // its budget year
    std::vector<std::string> cleared;  // cell paths (filing_cells.h) blanked in the draft
    std::size_t notes_left = 0;        // the source's notes, which belong to its document and are not copied

    // The project period: the template's `next_year.period` (else start_year/end_year, else
    // project_period) as filed. `covers` is false only when both ends are known and the new
    // year lies outside them.
    std::optional<int> period_start, period_end;
    bool covers = true;

    bool ok() const { return refusal == Refusal::None; }
};

NextYearCopy next_year_copy(const Filing& source, const FormSpec& spec);

// The period fields next_year_copy reads: two fields (start, end), one printed period, or none.
std::vector<std::string> period_fields(const FormSpec& spec);

}  // namespace formwork
