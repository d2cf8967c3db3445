// SQLite statements behind Cursor: prepared once (SQLITE_PREPARE_PERSISTENT), reset after
// every use so that no statement keeps a read transaction open and pins the WAL.
#include "store/sqlite_connection.h"

#include "store/sql.h"

namespace formwork::store {

namespace {

class SqliteCursor final : public Cursor {
public:
    SqliteCursor(sqlite3* db, std::string path, std::string_view sql, StoreError::Action action)
        : db_(db), path_(std::move(path)), action_(action) {
        const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                          &stmt_, nullptr);
        if (rc != SQLITE_OK) throw_sqlite(db_, rc, path_, action_);
    }
    ~SqliteCursor() override { sqlite3_finalize(stmt_); }

    void bind_int(int index, std::int64_t value) override { check(sqlite3_bind_int64(stmt_, index, value)); }
    void bind_text(int index, std::string_view text) override {
        // SQLITE_TRANSIENT copies: the caller's string need not outlive the step.
        check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    void bind_null(int index) override { check(sqlite3_bind_null(stmt_, index)); }
    void bind_blob(int index, std::string_view bytes) override {
        check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
    }

    bool step() override {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw_sqlite(db_, rc, path_, action_);
    }
    void reset() override {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::int64_t int64(int column) const override { return sqlite3_column_int64(stmt_, column); }
    std::string text(int column) const override {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        const int n = sqlite3_column_bytes(stmt_, column);
        return p ? std::string(p, static_cast<size_t>(n)) : std::string();
    }
    std::string_view view(int column) const override {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
        const int n = sqlite3_column_bytes(stmt_, column);
        return p ? std::string_view(p, static_cast<size_t>(n)) : std::string_view();
    }
    bool is_null(int column) const override { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

private:
    void check(int rc) {
        if (rc != SQLITE_OK) throw_sqlite(db_, rc, path_, action_);
    }

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    std::string path_;
    StoreError::Action action_;
};

}  // namespace

SqliteConnection::~SqliteConnection() {
    if (owns_) sqlite3_close_v2(db_);
}

std::unique_ptr<Cursor> SqliteConnection::prepare(std::string_view sql, const std::string& path,
                                                  StoreError::Action action, bool) {
    return std::make_unique<SqliteCursor>(db_, path, sql, action);
}

void SqliteConnection::exec(const std::string& sql, const std::string& path, StoreError::Action action) {
    store::exec(db_, path, sql.c_str(), action);
}

}  // namespace formwork::store
