// Copying filings between stores (see sync.h). Each filing is copied in its own transaction on
// the target, so that one refused filing (another department's, a submitted one) does not
// undo the others.
#include "store/sync.h"

#include <algorithm>

#include "store/filing_store.h"

namespace formwork::store {

SyncReport copy_filings(Database& from, Database& to, Lang lang) {
    FilingStore source(from), target(to);
    SyncReport report;
    for (const FilingSummary& s : source.list()) {
        try {
            const std::string uid = source.uid(s.id);
            const std::vector<std::string> theirs = source.revision_uids(s.id);
            std::int64_t id = target.find_uid(uid).value_or(0);
            const std::vector<std::string> ours = id ? target.revision_uids(id) : std::vector<std::string>{};
            // The target's revisions must be the first of the source's; the rest are copied.
            if (ours.size() > theirs.size() || !std::equal(ours.begin(), ours.end(), theirs.begin())) {
                if (ours.size() >= theirs.size() && std::equal(theirs.begin(), theirs.end(), ours.begin())) {
                    ++report.unchanged;  // the target is ahead: nothing to copy this way
                } else {
                    report.diverged.push_back(s.id);
                }
                continue;
            }
            if (ours.size() == theirs.size()) {
                ++report.unchanged;
                continue;
            }
            const auto history = source.history(s.id);
            const bool creating = id == 0;
            FilingStore::Batch batch(target);
            for (std::size_t i = ours.size(); i < history.size(); ++i) {
                target.append(id, uid, history[i]);
                ++report.revisions;
            }
            batch.commit();
            ++(creating ? report.created : report.updated);
        } catch (const StoreError& e) {
            report.failed.push_back("#" + std::to_string(s.id) + ": " + describe(e, lang));
        }
    }
    return report;
}

}  // namespace formwork::store
