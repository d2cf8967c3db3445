// Internal to src/store: the one seam between the store's logic and a database engine. The
// FilingStore, drafts and review notes are written once against Connection and Cursor; SQLite
// (sqlite_connection.cpp) and PostgreSQL (pg_connection.cpp) implement them. SQL texts are
// written with ?N (or ?) parameters; the PostgreSQL side renumbers them as $N.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "store/store_error.h"

namespace formwork::store {

enum class Backend { Sqlite, Postgres };

// One prepared statement of a connection, run by Statement::Use (sql.h).
class Cursor {
public:
    virtual ~Cursor() = default;
    virtual void bind_int(int index, std::int64_t value) = 0;
    virtual void bind_text(int index, std::string_view text) = 0;
    virtual void bind_null(int index) = 0;
    // Bytes that need not be text (a filing snapshot, filing_snapshot.h).
    virtual void bind_blob(int index, std::string_view bytes) = 0;
    virtual bool step() = 0;   // true while a row is ready
    virtual void reset() = 0;  // ready for the next use, bindings cleared
    virtual std::int64_t int64(int column) const = 0;
    virtual std::string text(int column) const = 0;
    // A column's bytes, valid until the next view, step or reset: a blob or text as stored
    // on SQLite; on PostgreSQL a text column's text, a bytea column's bytes (decoded).
    virtual std::string_view view(int column) const = 0;
    virtual bool is_null(int column) const = 0;
};

class Connection {
public:
    virtual ~Connection() = default;
    virtual Backend backend() const = 0;
    // `stream`: the statement may return more rows than fit in memory at once (a scan of
    // every filing); PostgreSQL then fetches them in chunks through a cursor.
    virtual std::unique_ptr<Cursor> prepare(std::string_view sql, const std::string& path,
                                            StoreError::Action action, bool stream) = 0;
    // Runs SQL without results (several statements allowed); throws StoreError on failure.
    virtual void exec(const std::string& sql, const std::string& path, StoreError::Action action) = 0;
    virtual bool in_transaction() const = 0;
    // Rows inserted, updated or deleted by this connection so far.
    virtual std::int64_t total_changes() const = 0;
    // Rows the last statement inserted, updated or deleted.
    virtual std::int64_t changes() const = 0;
};

// "postgresql://…" or "postgres://…" (libpq's URI forms) names a PostgreSQL store; anything
// else is an SQLite file.
bool is_postgres_url(std::string_view location);

// The location as it may be shown: a PostgreSQL URL without its password.
std::string shown_location(const std::string& location);

}  // namespace formwork::store
