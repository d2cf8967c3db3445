// Roles, grants and logins of a shared store (see shared_admin.h). Role statements take no
// parameters, so names and passwords are quoted by libpq (PQescapeIdentifier/Literal).
#include "store/pg_connection.h"
#include "store/shared_admin.h"
#include "store/sql.h"

namespace formwork::store {

namespace {

constexpr auto kWrite = StoreError::Action::Write;

PgConnection& pg(Database& db) {
    if (!db.shared())
        throw StoreError(StoreError::Code::Denied, kWrite, db.path(), "an SQLite file has no roles; give a postgresql:// URL");
    return static_cast<PgConnection&>(*db.handle());
}

// Department logins: their own filings (RLS), drafts of their own; revisions only added.
// Reviewers: every filing read, statuses and review notes written, no cell edited.
constexpr const char* kGrants = R"sql(
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'formwork_department') THEN
        CREATE ROLE formwork_department NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'formwork_reviewer') THEN
        CREATE ROLE formwork_reviewer NOLOGIN;
    END IF;
END $$;
GRANT SELECT, INSERT, UPDATE ON filings TO formwork_department;
GRANT SELECT, INSERT, UPDATE, DELETE ON filing_cells TO formwork_department;
GRANT SELECT ON filing_snapshots TO formwork_department;
GRANT EXECUTE ON FUNCTION formwork_write_snapshot(bigint) TO formwork_department;
GRANT SELECT, INSERT ON revisions, revision_changes, status_changes TO formwork_department;
GRANT SELECT ON review_notes, accepted_warnings TO formwork_department;
GRANT SELECT ON filings, filing_cells, filing_snapshots, revisions, revision_changes, status_changes TO formwork_reviewer;
GRANT UPDATE (status, status_reason, updated_at) ON filings TO formwork_reviewer;
GRANT INSERT ON status_changes TO formwork_reviewer;
GRANT SELECT, INSERT, UPDATE, DELETE ON review_notes, accepted_warnings TO formwork_reviewer;
GRANT SELECT, INSERT, UPDATE, DELETE ON drafts TO formwork_department, formwork_reviewer;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO formwork_department, formwork_reviewer;
)sql";

}  // namespace

void init_shared_store(Database& db) {
    PgConnection& c = pg(db);
    c.exec("BEGIN", db.path(), kWrite);
    try {
        c.exec(kGrants, db.path(), kWrite);
        c.exec("COMMIT", db.path(), kWrite);
    } catch (...) {
        PQclear(PQexec(c.raw(), "ROLLBACK"));
        throw;
    }
}

void grant_login(Database& db, const std::string& user, const std::string& password, const std::string& department,
                 bool reviewer) {
    PgConnection& c = pg(db);
    const std::string role = c.identifier(user);
    c.exec("BEGIN", db.path(), kWrite);
    try {
        bool exists = false;
        {
            Statement s(&c, db.path(), "SELECT 1 FROM pg_roles WHERE rolname = ?1", kWrite);
            auto q = s.use();
            exists = q.bind(1, user).step();
        }
        c.exec((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN PASSWORD " + c.literal(password), db.path(),
               kWrite);
        c.exec("GRANT " + std::string(reviewer ? "formwork_reviewer" : "formwork_department") + " TO " + role, db.path(),
               kWrite);
        c.exec("REVOKE " + std::string(reviewer ? "formwork_department" : "formwork_reviewer") + " FROM " + role,
               db.path(), kWrite);
        Statement s(&c, db.path(),
                    "INSERT INTO formwork_users(username, department, reviewer) VALUES(?1, ?2, ?3)"
                    " ON CONFLICT(username) DO UPDATE SET department = excluded.department, reviewer = excluded.reviewer",
                    kWrite);
        auto q = s.use();
        q.bind(1, user);
        if (reviewer) q.bind_null(2);
        else q.bind(2, department);
        q.bind(3, reviewer ? std::string_view("true") : std::string_view("false"));
        q.run();
        c.exec("COMMIT", db.path(), kWrite);
    } catch (...) {
        PQclear(PQexec(c.raw(), "ROLLBACK"));
        throw;
    }
}

}  // namespace formwork::store
