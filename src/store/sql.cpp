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

Statement::Statement(Connection* db, std::string path, std::string_view sql, Action action, bool stream)
    : cursor_(db->prepare(sql, path, action, stream)) {}

Statement::~Statement() = default;

Statement::Use Statement::use() { return Use(*this); }

Statement::Use::~Use() { s_.cursor_->reset(); }

Statement::Use& Statement::Use::bind(int index, std::int64_t value) {
    s_.cursor_->bind_int(index, value);
    return *this;
}

Statement::Use& Statement::Use::bind(int index, std::string_view text) {
    s_.cursor_->bind_text(index, text);
    return *this;
}

Statement::Use& Statement::Use::bind_null(int index) {
    s_.cursor_->bind_null(index);
    return *this;
}

Statement::Use& Statement::Use::bind_blob(int index, std::string_view bytes) {
    s_.cursor_->bind_blob(index, bytes);
    return *this;
}

bool Statement::Use::step() { return s_.cursor_->step(); }

void Statement::Use::run() {
    while (step()) {
    }
}

std::int64_t Statement::Use::int64(int column) const { return s_.cursor_->int64(column); }

std::string Statement::Use::text(int column) const { return s_.cursor_->text(column); }

bool Statement::Use::is_null(int column) const { return s_.cursor_->is_null(column); }

namespace {
// PostgreSQL: a save takes the filing's row lock (FOR UPDATE) instead of a database-wide
// write lock, and a read sees one snapshot only under REPEATABLE READ.
const char* begin_write(Connection* db) { return db->backend() == Backend::Postgres ? "BEGIN" : "BEGIN IMMEDIATE"; }
const char* begin_read(Connection* db) {
    return db->backend() == Backend::Postgres ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN";
}
}  // namespace

std::string_view Statement::Use::view(int column) const { return s_.cursor_->view(column); }

TransactionStatements::TransactionStatements(Connection* db_, const std::string& path)
    : db(db_),
      begin_immediate(db_, path, begin_write(db_), Action::Write),
      begin_deferred(db_, path, begin_read(db_), Action::Read),
      commit(db_, path, "COMMIT", Action::Write),
      rollback(db_, path, "ROLLBACK", Action::Write),
      savepoint(db_, path, "SAVEPOINT formwork_save", Action::Write),
      release(db_, path, "RELEASE formwork_save", Action::Write),
      rollback_to(db_, path, "ROLLBACK TO formwork_save", Action::Write) {}

WriteTransaction::WriteTransaction(TransactionStatements& t) : t_(t), nested_(t.db->in_transaction()) {
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
        } else if (t_.db->in_transaction()) {
            t_.rollback.use().run();
        }
    } catch (const StoreError&) {
    }
}

ReadTransaction::ReadTransaction(TransactionStatements& t) : t_(t), open_(!t.db->in_transaction()) {
    if (open_) t_.begin_deferred.use().run();
}

ReadTransaction::~ReadTransaction() {
    if (!open_ || !t_.db->in_transaction()) return;
    try {
        t_.rollback.use().run();
    } catch (const StoreError&) {
    }
}

}  // namespace formwork::store
