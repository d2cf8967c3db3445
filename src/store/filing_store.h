// Filings in a Formwork database: saving (one transaction that writes only the cells that
// changed and records them as a revision), loading, listing, removing, and the history of
// each filing: its revisions, the content as of any of them, and restoring one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/filing.h"
#include "core/filing_cells.h"
#include "store/database.h"

namespace formwork::store {

struct SaveInfo {
    // Columns for lists and searches, derived by the caller from the template's fields; the
    // store does not interpret fields itself.
    std::string title;
    std::string year;
    // What the user did, shown in the revision list.
    std::string summary;
};

struct SaveResult {
    std::int64_t id = 0;
    std::int64_t revision = 0;  // 0: nothing had changed, so nothing was written
    std::size_t changed_cells = 0;
    std::int64_t rows_written = 0;  // rows inserted, updated or deleted, all tables together
    // Another save had landed since the filing's revision, on other cells: this one was
    // applied on top of it, and the saved filing now holds both (see FilingStore::save).
    bool merged = false;

    bool changed() const { return revision != 0; }
};

struct FilingSummary {
    std::int64_t id = 0;
    std::string template_id;
    int template_version = 0;
    std::string title;
    std::string year;
    std::string created_at;  // ISO-8601 UTC, e.g. 2024-05-01T08:30:00.125Z
    std::string updated_at;
    std::int64_t head_revision = 0;
    std::string department;  // the department field as saved
    std::string status;      // "draft", "submitted", "approved", "returned" (filing_status.h)
    std::string status_reason;
};

struct RevisionInfo {
    std::int64_t id = 0;
    std::string at;  // ISO-8601 UTC
    std::string summary;
    std::int64_t change_count = 0;
    std::int64_t restored_from = 0;  // the revision a restore brought back; 0 for an edit
};

class WriteTransaction;

class FilingStore {
public:
    // `db` must outlive the store. Statements are prepared here, once.
    explicit FilingStore(Database& db);
    ~FilingStore();
    FilingStore(const FilingStore&) = delete;
    FilingStore& operator=(const FilingStore&) = delete;

    // Inserts when filing.id == 0 (and sets it once committed), else updates the stored
    // filing. Throws StoreError (FilingNotFound when the id is not stored).
    //
    // No silent overwrite: filing.revision is the revision the edits started from. When
    // another save has landed since, the cells both changed (to different texts) are refused
    // as a ConflictError listing them, writing nothing; when the two changed different cells,
    // this save's changes are applied over the other one's (merged), and `filing` becomes the
    // stored content. filing.revision 0 on a stored filing saves unconditionally (last save
    // wins): only for callers that read and write in one go. On success filing.revision is the
    // stored head. A submitted or approved filing cannot be edited (Code::Denied).
    SaveResult save(Filing& filing, const SaveInfo& info);

    // The stored filing, with `revision` set to its head revision (one snapshot).
    Filing load(std::int64_t id);
    std::vector<FilingSummary> list();  // by id
    void remove(std::int64_t id);       // with its cells and history

    std::vector<RevisionInfo> revisions(std::int64_t filing_id);  // newest first
    // The cell paths each revision of a filing changed, by revision id, in path order. A
    // filing's first revision records no change rows (its content is the whole filing), so
    // it is absent. Bookkeeping paths ("m/title", "t/x/#rows") are listed like the others.
    std::map<std::int64_t, std::vector<std::string>> changed_paths(std::int64_t filing_id);
    // The content right after `revision_id` was saved.
    Filing load_revision(std::int64_t filing_id, std::int64_t revision_id);
    // Saves the content of `revision_id` as a new revision (none if it equals the current).
    SaveResult restore(std::int64_t filing_id, std::int64_t revision_id, const std::string& summary = {});

    // Every stored filing in id order, read in one pass over one snapshot (for batch
    // checks). `visit` may read through the other members; saving belongs after the pass,
    // since the pass holds a read transaction that a write cannot always upgrade.
    // A filing whose stored cells do not make a filing (StoreError BadData: a damaged row) is
    // given to `damaged` with the error and skipped, so one bad filing does not hide the
    // others; without a `damaged` handler the error is thrown.
    using DamagedHandler = std::function<void(std::int64_t id, const StoreError& error)>;
    void for_each(const std::function<void(const Filing&)>& visit, const DamagedHandler& damaged = {});
    // The same pass, each filing handed over to keep (moved, not copied), e.g. to a queue.
    // Both read each filing's snapshot (one row per filing: SQLite schema version 5,
    // PostgreSQL version 2), or its cells when it has none.
    void take_each(const std::function<void(Filing&&)>& visit, const DamagedHandler& damaged = {});

    // A filing as take_each_stored reads it, rebuilt when taken: the rebuilding, most of a
    // read's cost, can then happen on the thread that uses the filing, any thread, while the
    // store reads on. take() throws StoreError BadData when the cells do not make a filing.
    class Stored {
    public:
        std::int64_t id() const { return id_; }
        Filing take();

    private:
        friend class FilingStore;
        std::int64_t id_ = 0;
        const std::string* path_ = nullptr;  // the database's, for errors; the store outlives this
        std::string snapshot_;               // a snapshot that decodes, or "" when filing_ holds it
        std::optional<Filing> filing_;       // read from the cells (no usable snapshot)
    };
    void take_each_stored(const std::function<void(Stored&&)>& visit, const DamagedHandler& damaged = {});

    // Copying between stores (push and pull, store/sync.h). A filing and each revision carry
    // an id of their own (uid) that the copy keeps, so that copying again adds only what the
    // other store lacks. Revisions from before uids existed are given one here.
    struct RevisionRecord {
        std::string uid;
        std::string at;
        std::string summary;
        std::map<std::string, std::string> cells;  // the content right after it, store cells
    };
    std::string uid(std::int64_t id);
    std::optional<std::int64_t> find_uid(const std::string& uid);
    std::vector<std::string> revision_uids(std::int64_t id);  // oldest first
    std::vector<RevisionRecord> history(std::int64_t id);      // oldest first
    // Adds `record` as the filing's newest revision, as recorded elsewhere (its uid and time);
    // `id` 0 makes the filing, with `filing_uid`, and sets `id`.
    void append(std::int64_t& id, const std::string& filing_uid, const RevisionRecord& record);

    // Many saves as one transaction, e.g. an import: one durable commit for all of them
    // instead of one each. Rolled back unless committed; an id a save assigned inside a
    // batch that is rolled back means nothing.
    class Batch {
    public:
        explicit Batch(FilingStore& store);
        ~Batch();
        Batch(const Batch&) = delete;
        Batch& operator=(const Batch&) = delete;
        void commit();
        // Whether the batch still holds what was saved in it: false once committed, or when
        // SQLite rolled the whole transaction back after a failed save (a full disk, an I/O
        // error), so that a caller that goes on after one failed save knows what it lost.
        bool intact() const;

    private:
        std::unique_ptr<WriteTransaction> tx_;
    };

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace formwork::store
