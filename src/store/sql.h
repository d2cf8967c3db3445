// Internal to src/store (the only place that includes sqlite3.h): prepared statements that are
// prepared once and reset after every use, transactions as scope guards, and the mapping of
// SQLite result codes to StoreError. Statements and transactions run on either engine
// (connection.h); the free functions taking sqlite3* are SQLite's own.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "store/connection.h"
#include "store/store_error.h"

namespace formwork::store {

StoreError::Code code_for_sqlite(int rc);
[[noreturn]] void throw_sqlite(sqlite3* db, int rc, const std::string& path, StoreError::Action action);

// Runs SQL without results (several statements allowed); throws StoreError on failure.
void exec(sqlite3* db, const std::string& path, const char* sql, StoreError::Action action);

class Statement {
public:
    // `action` names what a failure of this statement interrupts (reading or saving).
    // `stream`: see Connection::prepare.
    Statement(Connection* db, std::string path, std::string_view sql, StoreError::Action action, bool stream = false);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    class Use;
    Use use();

private:
    std::unique_ptr<Cursor> cursor_;
};

// One execution of a cached statement. Resetting on scope exit matters: a statement left
// mid-way keeps its read transaction open and would pin the WAL or block a checkpoint.
class Statement::Use {
public:
    explicit Use(Statement& s) : s_(s) {}
    ~Use();
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

    Use& bind(int index, std::int64_t value);
    Use& bind(int index, std::string_view text);
    Use& bind_null(int index);
    Use& bind_blob(int index, std::string_view bytes);

    bool step();  // true while a row is ready
    void run();   // runs to completion

    std::int64_t int64(int column) const;
    std::string text(int column) const;
    // A text or blob column in place: valid until the next step or the end of this use.
    std::string_view view(int column) const;
    bool is_null(int column) const;

private:
    Statement& s_;
};

// The transaction statements of one connection, prepared once.
struct TransactionStatements {
    TransactionStatements(Connection* db, const std::string& path);

    Connection* db;
    Statement begin_immediate, begin_deferred, commit, rollback, savepoint, release, rollback_to;
};

// A write transaction: BEGIN IMMEDIATE, so that the write lock is taken (or the busy timeout
// reported) before anything is read and no later upgrade can deadlock; inside a transaction
// that is already open (a batch) it is a savepoint, so one failed save undoes only itself.
// Rolls back unless committed.
class WriteTransaction {
public:
    explicit WriteTransaction(TransactionStatements& t);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();
    // Still open: not committed, and not rolled back by the engine itself (SQLite after SQLITE_FULL,
    // SQLITE_IOERR … it may roll back the whole transaction, savepoints and all).
    bool active() const { return open_ && t_.db->in_transaction(); }

private:
    TransactionStatements& t_;
    bool nested_;
    bool open_ = true;
};

// A read transaction, so that several SELECTs see one snapshot; nothing inside a transaction
// that is already open.
class ReadTransaction {
public:
    explicit ReadTransaction(TransactionStatements& t);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

private:
    TransactionStatements& t_;
    bool open_;
};

}  // namespace formwork::store
