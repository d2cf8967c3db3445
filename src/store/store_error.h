// The one error type of the storage layer: what went wrong (a code a caller can act on), while
// doing what, with which file, plus a sentence for the user in Chinese or English.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/lang.h"

namespace formwork::store {

class StoreError : public std::runtime_error {
public:
    enum class Code {
        FileMissing,       // opening an existing database, but there is no file
        NoAccess,          // the file cannot be read at all (permissions)
        NotSqlite,         // not an SQLite database file
        NotFormwork,       // an SQLite file of another application, or an empty file
        NewerSchema,       // written by a newer Formwork; this build must not touch it
        OlderSchema,       // needs an upgrade, which a read-only open cannot do
        ReadOnly,          // writing is needed, but the file or its folder is read-only
        Locked,            // another connection held the lock past the busy timeout
        Corrupt,           // SQLite found the file damaged
        DiskFull,
        Io,                // any other I/O failure
        FilingNotFound,    // detail holds the filing id
        RevisionNotFound,  // detail holds the revision id
        BadData,           // stored cells that do not make a filing
        Sql,               // an unexpected SQLite error (a bug, most likely)
        Denied,            // the shared store's roles do not allow this (PostgreSQL privileges,
                           // row-level security, a status this role may not set), or the
                           // filing's status forbids it (submitted, approved)
        Conflict,          // another save landed since the revision a save was based on and
                           // changed the same cells (a ConflictError lists them)
    };
    // What the store was doing; it picks the opening words of the message.
    enum class Action { Open, Read, Write };

    StoreError(Code code, Action action, std::string path, std::string detail);

    Code code() const { return code_; }
    Action action() const { return action_; }
    const std::string& path() const { return path_; }
    const std::string& detail() const { return detail_; }

private:
    Code code_;
    Action action_;
    std::string path_;
    std::string detail_;
};

// One cell both sides changed since the base revision: its text then, in the refused save
// (mine) and as stored now (theirs); nullopt where the cell did not exist.
struct ConflictCell {
    std::string path;
    std::optional<std::string> base, mine, theirs;
};

// A save refused because it would silently overwrite another one (Code::Conflict).
class ConflictError : public StoreError {
public:
    ConflictError(std::string path, std::int64_t filing, std::int64_t base, std::int64_t head,
                  std::vector<ConflictCell> cells);
    std::int64_t filing() const { return filing_; }
    std::int64_t base() const { return base_; }  // the revision the save was based on
    std::int64_t head() const { return head_; }  // the stored revision it met
    const std::vector<ConflictCell>& cells() const { return cells_; }

private:
    std::int64_t filing_, base_, head_;
    std::vector<ConflictCell> cells_;
};

// One sentence naming the file, e.g. "无法打开 /x/a.db：这不是 Formwork 数据库（application_id 0x1）。"
std::string describe(const StoreError& error, Lang lang = Lang::Zh);

// A stable English name of the code ("not-formwork"), for logs and machine-readable output.
const char* code_name(StoreError::Code code);

}  // namespace formwork::store
