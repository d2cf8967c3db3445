// Internal to src/store: the PostgreSQL engine behind Connection (connection.h), over libpq.
// Statements are prepared on the server once per connection; results come back as text.
#pragma once

#include <libpq-fe.h>

#include "store/connection.h"

namespace formwork::store {

class PgConnection final : public Connection {
public:
    // Connects (libpq URI or key=value string); StoreError Io, NoAccess … when refused.
    PgConnection(const std::string& conninfo, const std::string& shown);
    ~PgConnection() override;

    Backend backend() const override { return Backend::Postgres; }
    std::unique_ptr<Cursor> prepare(std::string_view sql, const std::string& path, StoreError::Action action,
                                    bool stream) override;
    void exec(const std::string& sql, const std::string& path, StoreError::Action action) override;
    bool in_transaction() const override { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }
    std::int64_t total_changes() const override { return total_changes_; }
    std::int64_t changes() const override { return changes_; }

    PGconn* raw() const { return conn_; }
    // Counts what a command result changed (INSERT/UPDATE/DELETE), for total_changes().
    void count(PGresult* result);
    std::string next_name(const char* prefix);
    // Quoting for the few statements that take no parameters (CREATE ROLE …).
    std::string literal(const std::string& text) const;
    std::string identifier(const std::string& text) const;

private:
    PGconn* conn_ = nullptr;
    std::int64_t total_changes_ = 0;
    std::int64_t changes_ = 0;
    int names_ = 0;
};

// Throws the StoreError for a failed result (SQLSTATE mapped to a code); clears `result`.
[[noreturn]] void throw_pg(PGconn* conn, PGresult* result, const std::string& path, StoreError::Action action);

// SQL written with ?N or ? parameters, as PostgreSQL's $N; `count` gets the highest number.
std::string pg_parameters(std::string_view sql, int& count);

}  // namespace formwork::store
