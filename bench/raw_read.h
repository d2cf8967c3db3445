// The "raw read" baseline of the batch check: every stored filing read with plain SELECTs
// (no FilingStore), cells grouped per filing and rebuilt into a Filing with from_cells. This
// is the one place outside src/store with SQL, allowed for the baseline only.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/filing.h"

namespace formwork::bench {

// Calls `visit` for every filing in id order; returns the number of cell rows read.
std::int64_t raw_read_filings(const std::string& db_path, const std::function<void(Filing&&)>& visit);

}  // namespace formwork::bench
