// `require "name"` as scripts see it: a library shared by templates and checks, loaded from
// the lib folders only (scripts/lib, then the user's lib folder), never from a path. The name
// is letters, digits, '_' and '-'; a file that resolves outside its folder (a symlink out) is
// refused. Each library runs once per host, in its own environment and under the caller's
// limits, and its value is handed out read-only, so one script cannot change what another
// gets. A library whose file changed is loaded again the next time it is required.
#include <algorithm>

#include "lua/host_state.h"
#include "lua/script_files.h"

namespace formwork::script::detail {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxLibraryBytes = std::size_t{1} << 20;

bool valid_name(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// The library's file: the first folder holding name.lua. A file that resolves outside its
// folder (a symlink out) is refused by name rather than passed over, so that the user learns
// why a library they can see is not loaded.
struct LibraryFile {
    std::optional<fs::path> file;
    std::string refused;  // why, when a file was found and refused
};

LibraryFile find_library(const HostState& h, const std::string& name) {
    for (const fs::path& dir : h.lib_dirs) {
        std::error_code ec;
        const fs::path file = dir / (name + ".lua");
        if (!fs::is_regular_file(file, ec)) continue;
        const fs::path real = fs::weakly_canonical(file, ec);
        const fs::path real_dir = fs::weakly_canonical(dir, ec);
        const auto rel = real.lexically_relative(real_dir);
        if (ec || rel.empty() || *rel.begin() == "..")
            return {std::nullopt, shown_path(file) + " is a link to a file outside " + shown_path(dir) + "; refused"};
        return {file, {}};
    }
    return {};
}

std::string folders_text(const HostState& h) {
    std::string s;
    for (const auto& d : h.lib_dirs) s += (s.empty() ? "" : ", ") + shown_path(d);
    return s;
}

// A read-only view of a library's table: reads pass through, writes are refused.
int library_assignment(lua_State* L) {
    return luaL_error(L, "cannot modify library '%s'", lua_tostring(L, lua_upvalueindex(1)));
}

void push_readonly(lua_State* L, int value, const std::string& name) {
    lua_newtable(L);
    lua_newtable(L);
    lua_pushvalue(L, value);
    lua_setfield(L, -2, "__index");
    lua_pushlstring(L, name.data(), name.size());
    lua_pushcclosure(L, library_assignment, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

}  // namespace

int sandbox_require(lua_State* L) {
    HostState& h = host_of(L);
    const std::string name = luaL_checkstring(L, 1);
    if (!valid_name(name))
        return luaL_error(L, "require: \"%s\" is not a library name (letters, digits, '_' and '-', no path)", name.c_str());
    const auto found = find_library(h, name);
    if (!found.refused.empty()) return luaL_error(L, "require: %s", found.refused.c_str());
    const auto& file = found.file;
    if (!file) return luaL_error(L, "require: no library \"%s\" (looked for %s.lua in %s)", name.c_str(), name.c_str(), folders_text(h).c_str());
    std::error_code ec;
    const auto mtime = fs::last_write_time(*file, ec);
    HostState::Library& lib = h.libraries[name];
    if (lib.loading) return luaL_error(L, "require: \"%s\" requires itself (a loop of libraries)", name.c_str());
    if (lib.ref != 0 && lib.mtime == mtime) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, lib.ref);
        return 1;
    }
    const auto text = read_script_text(*file);
    if (!text) return luaL_error(L, "require: cannot read %s", shown_path(*file).c_str());
    if (text->size() > kMaxLibraryBytes) return luaL_error(L, "require: %s is larger than 1 MB", shown_path(*file).c_str());
    if (!text->empty() && (*text)[0] == '\x1b') return luaL_error(L, "require: %s is bytecode, not source", shown_path(*file).c_str());

    const std::string shown = shown_path(*file);
    const std::string chunkname = "@" + shown;
    remember_short_name(h, L, chunkname, shown);
    if (luaL_loadbufferx(L, text->data(), text->size(), chunkname.c_str(), "t") != 0) return lua_error(L);
    set_chunk_limits(h, L, -1);
    set_chunk_environment(L, h, -1);
    check_c_stack(L);
    lib.loading = true;
    struct Done {
        HostState& h;
        std::string name;
        ~Done() { h.libraries[name].loading = false; }
    } done{h, name};
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    if (lua_istable(L, -1)) push_readonly(L, lua_gettop(L), name);
    HostState::Library& loaded = h.libraries[name];
    if (loaded.ref != 0) h.released_refs.push_back(loaded.ref);
    lua_pushvalue(L, -1);
    loaded.ref = luaL_ref(L, LUA_REGISTRYINDEX);
    loaded.mtime = mtime;
    return 1;
}

}  // namespace formwork::script::detail
