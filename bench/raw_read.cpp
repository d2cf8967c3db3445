// Raw SQLite read of all filings (baseline only; see raw_read.h).
#include "raw_read.h"

#include <sqlite3.h>

#include <map>
#include <stdexcept>

#include "core/filing_cells.h"
#include "store/filing_snapshot.h"

namespace formwork::bench {

namespace {

struct Stmt {
    sqlite3_stmt* s = nullptr;
    Stmt(sqlite3* db, const char* sql) {
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
    }
    ~Stmt() { sqlite3_finalize(s); }
};

std::string column_text(sqlite3_stmt* s, int i) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(s, i))) : std::string();
}

}  // namespace

std::int64_t raw_read_filings(const std::string& db_path, const std::function<void(Filing&&)>& visit) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + db_path);
    }
    std::int64_t rows = 0;
    try {
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        Stmt heads(db, "SELECT id, template_id, template_version FROM filings ORDER BY id");
        Stmt cells(db, "SELECT filing_id, path, value FROM filing_cells ORDER BY filing_id");
        bool more_cells = sqlite3_step(cells.s) == SQLITE_ROW;
        while (sqlite3_step(heads.s) == SQLITE_ROW) {
            const std::int64_t id = sqlite3_column_int64(heads.s, 0);
            FilingCells content;
            while (more_cells && sqlite3_column_int64(cells.s, 0) <= id) {
                // The store's own "m/…" cells repeat the filings row; the model has no place for them.
                if (sqlite3_column_int64(cells.s, 0) == id) {
                    std::string path = column_text(cells.s, 1);
                    if (!path.starts_with("m/")) content.emplace_hint(content.end(), std::move(path), column_text(cells.s, 2));
                }
                ++rows;
                more_cells = sqlite3_step(cells.s) == SQLITE_ROW;
            }
            Filing f = from_cells(content);
            f.id = id;
            f.template_id = column_text(heads.s, 1);
            f.template_version = sqlite3_column_int(heads.s, 2);
            visit(std::move(f));
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
    return rows;
}

std::int64_t raw_read_snapshots(const std::string& db_path, const std::function<void(Filing&&)>& visit) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + db_path);
    }
    std::int64_t n = 0;
    try {
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        Stmt rows(db, "SELECT f.id, f.template_id, f.template_version, s.cells FROM filings f"
                      " JOIN filing_snapshots s ON s.filing_id = f.id ORDER BY f.id");
        while (sqlite3_step(rows.s) == SQLITE_ROW) {
            const std::string_view blob(static_cast<const char*>(sqlite3_column_blob(rows.s, 3)),
                                        static_cast<size_t>(sqlite3_column_bytes(rows.s, 3)));
            FilingBuilder b;
            // The store's own "m/…" cells repeat the filings row; the model has no place for them.
            if (!store::decode_snapshot(blob, [&](std::string_view path, std::string_view text) {
                    if (!path.starts_with("m/")) b.add(path, text);
                }))
                throw std::runtime_error("bad snapshot");
            Filing f = b.finish();
            f.id = sqlite3_column_int64(rows.s, 0);
            f.template_id = column_text(rows.s, 1);
            f.template_version = sqlite3_column_int(rows.s, 2);
            visit(std::move(f));
            ++n;
        }
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    } catch (...) {
        sqlite3_close(db);
        throw;
    }
    sqlite3_close(db);
    return n;
}

}  // namespace formwork::bench
