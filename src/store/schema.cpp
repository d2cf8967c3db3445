// The schema versions of a Formwork database and how to move a file forward (see schema.h).
#include "store/schema.h"

#include <string>

#include "store/filing_snapshot.h"
#include "store/sql.h"

namespace formwork::store {

namespace {

// Version 1.
//  filings         one row per filing: the columns a list shows without reading cells.
//                  AUTOINCREMENT so that the id of a removed filing is never given to another
//                  (ids appear in reports and scripts).
//  filing_cells    the content, one row per (path → text) cell of core/filing_cells.h, plus
//                  the store's own "m/…" cells (template, version, title, year), so a save
//                  diffs and writes one cell at a time. WITHOUT ROWID: the primary key is the
//                  only access path, and a filing's cells lie together in path order.
//  revisions       one row per save that changed something; head_revision in filings is
//                  the newest. restored_from names the revision a restore brought back.
//  revision_changes  what each save changed: NULL old_value = the cell was added, NULL
//                  new_value = removed. Earlier contents are rebuilt by undoing these
//                  from the current cells backwards.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE filings (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    template_id      TEXT    NOT NULL,
    template_version INTEGER NOT NULL,
    title            TEXT    NOT NULL DEFAULT '',
    year             TEXT    NOT NULL DEFAULT '',
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    head_revision    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX filings_by_template_year ON filings(template_id, year);

CREATE TABLE filing_cells (
    filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    path      TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    PRIMARY KEY (filing_id, path)
) WITHOUT ROWID;

CREATE TABLE revisions (
    id            INTEGER PRIMARY KEY,
    filing_id     INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    at            TEXT    NOT NULL,
    summary       TEXT    NOT NULL DEFAULT '',
    change_count  INTEGER NOT NULL,
    restored_from INTEGER
);
CREATE INDEX revisions_by_filing ON revisions(filing_id, id);

CREATE TABLE revision_changes (
    revision_id INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
    path        TEXT    NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    PRIMARY KEY (revision_id, path)
) WITHOUT ROWID;
)sql";

// Version 2.
//  drafts          unsaved edits of the shell, written every few seconds while a filing has
//                  changes and removed when it is saved or the edits are discarded, so that a
//                  crash loses at most those seconds. filing_id 0: a filing never saved.
//                  cells holds the filing as length-prefixed path/value pairs (drafts.cpp).
constexpr const char* kVersion2 = R"sql(
CREATE TABLE drafts (
    id               INTEGER PRIMARY KEY,
    filing_id        INTEGER NOT NULL DEFAULT 0,
    template_id      TEXT    NOT NULL,
    template_version INTEGER NOT NULL,
    title            TEXT    NOT NULL DEFAULT '',
    saved_at         TEXT    NOT NULL,
    cells            TEXT    NOT NULL
);
)sql";

// Version 3 (issue 19).
//  review_notes       a reviewer's note on a filing (check_id and path '') or on one finding
//                     (its check and path). Kept apart from the cells so that a note never
//                     counts as a change to the filing.
//  accepted_warnings  a warning the reviewer judged fine, with the value (review_value) of
//                     its place when accepted: a later edit of that value brings it back.
constexpr const char* kVersion3 = R"sql(
CREATE TABLE review_notes (
    filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    check_id  TEXT    NOT NULL,
    path      TEXT    NOT NULL,
    text      TEXT    NOT NULL,
    at        TEXT    NOT NULL,
    PRIMARY KEY (filing_id, check_id, path)
) WITHOUT ROWID;

CREATE TABLE accepted_warnings (
    filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    check_id  TEXT    NOT NULL,
    path      TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    at        TEXT    NOT NULL,
    PRIMARY KEY (filing_id, check_id, path)
) WITHOUT ROWID;
)sql";

