// Saving: diff the filing's cells against the stored ones and write only the difference,
// with a revision that records it, in one transaction. Restoring is a save of old cells.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "store/filing_store_impl.h"

namespace formwork::store {

namespace {

constexpr auto kWrite = StoreError::Action::Write;

std::string now_utc() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t secs = system_clock::to_time_t(now);
    const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm {};
    gmtime_r(&secs, &tm);
    char buf[64];  // roomier than needed: GCC cannot see that the fields are in range
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}

const std::string& cell_or_empty(const FilingCells& cells, const char* path) {
    static const std::string empty;
    auto it = cells.find(path);
    return it == cells.end() ? empty : it->second;
}

// The filings row repeats the "m/" cells so that list() needs no cells.
struct Columns {
    const std::string& template_id;
    std::int64_t template_version;
    const std::string& title;
    const std::string& year;
};

Columns columns_of(const FilingCells& cells) {
    return {cell_or_empty(cells, kTemplateCell), std::atoll(cell_or_empty(cells, kTemplateVersionCell).c_str()),
            cell_or_empty(cells, kTitleCell), cell_or_empty(cells, kYearCell)};
}

bool is_meta(const std::string& path) { return path.starts_with("m/"); }

}  // namespace

FilingCells stored_cells(const Filing& filing, const SaveInfo& info) {
    FilingCells cells = to_cells(filing);
    cells[kTemplateCell] = filing.template_id;
    cells[kTemplateVersionCell] = std::to_string(filing.template_version);
    cells[kTitleCell] = info.title;
    cells[kYearCell] = info.year;
    return cells;
}

SaveResult FilingStore::Impl::write(std::int64_t id, const FilingCells& next, const std::string& summary,
                                    std::int64_t restored_from) {
    WriteTransaction transaction(tx);
    const std::int64_t changes_before = sqlite3_total_changes64(db);
    const std::string at = now_utc();
    const Columns cols = columns_of(next);
    const bool creating = id == 0;

    FilingCells stored;
    if (creating) {
        insert_filing.use().bind(1, cols.template_id).bind(2, cols.template_version).bind(3, cols.title)
            .bind(4, cols.year).bind(5, at).run();
        id = sqlite3_last_insert_rowid(db);
    } else {
        require_filing(id, kWrite);
        stored = read_cells(id);
    }

    const std::vector<CellChange> changes = diff_cells(stored, next);
    if (!creating && changes.empty()) return {id, 0, 0, 0};  // the transaction rolls back, having written nothing

    {
        auto q = insert_revision.use();
        q.bind(1, id).bind(2, at).bind(3, summary).bind(4, static_cast<std::int64_t>(changes.size()));
        if (restored_from != 0) q.bind(5, restored_from);
        q.run();
    }
    const std::int64_t revision = sqlite3_last_insert_rowid(db);

    for (const CellChange& c : changes) {
        if (!c.has_new) delete_cell.use().bind(1, id).bind(2, c.path).run();
        else if (c.had_old) update_cell.use().bind(1, id).bind(2, c.path).bind(3, c.new_text).run();
        else insert_cell.use().bind(1, id).bind(2, c.path).bind(3, c.new_text).run();

        // The first revision records no change rows: its changes are the whole content as of
        // that revision, which load_revision rebuilds anyway, and an import of thousands of
        // filings would otherwise write every cell twice.
        if (creating) continue;
        auto q = insert_change.use();
        q.bind(1, revision).bind(2, c.path);
        if (c.had_old) q.bind(3, c.old_text);
        if (c.has_new) q.bind(4, c.new_text);
        q.run();
    }

    // Last, after every cell: the triggers that drop the snapshot when a cell changes fire for
    // the writes above, not for this one (filing_snapshot.h).
    write_snapshot.use().bind(1, id).bind_blob(2, encode_snapshot(next)).run();

    // A typical save sets only the bookkeeping columns, leaving the indexed summary columns
    // (and their index pages) alone unless one of them changed; the insert set them already.
    if (!creating && std::any_of(changes.begin(), changes.end(), [](const CellChange& c) { return is_meta(c.path); }))
        update_filing.use().bind(1, id).bind(2, cols.template_id).bind(3, cols.template_version).bind(4, cols.title)
            .bind(5, cols.year).bind(6, at).bind(7, revision).run();
    else
        touch_filing.use().bind(1, id).bind(2, at).bind(3, revision).run();
    transaction.commit();
    return {id, revision, changes.size(), sqlite3_total_changes64(db) - changes_before};
}

SaveResult FilingStore::save(Filing& filing, const SaveInfo& info) {
    SaveResult r = impl_->write(filing.id, stored_cells(filing, info), info.summary, 0);
    filing.id = r.id;
    return r;
}

SaveResult FilingStore::restore(std::int64_t filing_id, std::int64_t revision_id, const std::string& summary) {
    // One transaction around reading the old content and writing it, so that a save by
    // another program cannot slip in between.
    WriteTransaction transaction(impl_->tx);
    const FilingCells old = impl_->cells_at(filing_id, revision_id);
    SaveResult r = impl_->write(filing_id, old, summary, revision_id);
    transaction.commit();
    return r;
}

}  // namespace formwork::store
