// Internal to src/store: the refusals of Database::open. First what the file system and the
// file's own 100-byte header say, before SQLite touches the file (so that a text file,
// another application's database or a newer schema is refused without SQLite opening it and
// not even a -wal or -shm file appears beside it); then the stamp SQLite reads, which is
// authoritative because committed changes may still sit in the WAL.
#pragma once

#include <cstdint>
#include <string>

#include "store/database.h"

namespace formwork::store {

struct FileFacts {
    bool exists = false;
    bool wal_content = false;  // committed pages may be waiting in the -wal file
};

// Refuses a file that is missing (unless it is to be created), unreadable, not SQLite,
// another application's or from a newer Formwork, and, when the header is the whole truth,
// one that is not stamped as ours or needs an upgrade a read-only open cannot do.
FileFacts inspect_file(const std::string& path, OpenMode mode);

// Refuses when the file or its folder (where the -wal and -shm files go) is not writable.
void check_writable(const std::string& path, const FileFacts& facts);

// Whether SQLite can only read the file as immutable (see open_checks.cpp), and how to ask.
bool needs_immutable(const std::string& path);
std::string immutable_uri(const std::string& path);

// The stamp SQLite reads once the file is open.
struct Stamp {
    std::uint32_t application_id = 0;
    std::int64_t version = 0;
    std::int64_t objects = 0;  // entries in sqlite_schema

    bool fresh() const { return application_id == 0 && version == 0 && objects == 0; }
};

// Refuses what this build must not open; returns whether the file is still to be created.
bool validate_stamp(const Stamp& stamp, const std::string& path, OpenMode mode);

}  // namespace formwork::store
