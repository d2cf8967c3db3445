// A filing's identity and whole history for copying it to another store (see FilingStore's
// "Copying between stores"): uids, every revision's content, and appending a revision as
// recorded elsewhere.
#include "store/filing_store_impl.h"

namespace formwork::store {

namespace {
constexpr auto kRead = StoreError::Action::Read;
constexpr auto kWrite = StoreError::Action::Write;
}  // namespace

std::string FilingStore::uid(std::int64_t id) {
    WriteTransaction tx(impl_->tx);
    impl_->require_filing(id, kRead);
    Statement get(impl_->db, impl_->path, "SELECT uid FROM filings WHERE id = ?1", kRead);
    std::string uid;
    {
        auto q = get.use();
        if (q.bind(1, id).step() && !q.is_null(0)) uid = q.text(0);
    }
    if (uid.empty()) {
        uid = new_uid();
        Statement set(impl_->db, impl_->path, "UPDATE filings SET uid = ?2 WHERE id = ?1", kWrite);
        set.use().bind(1, id).bind(2, uid).run();
    }
    tx.commit();
    return uid;
}

std::optional<std::int64_t> FilingStore::find_uid(const std::string& uid) {
    Statement s(impl_->db, impl_->path, "SELECT id FROM filings WHERE uid = ?1", kRead);
    auto q = s.use();
    if (!q.bind(1, uid).step()) return std::nullopt;
    return q.int64(0);
}

std::vector<std::string> FilingStore::revision_uids(std::int64_t id) {
    WriteTransaction tx(impl_->tx);
    impl_->require_filing(id, kRead);
    std::vector<std::pair<std::int64_t, std::string>> rows;
    {
        Statement s(impl_->db, impl_->path, "SELECT id, uid FROM revisions WHERE filing_id = ?1 ORDER BY id", kRead);
        auto q = s.use();
        q.bind(1, id);
        while (q.step()) rows.emplace_back(q.int64(0), q.is_null(1) ? std::string() : q.text(1));
    }
    std::vector<std::string> out;
    Statement set(impl_->db, impl_->path, "UPDATE revisions SET uid = ?2 WHERE id = ?1", kWrite);
    for (auto& [rev, uid] : rows) {
        if (uid.empty()) {
            uid = new_uid();
            set.use().bind(1, rev).bind(2, uid).run();
        }
        out.push_back(uid);
    }
    tx.commit();
    return out;
}

std::vector<FilingStore::RevisionRecord> FilingStore::history(std::int64_t id) {
    const std::vector<std::string> uids = revision_uids(id);
    ReadTransaction snapshot(impl_->tx);
    std::vector<RevisionRecord> out;
    Statement s(impl_->db, impl_->path, "SELECT id, at, summary FROM revisions WHERE filing_id = ?1 ORDER BY id", kRead);
    auto q = s.use();
    q.bind(1, id);
    std::vector<std::int64_t> ids;
    while (q.step()) {
        ids.push_back(q.int64(0));
        out.push_back({uids.at(out.size()), q.text(1), q.text(2), {}});
    }
    for (std::size_t i = 0; i < ids.size(); ++i) out[i].cells = impl_->cells_at(id, ids[i]);
    return out;
}

void FilingStore::append(std::int64_t& id, const std::string& filing_uid, const RevisionRecord& record) {
    FilingCells cells = record.cells;
    const Impl::Origin origin{filing_uid, record.uid, record.at};
    const SaveResult r = impl_->write(id, cells, record.summary, 0, 0, &origin);
    id = r.id;
}

}  // namespace formwork::store
