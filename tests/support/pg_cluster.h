// A throwaway PostgreSQL cluster for one test binary: initdb and postgres in a temporary
// folder, listening only on a unix socket there. Started on first use, never skipped: when it
// cannot start, pg_cluster() throws with the server's own words. As root (CI) the server runs
// as the postgres user (or nobody), since PostgreSQL refuses root. A keeper process stops the
// server and removes the folder when the test binary exits, however it exits.
#pragma once

#include <string>

namespace formwork::test {

class PgCluster {
public:
    // A new, empty database; its URL for the cluster's superuser.
    std::string new_database();
    // The URL of `database` for `user` (empty: the superuser) with `password`.
    std::string url(const std::string& database, const std::string& user = {}, const std::string& password = {}) const;
    // Runs SQL as the superuser in `database`; returns the first column of the first row ("" if none).
    std::string sql(const std::string& database, const std::string& statement) const;
    const std::string& folder() const { return folder_; }

private:
    friend PgCluster& pg_cluster();
    PgCluster();
    std::string folder_;
    int databases_ = 0;
};

PgCluster& pg_cluster();

// The database name in a URL made by PgCluster::url.
std::string pg_database_of(const std::string& url);

}  // namespace formwork::test
