// check.find and f:previous(): a check reading other stored filings (see filing_queries.h).
// Loads happen inside the script's call: each one counts against its time limit (checked
// after every load) and, by the size of the filing, against its memory limit; a query
// returns at most `limit` filings (100 by default, 1,000 at most).
#include <algorithm>
#include <string_view>

#include "checks/check_engine_impl.h"
#include "checks/check_lua.h"
#include "core/filing_facts.h"
#include "lua/host_state.h"

namespace formwork::script {

namespace {

// Roughly what a loaded filing occupies, for the memory limit.
std::size_t filing_bytes(const Filing& f) {
    std::size_t n = sizeof(Filing);
    for (const auto& [k, v] : f.fields) n += k.size() + v.size() + 64;
    for (const auto& [id, t] : f.tables)
        for (const auto& row : t.rows)
            for (const auto& [k, v] : row.cells) n += k.size() + v.size() + 64;
    for (const auto& i : f.indicators) {
        n += i.level1.size() + i.level2.size() + i.name.size() + 128;
        for (const auto& [k, v] : i.targets) n += k.size() + v.size() + 64;
        for (const auto& [k, v] : i.extra) n += k.size() + v.size() + 64;
    }
    return n;
}

std::string trimmed(const std::string& s) { return normalize_category(s); }

// The normalized title's hash mixed with the year, without making a "year|title" string per
// header (the index is built from every stored filing); candidates' titles are compared again.
std::size_t year_title_key(int year, const std::string& title) {
    const std::size_t h = std::hash<std::string_view>{}(title);
    return h ^ (static_cast<std::size_t>(year) * 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2));
}

}  // namespace

FilingQueries* CheckEngine::Impl::open_queries(lua_State* L, const char* who) {
    if (!queries_opened) {
        queries_opened = true;
        if (query_factory) {
            try {
                queries = query_factory();
            } catch (const std::exception& e) {
                luaL_error(L, "%s: cannot open the store: %s", who, e.what());
            }
        }
    }
    if (!queries) luaL_error(L, "%s: no stored filings to search here", who);
    return queries.get();
}

FilingView* CheckEngine::Impl::found_view(lua_State* L, std::int64_t id) {
    if (auto it = found_by_id.find(id); it != found_by_id.end()) return it->second;
    std::optional<Filing> loaded;
    try {
        loaded = queries->load(id);
    } catch (const std::exception&) {
        loaded.reset();  // a damaged filing is not found
    }
    detail::HostState& h = detail::HostAccess::state(host);
    if (detail::deadline_passed(h)) detail::stop_for_time(L);
    if (!loaded) return nullptr;
    TemplateSlot* s = slot(*loaded);
    if (!s) return nullptr;
    detail::hold_bytes(L, filing_bytes(*loaded));
    found.push_back(std::move(*loaded));
    const Filing& f = found.back();
    found_views.push_back(std::make_unique<FilingView>(f, *s->index, department_key(f, *s->index)));
    FilingView* view = found_views.back().get();
    found_by_id[id] = view;
    return view;
}

void CheckEngine::Impl::push_found(lua_State* L, FilingView& view) {
    detail::ViewBox* box = detail::push_view_box(L);
    box->view = &view;
    box->found = true;
    lua_pushvalue(L, -1);
    found_refs.push_back(luaL_ref(L, LUA_REGISTRYINDEX));
    found_boxes.push_back(box);
}

int CheckEngine::Impl::find(lua_State* L, const detail::FindQuery& q) {
    FilingQueries* source = open_queries(L, "check.find");
    const std::string title = trimmed(q.title), department = trimmed(q.department);
    lua_newtable(L);
    int n = 0;
    bool truncated = false;
    constexpr int kMaxLoads = 2000;  // a query by department loads its candidates to compare
    int loads = 0;
    for (const FilingHeader& head : indexed_headers(*source).heads) {
        if (q.year && head.year != q.year) continue;
        if (!q.template_id.empty() && head.template_id != q.template_id) continue;
        if (!q.family.empty()) {
            TemplateSlot* s = slot(head.template_id, head.template_version);
            if (!s || s->spec->family != q.family) continue;
        }
        if (!title.empty() && trimmed(head.title) != title) continue;
        if (static_cast<std::size_t>(n) >= q.limit) {
            if (department.empty()) {
                truncated = true;
                break;
            }
        }
        FilingView* view = nullptr;
        if (++loads > kMaxLoads)
            return luaL_error(L, "check.find: more than %d filings to compare; narrow the query (year, template, family, title)", kMaxLoads);
        if (!department.empty()) {
            view = found_view(L, head.id);
            if (!view) continue;
            const std::string& field = view->index().department_field();
            if (field.empty() || trimmed(view->filing().field(field)) != department) continue;
            if (static_cast<std::size_t>(n) >= q.limit) {
                truncated = true;
                break;
            }
        } else {
            view = found_view(L, head.id);
            if (!view) continue;
        }
        push_found(L, *view);
        lua_rawseti(L, -2, ++n);
    }
    lua_pushboolean(L, truncated);
    return 2;
}

