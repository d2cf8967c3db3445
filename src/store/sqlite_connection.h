// Internal to src/store: the SQLite engine behind Connection (connection.h). It owns the
// sqlite3 handle; Database::open (database.cpp) does the SQLite-specific opening around it.
#pragma once

#include <sqlite3.h>

#include "store/connection.h"

namespace formwork::store {

class SqliteConnection final : public Connection {
public:
    // `owns`: closes the handle when destroyed; false lends statements to a handle owned
    // elsewhere (a migration step run inside Database::open).
    explicit SqliteConnection(sqlite3* db, bool owns = true) : db_(db), owns_(owns) {}
    ~SqliteConnection() override;

    Backend backend() const override { return Backend::Sqlite; }
    std::unique_ptr<Cursor> prepare(std::string_view sql, const std::string& path, StoreError::Action action,
                                    bool stream) override;
    void exec(const std::string& sql, const std::string& path, StoreError::Action action) override;
    bool in_transaction() const override { return !sqlite3_get_autocommit(db_); }
    std::int64_t total_changes() const override { return sqlite3_total_changes64(db_); }
    std::int64_t changes() const override { return sqlite3_changes64(db_); }

    sqlite3* raw() const { return db_; }

private:
    sqlite3* db_;
    bool owns_;
};

}  // namespace formwork::store
