// Encoding of the per-filing snapshot and the migration that makes one for every filing (see
// filing_snapshot.h).
#include "store/filing_snapshot.h"

#include <sqlite3.h>

#include "store/sql.h"
#include "store/sqlite_connection.h"

namespace formwork::store {

namespace {

void append_varint(std::string& out, std::size_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7F) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

}  // namespace

std::string encode_snapshot(const FilingCells& cells) {
    std::size_t size = 0;
    for (const auto& [path, text] : cells) size += path.size() + text.size() + 4;
    std::string out;
    out.reserve(size);
    for (const auto& [path, text] : cells) {
        append_varint(out, path.size());
        out += path;
        append_varint(out, text.size());
        out += text;
    }
    return out;
}

void fill_filing_snapshots(sqlite3* handle, const std::string& path) {
    constexpr auto kOpen = StoreError::Action::Open;
    SqliteConnection connection(handle, /*owns=*/false);
    Connection* db = &connection;
    Statement cells(db, path, "SELECT filing_id, path, value FROM filing_cells ORDER BY filing_id, path", kOpen);
    Statement insert(db, path, "INSERT OR REPLACE INTO filing_snapshots(filing_id, cells) VALUES(?1, ?2)", kOpen);
    FilingCells current;
    std::int64_t id = 0;
    auto flush = [&] {
        if (id != 0) insert.use().bind(1, id).bind_blob(2, encode_snapshot(current)).run();
        current.clear();
    };
    auto q = cells.use();
    while (q.step()) {
        const std::int64_t next = q.int64(0);
        if (next != id) {
            flush();
            id = next;
        }
        current.emplace_hint(current.end(), q.text(1), q.text(2));
    }
    flush();
}

}  // namespace formwork::store