namespace {

void index_headers(const std::vector<FilingHeader>& heads, CheckEngine::Impl::HeaderIndex& x) {
    for (std::size_t i = 0; i < heads.size(); ++i) {
        if (!heads[i].year) continue;
        x.by_year[*heads[i].year].push_back(i);
        x.by_year_title[year_title_key(*heads[i].year, trimmed(heads[i].title))].push_back(i);
    }
}

}  // namespace

CheckEngine::Impl::Headers CheckEngine::Impl::indexed_headers(FilingQueries& source) {
    // Reading and indexing every header is the host's work, done once for all the calls of a
    // batch (or until the store changes): the call that happens to build it, or that waits
    // for another worker's build, is not charged for it against its time limit.
    struct Excuse {
        detail::HostState& h;
        detail::Clock::time_point began = detail::Clock::now();
        ~Excuse() { detail::excuse_host_time(h, detail::Clock::now() - began); }
    };
    if (batch_headers) {
        SharedHeaders& shared = *batch_headers;
        if (!shared.ready.load(std::memory_order_acquire)) {
            Excuse excuse{detail::HostAccess::state(host)};
            std::call_once(shared.once, [&] {
                shared.heads = source.headers();
                index_headers(shared.heads, shared.index);
                shared.ready.store(true, std::memory_order_release);
            });
        }
        return {shared.heads, shared.index};
    }
    Excuse excuse{detail::HostAccess::state(host)};
    const std::vector<FilingHeader>& heads = source.headers();  // may read them anew
    HeaderIndex& x = header_index;
    if (x.of != source.serial() || x.generation != source.headers_generation()) {
        x = HeaderIndex{};
        x.of = source.serial();
        x.generation = source.headers_generation();
        index_headers(heads, x);
    }
    return {heads, x};
}

int CheckEngine::Impl::previous(lua_State* L, FilingView& of) {
    if (!of.year()) {
        lua_pushnil(L);
        return 1;
    }
    FilingQueries* source = open_queries(L, "f:previous()");
    const FormSpec& spec = of.spec();
    const auto& keys = of.index().key_fields();
    const bool by_title = std::find(keys.begin(), keys.end(), spec.title_field) != keys.end();
    const Headers headers = indexed_headers(*source);
    const HeaderIndex& index = headers.index;
    const std::vector<FilingHeader>& heads = headers.heads;
    const std::string title = trimmed(of.title());
    // The candidates in header order, as a scan of every header would meet them.
    const std::vector<std::size_t>* candidates = nullptr;
    if (by_title) {
        auto it = index.by_year_title.find(year_title_key(*of.year() - 1, title));
        if (it != index.by_year_title.end()) candidates = &it->second;
    } else {
        auto it = index.by_year.find(*of.year() - 1);
        if (it != index.by_year.end()) candidates = &it->second;
    }
    if (candidates)
        for (std::size_t i : *candidates) {
            const FilingHeader& head = heads[i];
            if (head.id == of.filing().id || head.year != *of.year() - 1) continue;
            if (by_title && trimmed(head.title) != title) continue;  // another text of the same hash
            TemplateSlot* s = slot(head.template_id, head.template_version);
            if (!s || s->spec->family != spec.family) continue;
            FilingView* view = found_view(L, head.id);
            if (!view) continue;
            bool same = true;
            for (const std::string& k : keys) same = same && trimmed(view->filing().field(k)) == trimmed(of.filing().field(k));
            if (!same) continue;
            push_found(L, *view);
            return 1;
        }
    lua_pushnil(L);
    return 1;
}

}  // namespace formwork::script
