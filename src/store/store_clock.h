// Internal to src/store: the time the store writes beside drafts, review marks and status
// changes (to the second, UTC). Revisions keep milliseconds of their own (filing_save.cpp):
// two saves within a second must still be told apart there.
#pragma once

#include <string>

namespace formwork::store {

// Now as "2026-11-27T02:33:00Z".
std::string now_iso();

}  // namespace formwork::store
