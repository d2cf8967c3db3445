// Internal to src/store (the only place that includes sqlite3.h): prepared statements that are
// prepared once and reset after every use, transactions as scope guards, and the mapping of
// SQLite result codes to StoreError.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "store/store_error.h"

namespace formwork::store {

StoreError::Code code_for_sqlite(int rc);
[[noreturn]] void throw_sqlite(sqlite3* db, int rc, const std::string& path, StoreError::Action action);

// Runs SQL without results (several statements allowed); throws StoreError on failure.
void exec(sqlite3* db, const std::string& path, const char* sql, StoreError::Action action);

class Statement {
public:
    // `action` names what a failure of this statement interrupts (reading or saving).
    Statement(sqlite3* db, std::string path, std::string_view sql, StoreError::Action action);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    class Use;
    Use use();

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string path_;
    StoreError::Action action_;
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
    TransactionStatements(sqlite3* db, const std::string& path);

    sqlite3* db;
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
    // Still open: not committed, and not rolled back by SQLite itself (after SQLITE_FULL,
    // SQLITE_IOERR … it may roll back the whole transaction, savepoints and all).
    bool active() const { return open_ && !sqlite3_get_autocommit(t_.db); }

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
