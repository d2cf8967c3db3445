// Drafts (see drafts.h). The content is stored as one text value of length-prefixed cells,
// because a draft is written and read whole, never diffed.
#include "store/drafts.h"

#include <charconv>

#include "core/filing_cells.h"
#include "store/sql.h"
#include "store/store_clock.h"

namespace formwork::store {

namespace {

void put(std::string& out, const std::string& s) {
    out += std::to_string(s.size());
    out += ':';
    out += s;
}

bool take(std::string_view& in, std::string& s) {
    const size_t colon = in.find(':');
    if (colon == std::string_view::npos) return false;
    size_t n = 0;
    if (std::from_chars(in.data(), in.data() + colon, n).ec != std::errc() || colon + 1 + n > in.size()) return false;
    s.assign(in.substr(colon + 1, n));
    in.remove_prefix(colon + 1 + n);
    return true;
}

}  // namespace

struct DraftStore::Impl {
    Database& db;
    Statement insert, update, select_all, select_one, remove;
    explicit Impl(Database& d)
        : db(d),
          insert(d.handle(), d.path(),
                 "INSERT INTO drafts(filing_id, template_id, template_version, title, saved_at, cells, base_revision)"
                 " VALUES(?,?,?,?,?,?,?) RETURNING id",
                 StoreError::Action::Write),
          update(d.handle(), d.path(),
                 "UPDATE drafts SET filing_id=?1, template_id=?2, template_version=?3, title=?4, saved_at=?5, cells=?6,"
                 " base_revision=?7 WHERE id=?8",
                 StoreError::Action::Write),
          select_all(d.handle(), d.path(), "SELECT id, filing_id, template_id, title, saved_at FROM drafts ORDER BY id",
                     StoreError::Action::Read),
          select_one(d.handle(), d.path(), "SELECT filing_id, template_id, template_version, cells, base_revision FROM drafts WHERE id=?",
                     StoreError::Action::Read),
          remove(d.handle(), d.path(), "DELETE FROM drafts WHERE id=?", StoreError::Action::Write) {}
};

DraftStore::DraftStore(Database& db) : impl_(std::make_unique<Impl>(db)) {}
DraftStore::~DraftStore() = default;

std::int64_t DraftStore::save(const Filing& filing, const std::string& title, std::int64_t draft_id) {
    std::string cells;
    for (const auto& [path, value] : to_cells(filing)) {
        put(cells, path);
        put(cells, value);
    }
    Statement& st = draft_id ? impl_->update : impl_->insert;
    auto use = st.use();
    use.bind(1, filing.id).bind(2, filing.template_id).bind(3, static_cast<std::int64_t>(filing.template_version));
    use.bind(4, title).bind(5, now_iso()).bind(6, cells).bind(7, filing.revision);
    if (draft_id) use.bind(8, draft_id);
    if (!use.step() || draft_id) return draft_id;
    return use.int64(0);
}

std::vector<DraftInfo> DraftStore::list() {
    std::vector<DraftInfo> out;
    auto use = impl_->select_all.use();
    while (use.step()) out.push_back({use.int64(0), use.int64(1), use.text(2), use.text(3), use.text(4)});
    return out;
}

Filing DraftStore::load(std::int64_t draft_id) {
    auto use = impl_->select_one.use();
    use.bind(1, draft_id);
    if (!use.step())
        throw StoreError(StoreError::Code::FilingNotFound, StoreError::Action::Read, impl_->db.path(),
                         "draft " + std::to_string(draft_id));
    const std::int64_t filing_id = use.int64(0);
    const std::string template_id = use.text(1);
    const int version = static_cast<int>(use.int64(2));
    const std::string text = use.text(3);
    const std::int64_t base = use.int64(4);
    FilingCells cells;
    std::string_view in = text;
    while (!in.empty()) {
        std::string path, value;
        if (!take(in, path) || !take(in, value))
            throw StoreError(StoreError::Code::BadData, StoreError::Action::Read, impl_->db.path(),
                             "draft " + std::to_string(draft_id) + " is damaged");
        cells.emplace(std::move(path), std::move(value));
    }
    Filing f;
    try {
        f = from_cells(cells);
    } catch (const std::exception& e) {
        throw StoreError(StoreError::Code::BadData, StoreError::Action::Read, impl_->db.path(), e.what());
    }
    f.id = filing_id;
    f.revision = base;
    f.template_id = template_id;
    f.template_version = version;
    return f;
}

void DraftStore::discard(std::int64_t draft_id) {
    auto use = impl_->remove.use();
    use.bind(1, draft_id);
    use.run();
}

}  // namespace formwork::store
