// Opening a Formwork database with SQLite once open_checks has found nothing to refuse, and
// every refusal before the first write (see database.h).
#include "store/database.h"

#include <utility>

#include "store/open_checks.h"
#include "store/schema.h"
#include "store/pg_database.h"
#include "store/sql.h"
#include "store/sqlite_connection.h"

namespace formwork::store {

namespace {

using Code = StoreError::Code;
using Action = StoreError::Action;

[[noreturn]] void refuse(Code code, const std::string& path, std::string detail = {}) {
    throw StoreError(code, Action::Open, path, std::move(detail));
}

std::int64_t query_int(Connection* db, const std::string& path, const char* sql) {
    Statement s(db, path, sql, Action::Open);
    auto q = s.use();
    return q.step() ? q.int64(0) : 0;
}

std::string query_text(Connection* db, const std::string& path, const char* sql) {
    Statement s(db, path, sql, Action::Open);
    auto q = s.use();
    return q.step() ? q.text(0) : std::string();
}

Stamp read_stamp(Connection* db, const std::string& path) {
    Stamp s;
    s.application_id = static_cast<std::uint32_t>(query_int(db, path, "PRAGMA application_id"));
    s.version = query_int(db, path, "PRAGMA user_version");
    s.objects = query_int(db, path, "SELECT count(*) FROM sqlite_schema");
    return s;
}

// Creates or migrates the schema, or just proves that the write lock can be had: a
// database that another program keeps locked is better refused now than at the first save.
void prepare_for_writing(SqliteConnection* conn, const std::string& path, OpenMode mode) {
    sqlite3* db = conn->raw();
    exec(db, path, "BEGIN IMMEDIATE", Action::Open);
    try {
        // Again inside the lock: another process may have created or migrated it meanwhile.
        const Stamp s = read_stamp(conn, path);
        validate_stamp(s, path, mode);
        apply_migrations(db, path, static_cast<int>(s.version), migrations());
        exec(db, path, "COMMIT", Action::Open);
    } catch (...) {
        if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

// Before SQLite's first use in the process: no global memory statistics. Left on, every
// allocation SQLite makes takes a process-wide mutex to count it (a few per cent of a bulk
// import or a batch read); nothing here reads the statistics. Refused (harmlessly) when SQLite
// was already in use.
void configure_sqlite() {
    static const bool done = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)done;
}

}  // namespace

bool Database::is_shared(const std::string& location) { return is_postgres_url(location); }

bool Database::shared() const { return db_->backend() == Backend::Postgres; }

Database Database::open(const std::string& path, OpenMode mode, const OpenOptions& options) {
    if (is_postgres_url(path)) return open_postgres(path, mode);
    configure_sqlite();
    const FileFacts facts = inspect_file(path, mode);
    const bool writing = mode != OpenMode::ReadOnly;
    if (writing) check_writable(path, facts);

    const bool immutable = !writing && needs_immutable(path);
    const int flags = (writing ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) |
                      (mode == OpenMode::CreateOrOpen ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX |
                      SQLITE_OPEN_EXRESCODE | (immutable ? SQLITE_OPEN_URI : 0);
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(immutable ? immutable_uri(path).c_str() : path.c_str(), &raw, flags, nullptr);
    // From here the handle is owned, so every refusal below closes it.
    auto owned = std::make_unique<SqliteConnection>(raw);
    SqliteConnection* conn = owned.get();
    Database db(std::move(owned), path, !writing);
    if (rc != SQLITE_OK) throw_sqlite(raw, rc, path, Action::Open);

    // SQLite falls back to read-only silently when the file is write-protected.
    if (writing && sqlite3_db_readonly(raw, "main") == 1) refuse(Code::ReadOnly, path, "opened read-only");
    sqlite3_busy_timeout(raw, options.busy_timeout_ms);
    // The last connection to close checkpoints the WAL into the main file: refusing somebody
    // else's database must not rewrite it that way. (An empty WAL checkpoints to nothing, and
    // then closing is what removes the -wal and -shm files that opening created.)
    if (facts.wal_content) sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);

    const bool to_create = validate_stamp(read_stamp(conn, path), path, mode);
    if (!writing) return db;

    if (to_create || query_text(conn, path, "PRAGMA journal_mode") != "wal") {
        if (query_text(conn, path, "PRAGMA journal_mode = WAL") != "wal")
            refuse(Code::Io, path, "cannot switch to WAL");
    }
    exec(raw, path, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", Action::Open);
    prepare_for_writing(conn, path, mode);
    // Ours: checkpointing on close keeps the WAL short and leaves no -wal file behind.
    sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
    return db;
}

std::vector<std::string> Database::integrity_problems(bool quick, int max) const {
    if (shared()) return {};
    const std::string sql = std::string(quick ? "PRAGMA quick_check(" : "PRAGMA integrity_check(") + std::to_string(max) + ")";
    Statement s(db_.get(), path_, sql, Action::Read);
    auto q = s.use();
    std::vector<std::string> problems;
    while (q.step()) {
        std::string line = q.text(0);
        if (line != "ok") problems.push_back(std::move(line));
    }
    return problems;
}

Database::Database(std::unique_ptr<Connection> db, std::string path, bool read_only)
    : db_(std::move(db)), path_(std::move(path)), read_only_(read_only) {}

Database::Database(Database&& other) noexcept = default;
Database& Database::operator=(Database&& other) noexcept = default;
Database::~Database() = default;

}  // namespace formwork::store
