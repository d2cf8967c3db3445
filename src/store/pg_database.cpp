// Opening a PostgreSQL store (see pg_database.h). Creating and migrating happen in one
// transaction under an advisory lock, so that two programs opening a fresh database at once
// do not both create it.
#include "store/pg_database.h"

#include "store/pg_connection.h"
#include "store/sql.h"

namespace formwork::store {

namespace {

using Code = StoreError::Code;
using Action = StoreError::Action;

constexpr const char* kLock = "SELECT pg_advisory_xact_lock(1179798871)";  // 'FRMW'

// -1: no Formwork schema in this database.
int stored_version(Connection* db, const std::string& path) {
    Statement s(db, path, "SELECT to_regclass('formwork_schema') IS NOT NULL", Action::Open);
    auto q = s.use();
    if (!q.step() || q.int64(0) == 0) return -1;
    Statement v(db, path, "SELECT max(version) FROM formwork_schema", Action::Open);
    auto r = v.use();
    return r.step() ? static_cast<int>(r.int64(0)) : -1;
}

bool has_tables(Connection* db, const std::string& path) {
    Statement s(db, path,
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", Action::Open);
    auto q = s.use();
    return q.step() && q.int64(0) > 0;
}

int latest_pg_version() { return pg_migrations().back().version; }

}  // namespace

Database open_postgres(const std::string& url, OpenMode mode) {
    const std::string shown = shown_location(url);
    auto owned = std::make_unique<PgConnection>(url, shown);
    PgConnection* conn = owned.get();
    Database db(std::move(owned), shown, mode == OpenMode::ReadOnly);
    // This program's saves write each filing's snapshot last; the trigger that drops it when
    // a cell row is added is for other sessions (pg_schema.cpp, version 2).
    conn->exec("SET formwork.writes_snapshots = on", shown, Action::Open);

    int version = stored_version(conn, shown);
    if (version == latest_pg_version()) {
        if (mode == OpenMode::ReadOnly) conn->exec("SET default_transaction_read_only = on", shown, Action::Open);
        return db;
    }
    if (version > latest_pg_version())
        throw StoreError(Code::NewerSchema, Action::Open, shown, "schema version " + std::to_string(version));
    if (version < 0 && (mode != OpenMode::CreateOrOpen || has_tables(conn, shown)))
        throw StoreError(Code::NotFormwork, Action::Open, shown, "no formwork_schema table");
    if (mode == OpenMode::ReadOnly) throw StoreError(Code::OlderSchema, Action::Open, shown, {});

    conn->exec("BEGIN", shown, Action::Open);
    try {
        conn->exec(kLock, shown, Action::Open);
        version = stored_version(conn, shown);  // again inside the lock
        for (const Migration& m : pg_migrations()) {
            if (m.version <= version) continue;
            conn->exec(m.sql, shown, Action::Open);
            conn->exec("UPDATE formwork_schema SET version = " + std::to_string(m.version), shown, Action::Open);
        }
        conn->exec("COMMIT", shown, Action::Open);
    } catch (const StoreError& e) {
        if (conn->in_transaction()) PQclear(PQexec(conn->raw(), "ROLLBACK"));
        // A department's or reviewer's login may not change the schema: the store's owner
        // upgrades it (formwork admin init), and the login is told so rather than "not allowed".
        if (e.code() == Code::Denied && version >= 0)
            throw StoreError(Code::OlderSchema, Action::Open, shown, "formwork admin init: " + e.detail());
        throw;
    } catch (...) {
        if (conn->in_transaction()) PQclear(PQexec(conn->raw(), "ROLLBACK"));
        throw;
    }
    return db;
}

}  // namespace formwork::store
