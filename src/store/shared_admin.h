// Administration of a shared (PostgreSQL) store: the two group roles and what each may touch,
// and the logins of departments and reviewers. Row-level security (pg_schema.cpp) then keeps
// a department's login to its own filings; these grants decide which tables it may read or
// write at all: nobody but the owner may update or delete a revision.
#pragma once

#include <string>

#include "store/database.h"

namespace formwork::store {

// Creates (if missing) the roles formwork_department and formwork_reviewer and grants them
// their tables. Needs a login that may create roles and owns the schema (the one whose
// Database::open created it). StoreError Denied on an SQLite file, which has no roles.
void init_shared_store(Database& db);

// Creates the login `user` with `password` (or gives an existing one the new password) as a
// member of formwork_department for `department`, or of formwork_reviewer when `reviewer`.
void grant_login(Database& db, const std::string& user, const std::string& password, const std::string& department,
                 bool reviewer);

}  // namespace formwork::store
