// Creating and closing a host's Lua state, finding the host from a lua_State, and the
// registry references behind FunctionRef.
#include "lua/host_state.h"
#include "lua/script_files.h"
#include "lua/watchdog.h"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace formwork::script::detail {

namespace {

// Every Lua call goes through lua_pcall, so reaching here is a bug in the script layer.
int panic(lua_State* L) {
    const char* message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
    std::fprintf(stderr, "formwork: Lua error outside a protected call: %s\n", message);
    std::abort();
}

struct OpenArgs {
    HostState* host;
    std::span<const luax::Module> modules;
};

int open_entry(lua_State* L) {
    auto* args = static_cast<OpenArgs*>(lua_touserdata(L, 1));
    lua_pop(L, 1);
    open_sandbox(L, *args->host, args->modules);
    return 0;
}

HostOptions sanitized(HostOptions o) {
    if (o.time_limit.count() < 1) o.time_limit = std::chrono::milliseconds(1);
    if (o.hook_interval < 1) o.hook_interval = 1;
    if (o.max_depth < 1) o.max_depth = 1;
    if (o.max_depth > 1000) o.max_depth = 1000;
    return o;
}

}  // namespace

std::shared_ptr<HostState> create_host(HostOptions options, std::span<const luax::Module> modules) {
    auto h = std::make_shared<HostState>();
    h->options = sanitized(std::move(options));
    h->lib_dirs = h->options.lib_dirs ? *h->options.lib_dirs : script_dirs("lib");
    h->L = lua_newstate(limited_alloc, h.get());
    if (h->L == nullptr) throw std::runtime_error("cannot create a Lua state");
    lua_atpanic(h->L, panic);
    OpenArgs args{h.get(), modules};
    if (lua_cpcall(h->L, open_entry, &args) != 0) {
        std::string why = lua_type(h->L, -1) == LUA_TSTRING ? lua_tostring(h->L, -1) : "?";
        throw std::runtime_error("cannot build the script sandbox: " + why);
    }
    watchdog::watch(*h);
    return h;
}

HostState::~HostState() {
    watchdog::unwatch(*this);
    if (L != nullptr) lua_close(L);
}

// Learns how Lua abbreviates this chunk name in messages (long paths become ".../tail"),
// so positions in messages can be mapped back to the full name.
void remember_short_name(HostState& h, lua_State* L, const std::string& chunkname, const std::string& name) {
    if (luaL_loadbufferx(L, "", 0, chunkname.c_str(), "t") != 0) {
        lua_pop(L, 1);
        return;
    }
    lua_Debug ar;
    if (lua_getinfo(L, ">S", &ar) != 0) h.short_names[ar.short_src] = name;
}

void set_chunk_limits(HostState& h, lua_State* L, int index) {
    if (!h.options.jit) luaJIT_setmode(L, index, LUAJIT_MODE_ALLFUNC | LUAJIT_MODE_OFF);
}

HostState& host_of(lua_State* L) {
    void* ud = nullptr;
    lua_getallocf(L, &ud);
    return *static_cast<HostState*>(ud);
}

FunctionRef make_function_ref(HostState& h, lua_State* L, int index, int last_line) {
    index = index < 0 ? lua_gettop(L) + index + 1 : index;
    auto slot = std::make_shared<FunctionSlot>();
    slot->host = h.weak_from_this();
    lua_Debug ar;
    lua_pushvalue(L, index);
    if (lua_getinfo(L, ">S", &ar) != 0) {
        slot->file = ar.source != nullptr && ar.source[0] == '@' ? ar.source + 1 : "[C]";
        slot->first_line = ar.linedefined > 0 ? ar.linedefined : 0;
        slot->last_line = ar.lastlinedefined > 0 ? ar.lastlinedefined : 0;
    }
    if (last_line > 0) slot->last_line = last_line;
    lua_pushvalue(L, index);
    slot->ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return FunctionSlot::wrap(std::move(slot));
}

FunctionSlot::~FunctionSlot() {
    try {
        if (auto h = host.lock()) h->released_refs.push_back(ref);
    } catch (...) {
        // Out of memory while recording: the registry slot leaks until the host closes.
    }
}

ScriptHost HostAccess::make(HostOptions options, std::span<const luax::Module> modules) {
    return ScriptHost(create_host(std::move(options), modules));
}

}  // namespace formwork::script::detail

namespace formwork::script {

const std::string& FunctionRef::file() const {
    static const std::string none;
    return slot_ ? slot_->file : none;
}

int FunctionRef::first_line() const { return slot_ ? slot_->first_line : 0; }

int FunctionRef::last_line() const { return slot_ ? slot_->last_line : 0; }

}  // namespace formwork::script
