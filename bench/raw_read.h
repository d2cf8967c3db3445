// The "raw read" baseline of the batch check: every stored filing read with plain SELECTs
// (no FilingStore), from its cells or from its snapshot, and rebuilt into a Filing. This is
// the one place outside src/store with SQL, allowed for the baseline only.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/filing.h"

namespace formwork::bench {

// Calls `visit` for every filing in id order; returns the number of cell rows read.
std::int64_t raw_read_filings(const std::string& db_path, const std::function<void(Filing&&)>& visit);

// The same from the per-filing snapshots (schema version 4, store/filing_snapshot.h), the
// form `formwork check` reads: one plain SELECT, each blob decoded into a Filing. Returns the
// number of filings read.
std::int64_t raw_read_snapshots(const std::string& db_path, const std::function<void(Filing&&)>& visit);

}  // namespace formwork::bench
