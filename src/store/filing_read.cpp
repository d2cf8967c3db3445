// Reading: a filing from its stored cells, the revision list, and earlier contents rebuilt by
// undoing later changes.
#include <charconv>
#include <optional>
#include <string_view>

#include "store/filing_store_impl.h"

namespace formwork::store {

namespace {

constexpr auto kRead = StoreError::Action::Read;

[[noreturn]] void bad_data(std::int64_t id, const std::string& path, const std::string& what) {
    throw StoreError(StoreError::Code::BadData, kRead, path, "filing " + std::to_string(id) + ": " + what);
}

// A filing from its cells handed over one at a time by `cells(visit)`, whatever holds them (a
// map, a snapshot): the "m/" cells give template and version, the others the content.
template <class Cells>
Filing filing_from(const Cells& cells, std::int64_t id, const std::string& path) {
    std::string template_id, version;
    FilingBuilder builder;
    try {
        cells([&](std::string_view p, std::string_view text) {
            if (!p.starts_with("m/")) builder.add(p, text);
            else if (p == kTemplateCell) template_id = text;
            else if (p == kTemplateVersionCell) version = text;
        });
    } catch (const std::invalid_argument& e) {
        bad_data(id, path, e.what());
    }
    Filing f;
    try {
        f = builder.finish();
    } catch (const std::invalid_argument& e) {
        bad_data(id, path, e.what());
    }
    int v = 0;
    const auto [end, ec] = std::from_chars(version.data(), version.data() + version.size(), v);
    if (ec != std::errc() || end != version.data() + version.size()) bad_data(id, path, "template version '" + version + "'");
    f.id = id;
    f.template_id = std::move(template_id);
    f.template_version = v;
    return f;
}

}  // namespace

Filing filing_from_stored(FilingCells cells, std::int64_t id, const std::string& path) {
    return filing_from([&](const auto& visit) {
        for (const auto& [p, text] : cells) visit(p, text);
    }, id, path);
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
    Filing f = impl_->read_filing(id);
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
    take_each([&](Filing&& f) { visit(f); }, damaged);
}

namespace {

// A filing from a snapshot blob; nullopt when the blob does not decode or its cells do not
// make a filing (damaged on disk), so that the cells decide.
std::optional<Filing> from_snapshot(std::string_view blob, std::int64_t id, const std::string& path) {
    bool decoded = false;
    try {
        Filing f = filing_from([&](const auto& visit) { decoded = decode_snapshot(blob, visit); }, id, path);
        if (decoded) return f;
    } catch (const StoreError&) {
    }
    return std::nullopt;
}

}  // namespace

Filing FilingStore::Impl::read_filing(std::int64_t id) {
    {
        auto q = select_snapshot.use();
        if (q.bind(1, id).step())
            if (auto f = from_snapshot(q.view(0), id, path)) return std::move(*f);
    }
    return filing_from_stored(read_cells(id), id, path);
}

void FilingStore::take_each(const std::function<void(Filing&&)>& visit, const DamagedHandler& damaged) {
    ReadTransaction snapshot(impl_->tx);
    // One row per filing: its snapshot, or NULL when it has none (dropped by a hand edit of a
    // cell), and then its cells are read instead.
    auto q = impl_->all_snapshots.use();
    while (q.step()) {
        const std::int64_t id = q.int64(0);
        std::optional<Filing> f;
        try {
            if (!q.is_null(1)) f = from_snapshot(q.view(1), id, impl_->path);
            if (!f) f.emplace(filing_from_stored(impl_->read_cells(id), id, impl_->path));
        } catch (const StoreError& e) {
            if (!damaged || e.code() != StoreError::Code::BadData) throw;
            damaged(id, e);
            continue;
        }
        visit(std::move(*f));
    }
}

Filing FilingStore::Stored::take() {
    if (filing_) return std::move(*filing_);
    return filing_from([&](const auto& visit) { decode_snapshot(snapshot_, visit); }, id_, *path_);
}

void FilingStore::take_each_stored(const std::function<void(Stored&&)>& visit, const DamagedHandler& damaged) {
    ReadTransaction snapshot(impl_->tx);
    auto q = impl_->all_snapshots.use();
    while (q.step()) {
        Stored s;
        s.id_ = q.int64(0);
        s.path_ = &impl_->path;
        const std::string_view blob = q.is_null(1) ? std::string_view() : q.view(1);
        // Only the lengths are walked here; a snapshot that does not decode leaves the cells
        // to decide, read now, on this connection's thread.
        if (!q.is_null(1) && decode_snapshot(blob, [](std::string_view, std::string_view) {})) {
            s.snapshot_ = blob;
        } else {
            try {
                s.filing_.emplace(filing_from_stored(impl_->read_cells(s.id_), s.id_, impl_->path));
            } catch (const StoreError& e) {
                if (!damaged || e.code() != StoreError::Code::BadData) throw;
                damaged(s.id_, e);
                continue;
            }
        }
        visit(std::move(s));
    }
}

}  // namespace formwork::store
