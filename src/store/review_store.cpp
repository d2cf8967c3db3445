// The reviewer's notes and accepted warnings (see review_store.h).
#include "store/review_store.h"

#include "core/filing_cells.h"
#include "store/sql.h"
#include "store/store_clock.h"

namespace formwork::store {

std::string review_value(const Filing& filing, const std::string& path) {
    if (path.empty()) return {};
    std::string out;
    for (const auto& [p, v] : to_cells(filing)) {
        if (p == path) return v;
        if (p.size() > path.size() && p.compare(0, path.size(), path) == 0 && p[path.size()] == '/')
            out += p + "=" + v + "\n";
    }
    return out;
}

bool is_accepted(const std::vector<AcceptedWarning>& marks, const Filing& filing, const std::string& check,
                 const std::string& path) {
    for (const auto& m : marks)
        if (m.filing == filing.id && m.check == check && m.path == path) return m.value == review_value(filing, path);
    return false;
}

bool ReviewStore::has_tables() const {
    if (db_.shared()) return true;  // the shared store's schema has them from its first version
    Statement s(db_.handle(), db_.path(), "SELECT count(*) FROM sqlite_schema WHERE name='review_notes'", StoreError::Action::Read);
    auto q = s.use();
    return q.step() && q.int64(0) > 0;
}

void ReviewStore::set_note(std::int64_t filing, const std::string& check, const std::string& path, const std::string& text) {
    if (text.empty()) {
        Statement s(db_.handle(), db_.path(), "DELETE FROM review_notes WHERE filing_id=? AND check_id=? AND path=?",
                    StoreError::Action::Write);
        s.use().bind(1, filing).bind(2, check).bind(3, path).run();
        return;
    }
    Statement s(db_.handle(), db_.path(),
                "INSERT INTO review_notes(filing_id, check_id, path, text, at) VALUES(?,?,?,?,?) "
                "ON CONFLICT(filing_id, check_id, path) DO UPDATE SET text=excluded.text, at=excluded.at",
                StoreError::Action::Write);
    s.use().bind(1, filing).bind(2, check).bind(3, path).bind(4, text).bind(5, now_iso()).run();
}

std::string ReviewStore::finding_note(std::int64_t filing, const std::string& check, const std::string& path) const {
    if (!has_tables()) return {};
    Statement s(db_.handle(), db_.path(), "SELECT text FROM review_notes WHERE filing_id=? AND check_id=? AND path=?",
                StoreError::Action::Read);
    auto q = s.use();
    q.bind(1, filing).bind(2, check).bind(3, path);
    return q.step() ? q.text(0) : std::string();
}

std::vector<std::string> ReviewStore::filing_notes(std::int64_t filing) const {
    const std::string note = finding_note(filing, "", "");
    if (note.empty()) return {};
    return {note};
}

std::vector<ReviewNote> ReviewStore::notes(std::int64_t filing) const {
    std::vector<ReviewNote> out;
    if (!has_tables()) return out;
    Statement s(db_.handle(), db_.path(), "SELECT check_id, path, text, at FROM review_notes WHERE filing_id=? ORDER BY check_id, path",
                StoreError::Action::Read);
    auto q = s.use();
    q.bind(1, filing);
    while (q.step()) out.push_back({q.text(0), q.text(1), q.text(2), q.text(3)});
    return out;
}

void ReviewStore::accept(const Filing& filing, const std::string& check, const std::string& path) {
    Statement s(db_.handle(), db_.path(),
                "INSERT INTO accepted_warnings(filing_id, check_id, path, value, at) VALUES(?,?,?,?,?) "
                "ON CONFLICT(filing_id, check_id, path) DO UPDATE SET value=excluded.value, at=excluded.at",
                StoreError::Action::Write);
    s.use().bind(1, filing.id).bind(2, check).bind(3, path).bind(4, review_value(filing, path)).bind(5, now_iso()).run();
}

void ReviewStore::unaccept(std::int64_t filing, const std::string& check, const std::string& path) {
    Statement s(db_.handle(), db_.path(), "DELETE FROM accepted_warnings WHERE filing_id=? AND check_id=? AND path=?",
                StoreError::Action::Write);
    s.use().bind(1, filing).bind(2, check).bind(3, path).run();
}

std::vector<AcceptedWarning> ReviewStore::accepted() const {
    std::vector<AcceptedWarning> out;
    if (!has_tables()) return out;
    Statement s(db_.handle(), db_.path(),
                "SELECT filing_id, check_id, path, value FROM accepted_warnings ORDER BY filing_id, check_id, path",
                StoreError::Action::Read);
    auto q = s.use();
    while (q.step()) out.push_back({q.int64(0), q.text(1), q.text(2), q.text(3)});
    return out;
}

std::vector<AcceptedWarning> ReviewStore::accepted(std::int64_t filing) const {
    std::vector<AcceptedWarning> out;
    if (!has_tables()) return out;
    Statement s(db_.handle(), db_.path(),
                "SELECT filing_id, check_id, path, value FROM accepted_warnings WHERE filing_id=? ORDER BY check_id, path",
                StoreError::Action::Read);
    auto q = s.use();
    q.bind(1, filing);
    while (q.step()) out.push_back({q.int64(0), q.text(1), q.text(2), q.text(3)});
    return out;
}

}  // namespace formwork::store
