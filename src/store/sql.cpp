// Prepared statements, transactions and SQLite error mapping (see sql.h).
#include "store/sql.h"

namespace formwork::store {

using Code = StoreError::Code;
using Action = StoreError::Action;

Code code_for_sqlite(int rc) {
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Code::Locked;
    case SQLITE_READONLY: return Code::ReadOnly;
    case SQLITE_NOTADB: return Code::NotSqlite;
    case SQLITE_CORRUPT: return Code::Corrupt;
    case SQLITE_FULL: return Code::DiskFull;
    case SQLITE_PERM:
    case SQLITE_AUTH: return Code::NoAccess;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL: return Code::Io;
    default: return Code::Sql;
    }
}

void throw_sqlite(sqlite3* db, int rc, const std::string& path, Action action) {
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw StoreError(code_for_sqlite(rc), action, path, detail);
}

void exec(sqlite3* db, const std::string& path, const char* sql, Action action) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
    if (rc == SQLITE_OK) return;
    std::string detail = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw StoreError(code_for_sqlite(rc), action, path, detail);
}

Statement::Statement(sqlite3* db, std::string path, std::string_view sql, Action action)
    : db_(db), path_(std::move(path)), action_(action) {
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &stmt_, nullptr);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, path_, action_);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Use Statement::use() { return Use(*this); }

Statement::Use::~Use() {
    sqlite3_reset(s_.stmt_);
    sqlite3_clear_bindings(s_.stmt_);
}

Statement::Use& Statement::Use::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(s_.stmt_, index, value);
    if (rc != SQLITE_OK) throw_sqlite(s_.db_, rc, s_.path_, s_.action_);
    return *this;
}

Statement::Use& Statement::Use::bind(int index, std::string_view text) {
    // SQLITE_TRANSIENT copies: the caller's string need not outlive the step.
    const int rc =
        sqlite3_bind_text64(s_.stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) throw_sqlite(s_.db_, rc, s_.path_, s_.action_);
    return *this;
}

Statement::Use& Statement::Use::bind_null(int index) {
    const int rc = sqlite3_bind_null(s_.stmt_, index);
    if (rc != SQLITE_OK) throw_sqlite(s_.db_, rc, s_.path_, s_.action_);
    return *this;
}

Statement::Use& Statement::Use::bind_blob(int index, std::string_view bytes) {
    const int rc = sqlite3_bind_blob64(s_.stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throw_sqlite(s_.db_, rc, s_.path_, s_.action_);
    return *this;
}

bool Statement::Use::step() {
    const int rc = sqlite3_step(s_.stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_sqlite(s_.db_, rc, s_.path_, s_.action_);
}

void Statement::Use::run() {
    while (step()) {
    }
}

std::int64_t Statement::Use::int64(int column) const { return sqlite3_column_int64(s_.stmt_, column); }

std::string Statement::Use::text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_.stmt_, column));
    const int n = sqlite3_column_bytes(s_.stmt_, column);
    return p ? std::string(p, static_cast<size_t>(n)) : std::string();
}

std::string_view Statement::Use::view(int column) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(s_.stmt_, column));
    const int n = sqlite3_column_bytes(s_.stmt_, column);
    return p ? std::string_view(p, static_cast<size_t>(n)) : std::string_view();
}

bool Statement::Use::is_null(int column) const { return sqlite3_column_type(s_.stmt_, column) == SQLITE_NULL; }

TransactionStatements::TransactionStatements(sqlite3* db_, const std::string& path)
    : db(db_),
      begin_immediate(db_, path, "BEGIN IMMEDIATE", Action::Write),
      begin_deferred(db_, path, "BEGIN", Action::Read),
      commit(db_, path, "COMMIT", Action::Write),
      rollback(db_, path, "ROLLBACK", Action::Write),
      savepoint(db_, path, "SAVEPOINT formwork_save", Action::Write),
      release(db_, path, "RELEASE formwork_save", Action::Write),
      rollback_to(db_, path, "ROLLBACK TO formwork_save", Action::Write) {}

WriteTransaction::WriteTransaction(TransactionStatements& t) : t_(t), nested_(!sqlite3_get_autocommit(t.db)) {
    (nested_ ? t_.savepoint : t_.begin_immediate).use().run();
}

void WriteTransaction::commit() {
    (nested_ ? t_.release : t_.commit).use().run();
    open_ = false;
}

WriteTransaction::~WriteTransaction() {
    if (!open_) return;
    // Errors are swallowed: this runs while another exception unwinds, and some errors
    // (SQLITE_FULL, SQLITE_IOERR) have rolled the transaction back already.
    try {
        if (nested_) {
            t_.rollback_to.use().run();
            t_.release.use().run();
        } else if (!sqlite3_get_autocommit(t_.db)) {
            t_.rollback.use().run();
        }
    } catch (const StoreError&) {
    }
}

ReadTransaction::ReadTransaction(TransactionStatements& t) : t_(t), open_(sqlite3_get_autocommit(t.db) != 0) {
    if (open_) t_.begin_deferred.use().run();
}

ReadTransaction::~ReadTransaction() {
    if (!open_ || sqlite3_get_autocommit(t_.db)) return;
    try {
        t_.rollback.use().run();
    } catch (const StoreError&) {
    }
}

}  // namespace formwork::store
