// Three-way merge of a filing's cells: the edits made from `base` to `mine`, applied over
// `theirs` (what another save stored meanwhile). Where both changed a cell to different texts
// the caller says whose to keep; every other edit of either side is kept. The shell's conflict
// view resolves a refused save with it.
#pragma once

#include <set>
#include <string>

#include "core/filing_cells.h"

namespace formwork {

// `take_theirs`: paths changed on both sides whose stored (their) text is kept.
FilingCells merge_cells(const FilingCells& base, const FilingCells& mine, const FilingCells& theirs,
                        const std::set<std::string>& take_theirs);

}  // namespace formwork
