// Reading: a filing from its stored cells, the revision list, and earlier contents rebuilt by
// undoing later changes.
#include <charconv>
#include <optional>

#include "store/filing_store_impl.h"

namespace formwork::store {

namespace {

constexpr auto kRead = StoreError::Action::Read;

std::string take(FilingCells& cells, const char* path) {
    auto it = cells.find(path);
    if (it == cells.end()) return {};
    std::string value = std::move(it->second);
    cells.erase(it);
    return value;
}

}  // namespace

Filing filing_from_stored(FilingCells cells, std::int64_t id, const std::string& path) {
    const std::string template_id = take(cells, kTemplateCell);
    const std::string version = take(cells, kTemplateVersionCell);
    take(cells, kTitleCell);
    take(cells, kYearCell);
    Filing f;
    try {
        f = from_cells(cells);
    } catch (const std::invalid_argument& e) {
        throw StoreError(StoreError::Code::BadData, kRead, path, "filing " + std::to_string(id) + ": " + e.what());
    }
    int v = 0;
    const auto [end, ec] = std::from_chars(version.data(), version.data() + version.size(), v);
    if (ec != std::errc() || end != version.data() + version.size())
        throw StoreError(StoreError::Code::BadData, kRead, path,
                         "filing " + std::to_string(id) + ": template version '" + version + "'");
    f.id = id;
    f.template_id = template_id;
    f.template_version = v;
    return f;
}

FilingCells FilingStore::Impl::read_cells(std::int64_t id) {
    FilingCells cells;
    auto q = select_cells.use();
    q.bind(1, id);
    // Rows come in primary-key (path) order, so each insert lands at the end of the map.
    while (q.step()) cells.emplace_hint(cells.end(), q.text(0), q.text(1));
    return cells;
}

FilingCells FilingStore::Impl::cells_at(std::int64_t filing_id, std::int64_t revision_id) {
    require_filing(filing_id, kRead);
    {
        auto q = revision_exists.use();
        if (!q.bind(1, filing_id).bind(2, revision_id).step())
            not_found(StoreError::Code::RevisionNotFound, revision_id, kRead);
    }
    FilingCells cells = read_cells(filing_id);
    auto q = later_changes.use();
    q.bind(1, filing_id).bind(2, revision_id);
    while (q.step()) {
        if (q.is_null(1)) cells.erase(q.text(0));
        else cells[q.text(0)] = q.text(1);
    }
    return cells;
}

Filing FilingStore::load(std::int64_t id) {
    ReadTransaction snapshot(impl_->tx);
    const std::int64_t head = impl_->require_filing(id, kRead);
    Filing f = filing_from_stored(impl_->read_cells(id), id, impl_->path);
    f.revision = head;
    return f;
}

Filing FilingStore::load_revision(std::int64_t filing_id, std::int64_t revision_id) {
    ReadTransaction snapshot(impl_->tx);
    return filing_from_stored(impl_->cells_at(filing_id, revision_id), filing_id, impl_->path);
}

std::vector<RevisionInfo> FilingStore::revisions(std::int64_t filing_id) {
    ReadTransaction snapshot(impl_->tx);
    impl_->require_filing(filing_id, kRead);
    std::vector<RevisionInfo> out;
    auto q = impl_->list_revisions.use();
    q.bind(1, filing_id);
    while (q.step()) out.push_back({q.int64(0), q.text(1), q.text(2), q.int64(3), q.int64(4)});
    return out;
}

std::map<std::int64_t, std::vector<std::string>> FilingStore::changed_paths(std::int64_t filing_id) {
    ReadTransaction snapshot(impl_->tx);
    impl_->require_filing(filing_id, kRead);
    std::map<std::int64_t, std::vector<std::string>> out;
    auto q = impl_->changed_paths.use();
    q.bind(1, filing_id);
    while (q.step()) out[q.int64(0)].push_back(q.text(1));
    return out;
}

void FilingStore::for_each(const std::function<void(const Filing&)>& visit, const DamagedHandler& damaged) {
    ReadTransaction snapshot(impl_->tx);
    auto q = impl_->all_cells.use();
    FilingCells cells;
    std::int64_t current = 0;
    auto flush = [&] {
        if (current == 0) return;
        std::optional<Filing> f;
        try {
            f.emplace(filing_from_stored(std::move(cells), current, impl_->path));
        } catch (const StoreError& e) {
            if (!damaged || e.code() != StoreError::Code::BadData) throw;
            damaged(current, e);
        }
        cells.clear();
        if (f) visit(*f);
    };
    while (q.step()) {
        const std::int64_t id = q.int64(0);
        if (id != current) {
            flush();
            current = id;
        }
        cells.emplace_hint(cells.end(), q.text(1), q.text(2));
    }
    flush();
}

}  // namespace formwork::store
