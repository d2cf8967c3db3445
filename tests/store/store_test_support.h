// Shared pieces of the store tests: temporary folders, file snapshots to prove that a refused
// open changed nothing, sample filings, raw SQLite access (to build foreign files and hold
// locks) and child processes (to drop privileges or to be killed).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/filing.h"
#include "store/filing_store.h"

namespace formwork::store::test {

// A folder from mkdtemp, removed with everything in it at the end.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

// A file's bytes and modification time, and the names in its folder (so that a stray -wal,
// -shm or -journal file shows up too).
struct FileSnapshot {
    bool exists = false;
    std::string bytes;
    std::int64_t mtime_ns = 0;
    std::vector<std::string> folder;

    bool operator==(const FileSnapshot&) const = default;
};
FileSnapshot snapshot(const std::string& path);

void write_file(const std::string& path, const std::string& bytes);
std::string read_file(const std::string& path);

// Sample filings: every block of the model, Chinese text, a blank row, an empty table.
Filing sample_filing();
// The sample with `expense_rows` more expense lines and `indicators` more indicators.
Filing large_filing(int expense_rows, int indicators);
SaveInfo info_for(const Filing& f, const std::string& summary = "编辑");

// Raw SQLite, bypassing the store.
void raw_exec(const std::string& path, const std::string& sql);
// The first column of the first row. A read-only connection does not checkpoint the WAL
// when it closes.
std::string raw_query(const std::string& path, const std::string& sql, bool read_only = false);

// Runs `fn` in a forked child and returns what it returned (or "crashed: …"). With
// `unprivileged`, a root parent's child first becomes nobody, for whom permission bits count.
std::string in_child(const std::function<std::string()>& fn, bool unprivileged);

// Where a test's database lives, for the backend named: "sqlite", a file `name` in a
// temporary folder, or "postgresql", a fresh database of this binary's own cluster
// (tests/support/pg_cluster.h). Tests that hold for both stores take the backend from
// EACH_BACKEND(), so that Catch2 runs them once per store.
#define EACH_BACKEND() GENERATE(as<std::string>{}, "sqlite", "postgresql")
struct Location {
    explicit Location(const std::string& backend, const std::string& name = "a.db");
    std::string backend;
    TempDir dir;
    std::string path;   // what Database::open takes: a file path or a URL
    std::string shown;  // how messages name it (a URL without its password)
    // The first column of the first row, bypassing the store (SQLite read-only).
    std::string query(const std::string& sql) const;
    // Runs SQL bypassing the store (PostgreSQL: as the cluster's superuser); throws on failure.
    void exec(const std::string& sql) const;
    bool sqlite() const { return backend == "sqlite"; }
};

// SQL that turns a shared store back into schema version 1 (before the snapshots), to test
// its migration.
extern const char* const kPgBackToVersion1;

// The code name of the StoreError `fn` throws, or "ok", or "other: …".
std::string error_code_of(const std::function<void()>& fn);

}  // namespace formwork::store::test
