// Drafts: the shell's autosave. While a filing has unsaved changes the shell writes it here
// every few seconds; after a crash the next start offers the drafts back. A draft is not a
// revision: saving the filing (or discarding the edits) removes it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/filing.h"
#include "store/database.h"

namespace formwork::store {

struct DraftInfo {
    std::int64_t id = 0;
    std::int64_t filing_id = 0;  // 0: a filing that was never saved
    std::string template_id;
    std::string title;
    std::string saved_at;  // ISO-8601 UTC
};

class DraftStore {
public:
    explicit DraftStore(Database& db);
    ~DraftStore();
    DraftStore(const DraftStore&) = delete;
    DraftStore& operator=(const DraftStore&) = delete;

    // Writes the filing's content as draft `draft_id` (0: a new draft); returns its id.
    std::int64_t save(const Filing& filing, const std::string& title, std::int64_t draft_id = 0);
    std::vector<DraftInfo> list();
    // The filing as drafted, with its id (0 when never saved) and template.
    Filing load(std::int64_t draft_id);
    void discard(std::int64_t draft_id);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace formwork::store
