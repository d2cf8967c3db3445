// Internal to the script layer (src/lua, src/templates, src/checks): the state behind a ScriptHost and the functions the implementation
// files share. Includes Lua; never include it from outside the script layer.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "lua/luax.h"
#include "lua/script_error.h"
#include "lua/script_host.h"
#include "lua/script_value.h"

namespace formwork::script::detail {

using Clock = std::chrono::steady_clock;

// What stopped the running script, recorded where it happened (hook, allocator, string
// function) while its stack still existed. Kept until the outermost call returns.
struct StopInfo {
    ScriptError::Kind kind = ScriptError::Kind::Timeout;
    std::string message;  // "stopped: exceeded the 200 ms time limit"
    SourceLocation where;
    std::string traceback;
};

// Filled by the message handler of the host's lua_pcall, before the stack unwinds.
struct ErrorCapture {
    bool captured = false;
    SourceLocation where;
    std::string message;
    std::string traceback;
};

struct HostState : std::enable_shared_from_this<HostState> {
    HostOptions options;
    lua_State* L = nullptr;

    std::size_t memory_used = 0;        // kept by the allocator
    std::size_t held_bytes = 0;         // what the host keeps for the running call (findings), counted against the limit
    std::size_t used_after_collect = 0;  // after the hook's last emergency collection

    // The running call: nesting (bindings may call back into scripts), its deadline, and the
    // C stack address where the outermost call began (nested C→Lua calls are measured from it).
    int depth = 0;
    Clock::time_point deadline{};
    const char* c_stack_base = nullptr;
    std::optional<StopInfo> stop;
    ErrorCapture* capture = nullptr;

    // What the watchdog thread (watchdog.h) reads: the running call's deadline in steady-clock
    // ticks, 0 between calls. Whether a hook is set (the count hook runs limit_hook only when
    // the watchdog found the deadline passed, the memory is near its cap, or a stop is being
    // enforced); set and removed only under hook_mutex, from either thread.
    std::atomic<std::int64_t> armed_deadline{0};
    std::atomic<bool> hook_set{false};
    std::mutex hook_mutex;

    // Past three quarters of the memory cap the hook's emergency collection gets its chance.
    bool near_memory_cap() const { return memory_used >= options.memory_limit / 4 * 3; }

    // Libraries loaded by `require`, by name: the registry reference of their value and the
    // file's stamp (a changed file is loaded again). LOADING while its chunk runs.
    struct Library {
        int ref = 0;
        std::filesystem::file_time_type mtime{};
        bool loading = false;
    };
    std::unordered_map<std::string, Library> libraries;
    std::vector<std::filesystem::path> lib_dirs;

    // Registry references made once when the sandbox is built.
    int handler_ref = 0;     // message handler of every host pcall
    int trampoline_ref = 0;  // the C function every protected piece of work runs in
    int env_meta_ref = 0;    // metatable of each chunk's environment

    // How Lua shortens each chunk name in messages ("...long/path.lua") → the full name.
    std::unordered_map<std::string, std::string> short_names;
    // Registry references of dropped FunctionRefs, released at the start of the next call
    // (a FunctionRef may die while Lua is running, when touching the registry is unsafe).
    std::vector<int> released_refs;
    std::unordered_map<std::type_index, void*> contexts;
    // Metatables of the check engine's userdata types (check_lua.h), kept here so that the
    // type test on every accessor call is a pointer comparison, not a registry lookup.
    const void* decimal_meta = nullptr;
    const void* filing_meta = nullptr;
    int decimal_meta_ref = 0;   // the Decimal metatable again, by registry number (push_decimal)
    // The Filing userdata whose metatable was tested last: the accessors skip the test for
    // it. Sound only while the box cannot be collected (its memory could then hold a Decimal):
    // the check engine keeps a reference to every box it makes and clears this before it
    // drops them (CheckEngine::Impl::retire_boxes). Scripts cannot make light userdata.
    const void* proven_filing_box = nullptr;

    HostState() = default;
    HostState(const HostState&) = delete;
    HostState& operator=(const HostState&) = delete;
    ~HostState();
};

// The Lua side of a FunctionRef.
struct FunctionSlot {
    std::weak_ptr<HostState> host;
    int ref = 0;
    std::string file;
    int first_line = 0;
    int last_line = 0;

