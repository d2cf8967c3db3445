// The FilingStore's prepared statements (every SQL text the store runs after opening is
// here), plus listing, removing and batches.
#include "store/filing_store_impl.h"

namespace formwork::store {

namespace {
constexpr auto kRead = StoreError::Action::Read;
constexpr auto kWrite = StoreError::Action::Write;

// A save holds the filing's row lock from its first read to its commit, so that two saves of
// one filing are serialized and the second sees the first (SQLite's BEGIN IMMEDIATE already
// serializes every write).
const char* lock_sql(Connection* db) {
    return db->backend() == Backend::Postgres ? "SELECT head_revision, status FROM filings WHERE id = ?1 FOR UPDATE"
                                              : "SELECT head_revision, status FROM filings WHERE id = ?1";
}

// SQLite: the program writes the snapshot it encoded (?2). PostgreSQL: the server makes it
// from the cells (pg_schema.cpp), since a login there is not trusted with it.
const char* write_snapshot_sql(Connection* db) {
    return db->backend() == Backend::Postgres ? "SELECT formwork_write_snapshot(?1)"
                                              : "INSERT INTO filing_snapshots(filing_id, cells) VALUES(?1, ?2)"
                                                " ON CONFLICT(filing_id) DO UPDATE SET cells = excluded.cells";
}
}  // namespace

FilingStore::Impl::Impl(Database& database)
    : db(database.handle()),
      path(database.path()),
      tx(db, path),
      insert_filing(db, path,
                    "INSERT INTO filings(template_id, template_version, title, year, created_at, updated_at,"
                    " department, uid) VALUES(?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7) RETURNING id",
                    kWrite),
      update_filing(db, path,
                    "UPDATE filings SET template_id = ?2, template_version = ?3, title = ?4, year = ?5,"
                    " updated_at = ?6, head_revision = ?7, department = ?8 WHERE id = ?1",
                    kWrite),
      touch_filing(db, path, "UPDATE filings SET updated_at = ?2, head_revision = ?3 WHERE id = ?1", kWrite),
      filing_exists(db, path, "SELECT head_revision FROM filings WHERE id = ?1", kRead),
      lock_filing(db, path, lock_sql(db), kWrite),
      delete_filing(db, path, "DELETE FROM filings WHERE id = ?1", kWrite),
      list_filings(db, path,
                   "SELECT id, template_id, template_version, title, year, created_at, updated_at, head_revision,"
                   " department, status, status_reason FROM filings ORDER BY id",
                   kRead),
      select_cells(db, path, "SELECT path, value FROM filing_cells WHERE filing_id = ?1", kRead),
      insert_cell(db, path, "INSERT INTO filing_cells(filing_id, path, value) VALUES(?1, ?2, ?3)", kWrite),
      update_cell(db, path, "UPDATE filing_cells SET value = ?3 WHERE filing_id = ?1 AND path = ?2", kWrite),
      delete_cell(db, path, "DELETE FROM filing_cells WHERE filing_id = ?1 AND path = ?2", kWrite),
      insert_revision(db, path,
                      "INSERT INTO revisions(filing_id, at, summary, change_count, restored_from, uid)"
                      " VALUES(?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                      kWrite),
      insert_change(db, path,
                    "INSERT INTO revision_changes(revision_id, path, old_value, new_value) VALUES(?1, ?2, ?3, ?4)",
                    kWrite),
      list_revisions(db, path,
                     "SELECT id, at, summary, change_count, restored_from FROM revisions"
                     " WHERE filing_id = ?1 ORDER BY id DESC",
                     kRead),
      revision_exists(db, path, "SELECT 1 FROM revisions WHERE id = ?2 AND filing_id = ?1", kRead),
      later_changes(db, path,
                    "SELECT c.path, c.old_value FROM revisions r JOIN revision_changes c ON c.revision_id = r.id"
                    " WHERE r.filing_id = ?1 AND r.id > ?2 ORDER BY r.id DESC",
                    kRead),
      changed_paths(db, path,
                    "SELECT c.revision_id, c.path FROM revisions r JOIN revision_changes c ON c.revision_id = r.id"
                    " WHERE r.filing_id = ?1 ORDER BY c.revision_id, c.path",
                    kRead),
      write_snapshot(db, path, write_snapshot_sql(db), kWrite),
      all_snapshots(db, path,
                    "SELECT f.id, s.cells FROM filings f LEFT JOIN filing_snapshots s ON s.filing_id = f.id ORDER BY f.id",
                    kRead, /*stream=*/true),
      select_snapshot(db, path, "SELECT cells FROM filing_snapshots WHERE filing_id = ?1", kRead) {}

FilingStore::FilingStore(Database& db) : impl_(std::make_unique<Impl>(db)) {}

FilingStore::~FilingStore() = default;

void FilingStore::Impl::not_found(StoreError::Code code, std::int64_t id, StoreError::Action action) const {
    throw StoreError(code, action, path, std::to_string(id));
}

std::int64_t FilingStore::Impl::require_filing(std::int64_t id, StoreError::Action action) {
    auto q = filing_exists.use();
    if (!q.bind(1, id).step()) not_found(StoreError::Code::FilingNotFound, id, action);
    return q.int64(0);
}

std::vector<FilingSummary> FilingStore::list() {
    std::vector<FilingSummary> out;
    auto q = impl_->list_filings.use();
    while (q.step()) {
        FilingSummary s;
        s.id = q.int64(0);
        s.template_id = q.text(1);
        s.template_version = static_cast<int>(q.int64(2));
        s.title = q.text(3);
        s.year = q.text(4);
        s.created_at = q.text(5);
        s.updated_at = q.text(6);
        s.head_revision = q.int64(7);
        s.department = q.text(8);
        s.status = q.text(9);
        s.status_reason = q.text(10);
        out.push_back(std::move(s));
    }
    return out;
}

void FilingStore::remove(std::int64_t id) {
    WriteTransaction tx(impl_->tx);
    impl_->delete_filing.use().bind(1, id).run();
    // The cells and the history go by ON DELETE CASCADE.
    if (impl_->db->changes() == 0) impl_->not_found(StoreError::Code::FilingNotFound, id, kWrite);
    tx.commit();
}

FilingStore::Batch::Batch(FilingStore& store) : tx_(std::make_unique<WriteTransaction>(store.impl_->tx)) {}

FilingStore::Batch::~Batch() = default;

void FilingStore::Batch::commit() { tx_->commit(); }

bool FilingStore::Batch::intact() const { return tx_->active(); }

}  // namespace formwork::store
