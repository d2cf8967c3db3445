// Copying filings between two stores with their revisions: `formwork push` (a local file to
// the shared store) and `pull` (the other way). A filing is the same in both when its uid is;
// its revisions are matched by uid too, so that copying twice adds nothing the second time.
// A filing whose copies each have revisions the other lacks (edited on both sides) is not
// touched and is reported as diverged.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace formwork::store {

struct SyncReport {
    int created = 0;     // filings new to the target
    int updated = 0;     // filings given the revisions they lacked
    int unchanged = 0;   // the target had every revision already
    std::int64_t revisions = 0;  // revisions copied
    std::vector<std::int64_t> diverged;  // source ids edited on both sides since they were copied
    std::vector<std::string> failed;     // "#id: reason" (e.g. a department's role may not write it)
};

SyncReport copy_filings(Database& from, Database& to, Lang lang = Lang::Zh);

}  // namespace formwork::store
