// Internal to src/store: opening a PostgreSQL store (Database::open with a URL): connect,
// then create the schema when asked to and it is not there, migrate an older one, refuse a
// newer one or a database that is not Formwork's.
#pragma once

#include <span>
#include <string>

#include "store/database.h"
#include "store/schema.h"

namespace formwork::store {

Database open_postgres(const std::string& url, OpenMode mode);

// The PostgreSQL schema's own list of versions (pg_schema.cpp); the table formwork_schema
// holds the version a database is at.
std::span<const Migration> pg_migrations();

}  // namespace formwork::store
