// The time limit and how any limit stops a script.
//
// No hook runs while a script is within its limits: the watchdog thread (watchdog.h) sets the
// count hook once a call's deadline has passed, and the allocator sets it (every
// `hook_interval` instructions) when memory nears the cap, for the emergency collection.
// Hooks only run in interpreted code (PLATFORM.md: compiled traces never call them), which is
// why chunks are loaded interpret-only. Once a limit is hit, the hook is set to fire before every
// instruction and raises the stop each time, so a script that catches the error by any means
// cannot run a single instruction more (redis does the same). The sandbox's pcall/xpcall also
// re-raise a stop at once, so the script's own handlers never run.
#include <cstdio>
#include <mutex>

#include "lua/host_state.h"

namespace formwork::script::detail {

std::string describe_bytes(std::size_t bytes) {
    constexpr std::size_t mb = std::size_t{1} << 20;
    constexpr std::size_t kb = std::size_t{1} << 10;
    if (bytes >= mb && bytes % mb == 0) return std::to_string(bytes / mb) + " MB";
    if (bytes >= kb && bytes % kb == 0) return std::to_string(bytes / kb) + " KB";
    return std::to_string(bytes) + " bytes";
}

void set_limit_hook(HostState& h, int interval) {
    std::lock_guard lock(h.hook_mutex);
    lua_sethook(h.L, limit_hook, LUA_MASKCOUNT, interval);
    h.hook_set.store(true);
}

void remove_limit_hook(HostState& h) {
    std::lock_guard lock(h.hook_mutex);
    lua_sethook(h.L, nullptr, 0, 0);
    h.hook_set.store(false);
}

bool deadline_passed(const HostState& h) {
    return h.stop.has_value() || (h.depth > 0 && Clock::now() >= h.deadline);
}

void excuse_host_time(HostState& h, Clock::duration spent) {
    if (h.depth == 0 || h.stop) return;
    h.deadline += spent;
    h.armed_deadline.store(h.deadline.time_since_epoch().count());
}

void begin_stop(HostState& h, lua_State* L, ScriptError::Kind kind, std::string message, bool with_traceback) {
    if (h.stop) return;
    try {
        StopInfo stop;
        stop.kind = kind;
        stop.message = std::move(message);
        stop.where = first_script_frame(L, 0);
        if (with_traceback) stop.traceback = traceback(L, 0);
        h.stop = std::move(stop);
    } catch (...) {
        // Out of C++ memory: record what fits, so the stop is still enforced.
        h.stop.emplace();
        h.stop->kind = kind;
    }
}

int raise_stop(lua_State* L) {
    HostState& h = host_of(L);
    set_limit_hook(h, 1);
    const char* message = h.stop && !h.stop->message.empty() ? h.stop->message.c_str() : "stopped";
    lua_pushstring(L, message);
    return lua_error(L);
}

int stop_for_time(lua_State* L) {
    HostState& h = host_of(L);
    if (!h.stop) {
        begin_stop(h, L, ScriptError::Kind::Timeout,
                   "stopped: exceeded the " + std::to_string(h.options.time_limit.count()) + " ms time limit",
                   true);
    }
    return raise_stop(L);
}

int stop_for_size(lua_State* L, const char* what, double bytes) {
    HostState& h = host_of(L);
    if (!h.stop) {
        char size[32];
        std::snprintf(size, sizeof size, "%.0f", bytes);
        begin_stop(h, L, ScriptError::Kind::Memory,
                   std::string("stopped: ") + what + " would build a " + size + "-byte string, over the " +
                       describe_bytes(h.options.string_limit) + " string limit",
                   true);
    }
    return raise_stop(L);
}

int stop_for_output(lua_State* L, std::string message) {
    HostState& h = host_of(L);
    if (!h.stop) begin_stop(h, L, ScriptError::Kind::Output, std::move(message), true);
    return raise_stop(L);
}

void check_message_size(lua_State* L, std::size_t bytes, const char* what) {
    const HostState& h = host_of(L);
    if (bytes <= h.options.max_message_bytes) return;
    stop_for_output(L, std::string("stopped: ") + what + " of " + std::to_string(bytes) + " bytes, over the " +
                           describe_bytes(h.options.max_message_bytes) + " limit");
}

void hold_bytes(lua_State* L, std::size_t bytes) {
    HostState& h = host_of(L);
    h.held_bytes += bytes;
    if (h.memory_used + h.held_bytes <= h.options.memory_limit) return;
    if (!h.stop)
        begin_stop(h, L, ScriptError::Kind::Memory,
                   "stopped: the findings reported exceed the " + describe_bytes(h.options.memory_limit) + " memory limit",
                   true);
    raise_stop(L);
}

namespace {

// The collector trails allocation (it lets the heap reach about twice the live data), so a
// script whose live data fits under the cap could still be stopped by its garbage. Near the
// cap, collect in full; but only after real growth since the last such collection, so a
// script whose live data does sit near the cap is not collected at every hook.
void collect_near_limit(HostState& h, lua_State* L) {
    const std::size_t limit = h.options.memory_limit;
    if (!h.near_memory_cap() || h.memory_used < h.used_after_collect + limit / 8) return;
    lua_gc(L, LUA_GCCOLLECT, 0);  // no finalizer can run script code (no newproxy, no ffi)
    h.used_after_collect = h.memory_used;
}

}  // namespace

void limit_hook(lua_State* L, lua_Debug*) {
    HostState& h = host_of(L);
    if (!h.stop) {
        if (h.depth == 0) return;
        if (Clock::now() < h.deadline) {
            collect_near_limit(h, L);
            return;
        }
    }
    stop_for_time(L);
}

void check_c_stack(lua_State* L) {
    // Each C function that calls back into Lua (pcall, gsub with a function or table,
    // string.format calling __tostring, table.sort calling its comparator or __lt) costs C stack
    // that Lua's own stack limit does not see; deep enough nesting would crash the process, and
    // unwinding thousands of C frames when Lua's stack finally overflows takes seconds. 512 KB
    // leaves room on any thread's stack (glibc gives new threads 8 MB) and is far beyond what a
    // real script nests (a few levels).
    constexpr std::ptrdiff_t limit = std::ptrdiff_t{512} << 10;
    HostState& h = host_of(L);
    const char* here = static_cast<const char*>(__builtin_frame_address(0));
    if (h.c_stack_base == nullptr || h.c_stack_base - here <= limit) return;
    begin_stop(h, L, ScriptError::Kind::Nesting,
               "stopped: calls nested too deeply (a metamethod, comparator or replacement function that "
               "calls back into string.gsub, string.format, table.sort or pcall)",
               true);
    raise_stop(L);
}

}  // namespace formwork::script::detail