    ~FunctionSlot();
    static FunctionRef wrap(std::shared_ptr<const FunctionSlot> slot) { return FunctionRef(std::move(slot)); }
    static const FunctionSlot* of(const FunctionRef& f) { return f.slot_.get(); }
};

// A piece of work that runs inside the host's one protected call. run() may use Lua freely;
// a Lua error or a stop unwinds it. It may also set `failure` and return normally.
struct ProtectedWork {
    std::optional<ScriptError> failure;
    virtual void run(lua_State* L) = 0;

protected:
    ~ProtectedWork() = default;
};

// Friend of ScriptHost: builds hosts with a chosen module list (tests) and reaches the state.
struct HostAccess {
    static ScriptHost make(HostOptions options, std::span<const luax::Module> modules);
    static HostState& state(ScriptHost& host) { return *host.state_; }
};

// host_state.cpp
std::shared_ptr<HostState> create_host(HostOptions options, std::span<const luax::Module> modules);
// Learns how Lua abbreviates a chunk name in messages (long paths become ".../tail"), so that
// positions in messages map back to the full name.
void remember_short_name(HostState& h, lua_State* L, const std::string& chunkname, const std::string& name);
HostState& host_of(lua_State* L);
// A registry reference to the function at `index`; `last_line` > 0 overrides what Lua says
// (for a chunk, Lua counts the line after a final newline).
FunctionRef make_function_ref(HostState& h, lua_State* L, int index, int last_line = 0);

// allocator.cpp: the lua_Alloc of every host; `ud` is the HostState.
void* limited_alloc(void* ud, void* ptr, std::size_t old_size, std::size_t new_size);

// protected_call.cpp: the one way into Lua. Every script failure comes back as a ScriptError;
// `file` names the script when the failure has no position of its own.
std::optional<ScriptError> run_protected(HostState& h, ProtectedWork& work, std::string_view file);
// Makes the registry references run_protected needs (called once, by open_sandbox).
void register_protected_entry(HostState& h, lua_State* L);

// limits.cpp
void limit_hook(lua_State* L, lua_Debug* ar);
// Sets limit_hook to run every `interval` VM instructions / removes it (both under hook_mutex).
void set_limit_hook(HostState& h, int interval);
void remove_limit_hook(HostState& h);
bool deadline_passed(const HostState& h);
// Moves the running call's deadline on by `spent`: time the host spent on the script's behalf
// that is not the script's own work (a one-time index for a whole batch).
void excuse_host_time(HostState& h, Clock::duration spent);
// Records the first stop of this call (later ones keep the first), without raising.
void begin_stop(HostState& h, lua_State* L, ScriptError::Kind kind, std::string message, bool traceback);
// Raises the recorded stop as a Lua error; from now on every VM instruction raises it again.
int raise_stop(lua_State* L);
int stop_for_time(lua_State* L);
int stop_for_size(lua_State* L, const char* what, double bytes);
std::string describe_bytes(std::size_t bytes);
// Text a script hands to the host (a finding's message, a reason): stopped (kind Output) when
// longer than max_message_bytes; `what` names it in the message.
void check_message_size(lua_State* L, std::size_t bytes, const char* what);
// Counts `bytes` the host keeps on the running script's behalf against its memory limit;
// stopped (kind Memory) past the limit.
void hold_bytes(lua_State* L, std::size_t bytes);
// Stops the running script with kind Output and `message`.
int stop_for_output(lua_State* L, std::string message);
// Stops the script (kind Nesting) when nested C→Lua calls (pcall, gsub callbacks, format,
// sort) use too much C stack. Every C function that calls into Lua calls it first.
void check_c_stack(lua_State* L);

// sandbox.cpp
void open_sandbox(lua_State* L, HostState& h, std::span<const luax::Module> modules);
void set_chunk_environment(lua_State* L, HostState& h, int index);

// sandbox_require.cpp: `require "name"` (a library from the lib folders, loaded once per host
// into its own environment, handed out read-only).
int sandbox_require(lua_State* L);
void set_chunk_limits(HostState& h, lua_State* L, int index);  // JIT off unless options.jit

// sandbox_pcall.cpp: pcall and xpcall that cannot catch a stop; and library functions that
// call back into Lua from C (tostring's __tostring, string.format's "%s", table.sort's
// comparator) put behind the nesting guard: replaces field `name` of the table at `index`.
int sandbox_pcall(lua_State* L);
int sandbox_xpcall(lua_State* L);
void guard_field(lua_State* L, int index, const char* name);

// sandbox_string.cpp: adds find, match, gmatch, gsub and rep with bounded work to the
// library table at `index`; `real_rep` is the stack index of the original string.rep.
void add_bounded_string_functions(lua_State* L, int index, int real_rep);

// errors.cpp
int message_handler(lua_State* L);
// Splits "short/name.lua:12: text" into a location and "text" when the prefix names a chunk.
bool split_position(const HostState& h, std::string_view message, SourceLocation& where,
                    std::string_view& rest);
// The error value at `index` as text, without running metamethods.
std::string describe_error_value(lua_State* L, int index);

// stack_info.cpp
SourceLocation first_script_frame(lua_State* L, int level);
std::string traceback(lua_State* L, int level);

// convert.cpp: raw conversion (never runs metamethods). Throws luax::BadValueError.
ScriptValue to_value(HostState& h, lua_State* L, int index, std::string_view root);
void push_value(HostState& h, lua_State* L, const ScriptValue& value);

}  // namespace formwork::script::detail
