// The per-filing snapshot (SQLite schema version 5, PostgreSQL version 2): every cell of a filing, its "m/" cells included,
// in one blob beside the cells, so that a batch read (FilingStore::for_each) reads one row per
// filing instead of one per cell. The cells stay the truth: saves diff and write them, history
// is built from them; the snapshot is rewritten by the same transaction that writes them, and
// dropped by a trigger whenever a cell row is updated or deleted outside a save (a damaged or
// hand-edited cell), in which case readers fall back to the cells. On PostgreSQL the server
// makes it from the cells with the same encoding (pg_schema.cpp, version 2).
#pragma once

#include <string>
#include <string_view>

#include "core/filing_cells.h"

struct sqlite3;

namespace formwork::store {

// Blob format: per cell in path order, varint length of the path, the path, varint length of
// the text, the text. Nothing else, so a snapshot equals the cells it was made from.
std::string encode_snapshot(const FilingCells& cells);

// Calls visit(path, text) for every cell of a blob; false when the blob is malformed (the
// reader then takes the cells). The views point into `blob`.
template <class Visit>
bool decode_snapshot(std::string_view blob, Visit&& visit);

// Migration step 4 → 5, after the table and triggers are created: a snapshot for every stored
// filing, made from its cells.
void fill_filing_snapshots(sqlite3* db, const std::string& path);

namespace detail {
// Reads a varint at `pos`; false past the end.
inline bool read_varint(std::string_view s, std::size_t& pos, std::size_t& out) {
    out = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= s.size()) return false;
        const auto b = static_cast<unsigned char>(s[pos++]);
        out |= static_cast<std::size_t>(b & 0x7F) << shift;
        if (!(b & 0x80)) return true;
    }
    return false;
}
}  // namespace detail

template <class Visit>
bool decode_snapshot(std::string_view blob, Visit&& visit) {
    std::size_t pos = 0;
    while (pos < blob.size()) {
        std::size_t n = 0;
        if (!detail::read_varint(blob, pos, n) || n > blob.size() - pos) return false;
        const std::string_view path = blob.substr(pos, n);
        pos += n;
        if (!detail::read_varint(blob, pos, n) || n > blob.size() - pos) return false;
        visit(path, blob.substr(pos, n));
        pos += n;
    }
    return true;
}

}  // namespace formwork::store