// Version 4 (issue 15), the same columns as the shared PostgreSQL store's (pg_schema.cpp).
//  filings.department  the filing's department field as saved (the shared store keeps each
//                      department to its own filings by it); filled from the cells here.
//  filings.status      draft → submitted → approved, or returned with status_reason.
//  filings.uid, revisions.uid  the same filing and revision in another store, for push and
//                      pull; given when first needed.
//  drafts.base_revision  the revision a draft's edits started from, so that saving a draft
//                      offered back after a crash still detects a save that landed since.
//  status_changes      every status change with the check results at submission (findings).
constexpr const char* kVersion4 = R"sql(
ALTER TABLE filings ADD COLUMN department TEXT NOT NULL DEFAULT '';
ALTER TABLE filings ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE filings ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE filings ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX filings_by_uid ON filings(uid);
UPDATE filings SET department = coalesce(
    (SELECT value FROM filing_cells c WHERE c.filing_id = filings.id AND c.path = 'f/department'), '');
ALTER TABLE revisions ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE revisions ADD COLUMN uid TEXT;
CREATE UNIQUE INDEX revisions_by_uid ON revisions(uid);
ALTER TABLE drafts ADD COLUMN base_revision INTEGER NOT NULL DEFAULT 0;
CREATE TABLE status_changes (
    id        INTEGER PRIMARY KEY,
    filing_id INTEGER NOT NULL REFERENCES filings(id) ON DELETE CASCADE,
    revision  INTEGER NOT NULL,
    status    TEXT    NOT NULL,
    reason    TEXT    NOT NULL DEFAULT '',
    at        TEXT    NOT NULL,
    actor     TEXT    NOT NULL DEFAULT '',
    findings  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX status_changes_by_filing ON status_changes(filing_id, id);
)sql";

// Version 5 (issue 16).
//  filing_snapshots   every cell of a filing in one blob (filing_snapshot.h), written by the
//                     transaction that writes the cells, so that a batch check reads one row
//                     per filing. A cell row updated or deleted by anything but a save (a
//                     hand edit, a damaged row rewritten) drops the filing's snapshot through
//                     the triggers, and readers fall back to the cells: the cells stay the truth.
//                     A save writes its cells first and the snapshot last, so its own cell
//                     changes never leave it without one.
constexpr const char* kVersion5 = R"sql(
CREATE TABLE filing_snapshots (
    filing_id INTEGER PRIMARY KEY REFERENCES filings(id) ON DELETE CASCADE,
    cells     BLOB    NOT NULL
);
CREATE TRIGGER filing_cells_updated AFTER UPDATE ON filing_cells BEGIN
    DELETE FROM filing_snapshots WHERE filing_id IN (OLD.filing_id, NEW.filing_id);
END;
CREATE TRIGGER filing_cells_deleted AFTER DELETE ON filing_cells BEGIN
    DELETE FROM filing_snapshots WHERE filing_id = OLD.filing_id;
END;
)sql";

// 4 → 5: the snapshot of every filing already stored, made from its cells.
void add_filing_snapshots(sqlite3* db, const std::string& path) { fill_filing_snapshots(db, path); }

constexpr Migration kMigrations[] = {
    {1, kVersion1},
    {2, kVersion2},
    {3, kVersion3},
    {4, kVersion4},
    {5, kVersion5, add_filing_snapshots},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations[std::size(kMigrations) - 1].version; }

void apply_migrations(sqlite3* db, const std::string& path, int from_version, std::span<const Migration> list) {
    for (const Migration& m : list) {
        if (m.version <= from_version) continue;
        if (m.version != from_version + 1)
            throw StoreError(StoreError::Code::Sql, StoreError::Action::Open, path,
                             "migration list skips from version " + std::to_string(from_version) + " to " +
                                 std::to_string(m.version));
        exec(db, path, m.sql, StoreError::Action::Open);
        if (m.then) m.then(db, path);
        // PRAGMA takes no bound parameters; the numbers are ours, not user text.
        const std::string stamp = "PRAGMA user_version = " + std::to_string(m.version) +
                                  "; PRAGMA application_id = " + std::to_string(kApplicationId) + ";";
        exec(db, path, stamp.c_str(), StoreError::Action::Open);
        from_version = m.version;
    }
}

}  // namespace formwork::store
