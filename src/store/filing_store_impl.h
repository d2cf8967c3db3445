// Internal to src/store: the statement cache of a FilingStore and the pieces its member
// functions share (split over filing_store.cpp, filing_save.cpp and filing_read.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/filing_cells.h"
#include "store/filing_snapshot.h"
#include "store/filing_store.h"
#include "store/sql.h"

namespace formwork::store {

// The store's own cells beside the filing's: the template and the summary columns are saved
// and diffed like any cell, so a revision records a change of template or title and a
// restore brings them back. core paths never start with "m/".
inline constexpr const char* kTemplateCell = "m/template";
inline constexpr const char* kTemplateVersionCell = "m/template_version";
inline constexpr const char* kTitleCell = "m/title";
inline constexpr const char* kYearCell = "m/year";

FilingCells stored_cells(const Filing& filing, const SaveInfo& info);
// A random 128-bit id in hex: the same filing or revision in another store (push, pull).
std::string new_uid();
// Takes the "m/" cells out of `cells` and rebuilds the filing; StoreError BadData if the
// cells do not make one.
Filing filing_from_stored(FilingCells cells, std::int64_t id, const std::string& path);

struct FilingStore::Impl {
    explicit Impl(Database& db);

    Connection* db;
    std::string path;
    TransactionStatements tx;

    Statement insert_filing, update_filing, touch_filing, filing_exists, lock_filing, delete_filing, list_filings;
    Statement select_cells, insert_cell, update_cell, delete_cell;
    Statement insert_revision, insert_change, list_revisions, revision_exists, later_changes, changed_paths;
    // The per-filing snapshot (filing_snapshot.h), on both engines: written last by a save
    // (on PostgreSQL made by the server), read by batches (streamed, one row per filing) and
    // by load.
    Statement write_snapshot, all_snapshots, select_snapshot;

    [[noreturn]] void not_found(StoreError::Code code, std::int64_t id, StoreError::Action action) const;
    // The filing's head revision; FilingNotFound when it is not stored (or not visible).
    std::int64_t require_filing(std::int64_t id, StoreError::Action action);
    FilingCells read_cells(std::int64_t id);
    // The filing from its snapshot, or from its cells when it has none or it does not decode.
    Filing read_filing(std::int64_t id);
    // The cells as they were right after `revision_id`: the current ones with every later
    // change undone, newest first.
    FilingCells cells_at(std::int64_t filing_id, std::int64_t revision_id);
    // Where a revision copied from another store came from (FilingStore::append).
    struct Origin {
        const std::string& filing_uid;
        const std::string& revision_uid;
        const std::string& at;
    };
    // Makes the stored cells of filing `id` (0: a new filing) equal `next`, as one revision.
    // `base`: the revision `next` was edited from (0: unconditional); see FilingStore::save.
    // When the save was merged over a newer one, `next` becomes the stored content.
    SaveResult write(std::int64_t id, FilingCells& next, const std::string& summary, std::int64_t restored_from,
                     std::int64_t base = 0, const Origin* origin = nullptr);
};

}  // namespace formwork::store
