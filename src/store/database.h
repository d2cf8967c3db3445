// One open Formwork database file. Opening checks that the file is ours, at a schema version
// this build understands, writable when writing is asked for and not locked by another
// program, and refuses with a StoreError otherwise, before writing anything. On success the
// file is in WAL mode at the latest schema, with foreign keys on and synchronous=FULL, so
// that every committed save survives a crash or a power cut.
//
// The same class opens a shared PostgreSQL store when the location is a URL,
// "postgresql://user:password@host/dbname" (pg_database.cpp): the schema is created or
// migrated there too, and the path shown in messages is the URL without its password.
//
// A Database belongs to one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/store_error.h"

namespace formwork::store {

class Connection;  // src/store only (connection.h)

enum class OpenMode {
    CreateOrOpen,  // a missing or zero-byte file becomes a new database
    OpenExisting,  // the file must already be a Formwork database
    ReadOnly,      // as OpenExisting, and nothing will be written
};

struct OpenOptions {
    // How long to wait for another connection's lock before reporting Code::Locked.
    int busy_timeout_ms = 2000;
};

class Database {
public:
    static Database open(const std::string& path, OpenMode mode, const OpenOptions& options = {});
    // Whether `location` names a PostgreSQL store rather than an SQLite file.
    static bool is_shared(const std::string& location);

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    ~Database();

    const std::string& path() const { return path_; }
    bool read_only() const { return read_only_; }
    // A PostgreSQL store (many users, roles and row-level security) rather than a file.
    bool shared() const;

    // SQLite's own check of the file (PRAGMA integrity_check, or the faster quick_check that
    // skips index contents): the problems it lists, empty when the file is sound. At most
    // `max` lines. Throws StoreError when the check itself cannot run. A PostgreSQL server
    // checks its own storage: nothing is listed for it.
    std::vector<std::string> integrity_problems(bool quick = false, int max = 100) const;

    // For src/store only.
    Connection* handle() const { return db_.get(); }

    // For src/store only: a Database around an open connection.
    Database(std::unique_ptr<Connection> db, std::string path, bool read_only);

private:
    std::unique_ptr<Connection> db_;
    std::string path_;
    bool read_only_ = false;
};

}  // namespace formwork::store
