// The one way into Lua. Every load, call and conversion runs as ProtectedWork inside one
// lua_pcall whose message handler records position and traceback; whatever goes wrong comes
// back as a ScriptError. The outermost call owns the deadline and clears a stop when it ends.
#include <utility>

#include "lua/host_state.h"
#include "lua/watchdog.h"

namespace formwork::script::detail {

namespace {

// The C function every ProtectedWork runs in. C++ exceptions end here; Lua errors pass.
int trampoline(lua_State* L) {
    auto* work = static_cast<ProtectedWork*>(lua_touserdata(L, 1));
    lua_pop(L, 1);
    try {
        work->run(L);
    } catch (const std::bad_alloc&) {
        work->failure = ScriptError{ScriptError::Kind::Memory, {}, 0, "out of memory in the host", {}};
    } catch (const luax::BadValueError& e) {
        work->failure = ScriptError{ScriptError::Kind::BadValue, {}, 0, e.what(), {}};
    } catch (const std::exception& e) {
        work->failure = ScriptError{ScriptError::Kind::Runtime, {}, 0, e.what(), {}};
    }
    return 0;
}

// Entering and leaving a call: the outermost one sets and publishes the deadline and, on the
// way out, forgets a stop and removes any hook.
class CallScope {
public:
    explicit CallScope(HostState& h) : h_(h) {
        if (h_.depth == 0) {
            h_.deadline = Clock::now() + h_.options.time_limit;
            h_.stop.reset();
            h_.used_after_collect = 0;
            h_.held_bytes = 0;
            h_.c_stack_base = static_cast<const char*>(__builtin_frame_address(0));
            h_.armed_deadline.store(h_.deadline.time_since_epoch().count());
            watchdog::call_began();
        }
        ++h_.depth;
    }
    ~CallScope() {
        if (--h_.depth > 0) return;
        h_.armed_deadline.store(0);
        // Outside any hook here, so removing one is safe; the next call starts without.
        if (h_.hook_set.load()) remove_limit_hook(h_);
        if (h_.stop) {
            const bool memory = h_.stop->kind == ScriptError::Kind::Memory;
            h_.stop.reset();
            // The stopped script's garbage would otherwise count against the next one.
            if (memory) lua_gc(h_.L, LUA_GCCOLLECT, 0);
        }
        h_.c_stack_base = nullptr;
    }
    CallScope(const CallScope&) = delete;
    CallScope& operator=(const CallScope&) = delete;

private:
    HostState& h_;
};

void release_dropped_refs(HostState& h) {
    for (int ref : h.released_refs) luaL_unref(h.L, LUA_REGISTRYINDEX, ref);
    h.released_refs.clear();
}

ScriptError from_stop(const StopInfo& stop, const ErrorCapture& capture, std::string_view file) {
    ScriptError e;
    e.kind = stop.kind;
    e.message = stop.message.empty() ? "stopped" : stop.message;
    e.file = stop.where.file.empty() ? std::string(file) : stop.where.file;
    e.line = stop.where.file.empty() ? 0 : stop.where.line;
    e.traceback = !stop.traceback.empty() ? stop.traceback : capture.traceback;
    return e;
}

ScriptError from_status(int status, const ErrorCapture& capture, std::string_view file) {
    ScriptError e;
    e.kind = status == LUA_ERRMEM ? ScriptError::Kind::Memory : ScriptError::Kind::Runtime;
    if (capture.captured) {
        e.file = capture.where.file;
        e.line = capture.where.line;
        e.message = capture.message;
        e.traceback = capture.traceback;
    } else {
        e.message = status == LUA_ERRMEM ? "not enough memory" : "error in error handling";
    }
    if (e.file.empty()) {
        e.file = std::string(file);
        e.line = 0;
    }
    return e;
}

}  // namespace

std::optional<ScriptError> run_protected(HostState& h, ProtectedWork& work, std::string_view file) {
    lua_State* L = h.L;
    CallScope scope(h);
    ErrorCapture capture;
    ErrorCapture* const outer = std::exchange(h.capture, &capture);
    if (h.depth == 1) release_dropped_refs(h);

    const int top = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, h.handler_ref);
    lua_rawgeti(L, LUA_REGISTRYINDEX, h.trampoline_ref);
    lua_pushlightuserdata(L, &work);
    const int status = lua_pcall(L, 1, 0, top + 1);
    lua_settop(L, top);
    h.capture = outer;

    if (h.stop) return from_stop(*h.stop, capture, file);
    if (status != 0) return from_status(status, capture, file);
    if (work.failure && work.failure->file.empty()) work.failure->file = std::string(file);
    return std::move(work.failure);
}

void register_protected_entry(HostState& h, lua_State* L) {
    lua_pushcfunction(L, message_handler);
    h.handler_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushcfunction(L, trampoline);
    h.trampoline_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

}  // namespace formwork::script::detail
