// The database schema as a list of forward migrations. PRAGMA user_version holds the version
// a file is at; PRAGMA application_id marks the file as Formwork's. Adding version N+1 is one
// more entry at the end of the list in schema.cpp, never an edit of an earlier entry (files
// in the field are at those versions).
#pragma once

#include <cstdint>
#include <span>
#include <string>

struct sqlite3;

namespace formwork::store {

// 'FRMW': tells our files from any other SQLite file.
inline constexpr std::int32_t kApplicationId = 0x46524D57;

struct Migration {
    int version;      // 1, 2, 3 …, consecutive
    const char* sql;  // takes the schema from version - 1 to version
    // What SQL alone cannot do, run after `sql` in the same transaction (e.g. filling a new
    // table from the old ones); nullptr for none.
    void (*then)(sqlite3* db, const std::string& path) = nullptr;
};

std::span<const Migration> migrations();
int latest_schema_version();

// Runs the migrations of `list` after `from_version`, stamping user_version and
// application_id. The caller holds a write transaction, so a failure leaves the file as it was.
void apply_migrations(sqlite3* db, const std::string& path, int from_version, std::span<const Migration> list);

}  // namespace formwork::store
