// The stored filings as checks query them (core/filing_queries.h): a connection of its own,
// opened read-only, so that every worker thread of a batch check can have one.
#pragma once

#include <memory>
#include <string>

#include "core/filing_queries.h"

namespace formwork::store {

// A factory opening `db_path` read-only for each engine that asks (throws StoreError when the
// file cannot be opened).
QueryFactory query_factory(const std::string& db_path);

}  // namespace formwork::store
