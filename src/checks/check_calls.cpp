// Where the check engine enters Lua: making the reusable Filing userdata and calling a
// check's run function with them, each as one piece of the host's protected work (so limits,
// stops and errors behave as for templates).
#include <algorithm>
#include <stdexcept>

#include "core/utf8.h"

#include "checks/check_engine_impl.h"
#include "checks/check_lua.h"
#include "lua/host_state.h"

namespace formwork::script {

namespace {

struct BoxWork final : detail::ProtectedWork {
    std::size_t count;
    std::vector<detail::ViewBox*>& boxes;
    std::vector<int>& refs;

    BoxWork(std::size_t n, std::vector<detail::ViewBox*>& b, std::vector<int>& r) : count(n), boxes(b), refs(r) {}

    void run(lua_State* L) override {
        while (boxes.size() < count) {
            detail::ViewBox* box = detail::push_view_box(L);
            refs.push_back(luaL_ref(L, LUA_REGISTRYINDEX));
            boxes.push_back(box);
        }
    }
};

struct RunWork final : detail::ProtectedWork {
    int function;
    const std::vector<int>& refs;
    std::size_t views;
    bool as_group;

    RunWork(int f, const std::vector<int>& r, std::size_t n, bool g) : function(f), refs(r), views(n), as_group(g) {}

    void run(lua_State* L) override {
        lua_rawgeti(L, LUA_REGISTRYINDEX, function);
        if (as_group) {
            // The one table a run builds: the list of a department's filings, once per group.
            lua_createtable(L, static_cast<int>(views), 0);
            for (std::size_t i = 0; i < views; ++i) {
                lua_rawgeti(L, LUA_REGISTRYINDEX, refs[i]);
                lua_rawseti(L, -2, static_cast<int>(i + 1));
            }
        } else {
            lua_rawgeti(L, LUA_REGISTRYINDEX, refs[0]);
        }
        lua_call(L, 1, 0);
    }
};

// group(f) → a key: text or a number, nil for none.
struct GroupWork final : detail::ProtectedWork {
    int function;
    int box;
    std::string key;

    GroupWork(int f, int b) : function(f), box(b) {}

    void run(lua_State* L) override {
        lua_rawgeti(L, LUA_REGISTRYINDEX, function);
        lua_rawgeti(L, LUA_REGISTRYINDEX, box);
        lua_call(L, 1, 1);
        const int type = lua_type(L, -1);
        if (type == LUA_TSTRING || type == LUA_TNUMBER) {
            std::size_t size = 0;
            const char* s = lua_tolstring(L, -1, &size);
            key.assign(s, std::min<std::size_t>(size, 1024));
        } else if (type != LUA_TNIL) {
            luaL_error(L, "group(f) must give text, a number or nil, not a %s", lua_typename(L, type));
        }
        lua_pop(L, 1);
    }
};

}  // namespace

std::optional<ScriptError> CheckEngine::Impl::call_group(const CheckSpec& check, FilingView& view, std::string& key) {
    const detail::FunctionSlot* slot = detail::FunctionSlot::of(check.group);
    if (slot == nullptr) return ScriptError{ScriptError::Kind::BadValue, check.file, check.line, "the check has no group function", {}};
    ensure_boxes(1);
    boxes[0]->view = &view;
    GroupWork work(slot->ref, box_refs[0]);
    auto error = detail::run_protected(detail::HostAccess::state(host), work, slot->file);
    boxes[0]->view = nullptr;
    key = error ? std::string() : utf8::repair(work.key);
    return error;
}

void CheckEngine::Impl::ensure_boxes(std::size_t count) {
    if (boxes.size() >= count) return;
    BoxWork work(count, boxes, box_refs);
    auto& h = detail::HostAccess::state(host);
    if (auto error = detail::run_protected(h, work, "check engine"))
        throw std::runtime_error("cannot make filing views: " + error->to_string());
}

std::optional<ScriptError> CheckEngine::Impl::call_run(const CheckSpec& check, std::size_t views, bool as_group) {
    const detail::FunctionSlot* slot = detail::FunctionSlot::of(check.run);
    if (slot == nullptr) return ScriptError{ScriptError::Kind::BadValue, check.file, check.line, "the check has no run function", {}};
    RunWork work(slot->ref, box_refs, views, as_group);
    if (!as_group) return detail::run_protected(detail::HostAccess::state(host), work, slot->file);
    // A group run reads every filing of its group: the time limit grows with the group (the
    // limit plus 1 ms per filing), so that a year's or the whole store's check is judged by
    // what it does per filing, as a filing check is.
    struct RestoreLimit {
        ScriptHost& host;
        std::chrono::milliseconds limit;
        ~RestoreLimit() { host.set_time_limit(limit); }
    } restore{host, host.options().time_limit};
    host.set_time_limit(restore.limit + std::chrono::milliseconds(static_cast<std::int64_t>(views)));
    return detail::run_protected(detail::HostAccess::state(host), work, slot->file);
}

void CheckEngine::Impl::retire_boxes() {
    detail::HostAccess::state(host).proven_filing_box = nullptr;
    for (detail::ViewBox* box : boxes) box->view = nullptr;  // the userdata lives on while a script holds it
    for (int ref : box_refs) release_ref(ref);
    boxes.clear();
    box_refs.clear();
    for (detail::ViewBox* box : found_boxes) box->view = nullptr;
    for (int ref : found_refs) release_ref(ref);
    found_boxes.clear();
    found_refs.clear();
    found_by_id.clear();
    found_views.clear();
    found.clear();
}

void CheckEngine::Impl::release_ref(int ref) {
    // Released at the start of the next call, when touching the registry is safe.
    if (ref != 0) detail::HostAccess::state(host).released_refs.push_back(ref);
}

}  // namespace formwork::script
