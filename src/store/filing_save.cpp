// Saving: diff the filing's cells against the stored ones and write only the difference,
// with a revision that records it, in one transaction. Restoring is a save of old cells. A
// save based on an older revision is merged over the newer ones or refused as a conflict.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <sys/random.h>

#include <map>
#include <optional>

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

// The department column repeats this field, by the id every template gives it.
constexpr const char* kDepartmentCell = "f/department";

std::optional<std::string> cell(const FilingCells& cells, const std::string& path) {
    auto it = cells.find(path);
    if (it == cells.end()) return std::nullopt;
    return it->second;
}

// Three-way: the changes of `mine` (base → next) over `theirs` (base → stored). Cells both
// changed to different texts are returned as conflicts; otherwise `next` becomes stored +
// mine.
std::vector<ConflictCell> merge_over(const FilingCells& base, const FilingCells& stored, FilingCells& next) {
    const std::vector<CellChange> mine = diff_cells(base, next);
    const std::vector<CellChange> theirs = diff_cells(base, stored);
    std::map<std::string, const CellChange*> their_change;
    for (const CellChange& c : theirs) their_change[c.path] = &c;
    std::vector<ConflictCell> conflicts;
    for (const CellChange& m : mine) {
        auto it = their_change.find(m.path);
        if (it == their_change.end()) continue;
        const CellChange& t = *it->second;
        if (m.has_new == t.has_new && (!m.has_new || m.new_text == t.new_text)) continue;  // the same edit
        conflicts.push_back({m.path, cell(base, m.path), cell(next, m.path), cell(stored, m.path)});
    }
    if (!conflicts.empty()) return conflicts;
    FilingCells merged = stored;
    for (const CellChange& m : mine) {
        if (m.has_new) merged[m.path] = m.new_text;
        else merged.erase(m.path);
    }
    next = std::move(merged);
    return {};
}

bool locked_status(const std::string& status) { return status == "submitted" || status == "approved"; }

}  // namespace

std::string new_uid() {
    // From the kernel on every call: a generator's state would be copied into forked children.
    unsigned char bytes[16] = {};
    std::size_t got = 0;
    while (got < sizeof bytes) {
        const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
        if (n > 0) got += static_cast<std::size_t>(n);
    }
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

FilingCells stored_cells(const Filing& filing, const SaveInfo& info) {
    FilingCells cells = to_cells(filing);
    cells[kTemplateCell] = filing.template_id;
    cells[kTemplateVersionCell] = std::to_string(filing.template_version);
    cells[kTitleCell] = info.title;
    cells[kYearCell] = info.year;
    return cells;
}

SaveResult FilingStore::Impl::write(std::int64_t id, FilingCells& next, const std::string& summary,
                                    std::int64_t restored_from, std::int64_t base, const Origin* origin) {
    WriteTransaction transaction(tx);
    const std::int64_t changes_before = db->total_changes();
    const std::string at = origin ? origin->at : now_utc();
    const bool creating = id == 0;

    FilingCells stored;
    bool merged = false;
    std::int64_t head = 0;
    if (creating) {
        const Columns cols = columns_of(next);
        auto q = insert_filing.use();
        q.bind(1, cols.template_id).bind(2, cols.template_version).bind(3, cols.title).bind(4, cols.year).bind(5, at)
            .bind(6, cell_or_empty(next, kDepartmentCell)).bind(7, origin ? origin->filing_uid : new_uid());
        q.step();
        id = q.int64(0);
    } else {
        std::string status;
        {
            auto q = lock_filing.use();
            if (!q.bind(1, id).step()) not_found(StoreError::Code::FilingNotFound, id, kWrite);
            head = q.int64(0);
            status = q.text(1);
        }
        if (locked_status(status))
            throw StoreError(StoreError::Code::Denied, kWrite, path,
                             "filing " + std::to_string(id) + " is " + status);
        stored = read_cells(id);
        if (base != 0 && base != head) {
            std::vector<ConflictCell> conflicts = merge_over(cells_at(id, base), stored, next);
            if (!conflicts.empty()) throw ConflictError(path, id, base, head, std::move(conflicts));
            merged = true;
        }
    }

    const std::vector<CellChange> changes = diff_cells(stored, next);
    if (!creating && changes.empty()) {
        SaveResult nothing{id, 0, 0, 0};
        nothing.merged = merged;
        return nothing;  // the transaction rolls back, having written nothing
    }

    std::int64_t revision = 0;
    {
        auto q = insert_revision.use();
        q.bind(1, id).bind(2, at).bind(3, summary).bind(4, static_cast<std::int64_t>(changes.size()));
        if (restored_from != 0) q.bind(5, restored_from);
        q.bind(6, origin ? origin->revision_uid : new_uid());
        q.step();
        revision = q.int64(0);
    }

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
    if (db->backend() == Backend::Sqlite) write_snapshot.use().bind(1, id).bind_blob(2, encode_snapshot(next)).run();
    else write_snapshot.use().bind(1, id).run();

    // A typical save sets only the bookkeeping columns, leaving the indexed summary columns
    // (and their index pages) alone unless one of them changed; the insert set them already.
    const Columns cols = columns_of(next);
    if (!creating && std::any_of(changes.begin(), changes.end(),
                                 [](const CellChange& c) { return is_meta(c.path) || c.path == kDepartmentCell; }))
        update_filing.use().bind(1, id).bind(2, cols.template_id).bind(3, cols.template_version).bind(4, cols.title)
            .bind(5, cols.year).bind(6, at).bind(7, revision).bind(8, cell_or_empty(next, kDepartmentCell)).run();
    else
        touch_filing.use().bind(1, id).bind(2, at).bind(3, revision).run();
    transaction.commit();
    SaveResult r{id, revision, changes.size(), db->total_changes() - changes_before};
    r.merged = merged;
    return r;
}

SaveResult FilingStore::save(Filing& filing, const SaveInfo& info) {
    FilingCells next = stored_cells(filing, info);
    SaveResult r = impl_->write(filing.id, next, info.summary, 0, filing.revision);
    if (r.merged) {
        const std::int64_t revision = filing.revision;
        filing = filing_from_stored(std::move(next), r.id, impl_->path);
        filing.revision = revision;
    }
    filing.id = r.id;
    if (r.revision != 0) filing.revision = r.revision;
    else if (r.merged || filing.revision == 0) filing.revision = impl_->require_filing(r.id, StoreError::Action::Read);
    return r;
}

SaveResult FilingStore::restore(std::int64_t filing_id, std::int64_t revision_id, const std::string& summary) {
    // One transaction around reading the old content and writing it, so that a save by
    // another program cannot slip in between.
    WriteTransaction transaction(impl_->tx);
    FilingCells old = impl_->cells_at(filing_id, revision_id);
    SaveResult r = impl_->write(filing_id, old, summary, revision_id);
    transaction.commit();
    return r;
}

}  // namespace formwork::store
