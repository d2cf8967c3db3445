// ScriptHost: loading and calling scripts, each as one piece of protected work.
#include "lua/script_host.h"

#include "lua/host_state.h"

namespace formwork::script {

namespace {

using detail::HostState;

// LuaJIT's precompiled chunks start with ESC; they bypass the parser's checks and can crash
// the VM, so only source text is accepted.
bool is_bytecode(std::string_view source) { return !source.empty() && source[0] == '\x1b'; }

// The line of the last non-blank character: where a chunk's final `return` is.
int last_code_line(std::string_view source) {
    const std::size_t end = source.find_last_not_of(" \t\r\n");
    if (end == std::string_view::npos) return 0;
    int line = 1;
    for (std::size_t i = 0; i < end; ++i)
        if (source[i] == '\n') ++line;
    return line;
}

struct LoadWork final : detail::ProtectedWork {
    const std::string& name;
    std::string_view source;
    FunctionRef chunk;

    LoadWork(const std::string& n, std::string_view s) : name(n), source(s) {}

    void run(lua_State* L) override {
        HostState& h = detail::host_of(L);
        const std::string chunkname = "@" + name;
        detail::remember_short_name(h, L, chunkname, name);
        const int status = luaL_loadbufferx(L, source.data(), source.size(), chunkname.c_str(), "t");
        if (status != 0) {
            failure = load_failure(h, L, status);
            lua_pop(L, 1);
            return;
        }
        detail::set_chunk_limits(h, L, -1);
        detail::set_chunk_environment(L, h, -1);
        chunk = detail::make_function_ref(h, L, -1, last_code_line(source));
        lua_pop(L, 1);
    }

    ScriptError load_failure(const HostState& h, lua_State* L, int status) const {
        ScriptError e;
        e.kind = status == LUA_ERRMEM ? ScriptError::Kind::Memory : ScriptError::Kind::Syntax;
        e.file = name;
        const std::string text = detail::describe_error_value(L, -1);
        SourceLocation where;
        std::string_view rest;
        if (detail::split_position(h, text, where, rest)) {
            e.line = where.line;
            e.message = std::string(rest);
        } else {
            e.message = text;
        }
        return e;
    }
};

struct CallWork final : detail::ProtectedWork {
    const detail::FunctionSlot& function;
    std::span<const ScriptValue> args;
    ScriptValue result;

    CallWork(const detail::FunctionSlot& f, std::span<const ScriptValue> a) : function(f), args(a) {}

    void run(lua_State* L) override {
        HostState& h = detail::host_of(L);
        if (args.size() > 200 || lua_checkstack(L, static_cast<int>(args.size()) + 4) == 0)
            luaL_error(L, "too many arguments for a script function");
        lua_rawgeti(L, LUA_REGISTRYINDEX, function.ref);
        for (const ScriptValue& arg : args) detail::push_value(h, L, arg);
        lua_call(L, static_cast<int>(args.size()), 1);
        try {
            result = detail::to_value(h, L, -1, "the returned value");
        } catch (const luax::BadValueError& e) {
            // The value has no line of its own; point at the function's end (a chunk's last
            // line), where its `return` usually is.
            failure = ScriptError{ScriptError::Kind::BadValue, function.file, function.last_line, e.what(), {}};
        }
        lua_pop(L, 1);
    }
};

}  // namespace

ScriptHost::ScriptHost(HostOptions options) : state_(detail::create_host(std::move(options), luax::modules())) {}

ScriptHost::ScriptHost(std::shared_ptr<detail::HostState> state) : state_(std::move(state)) {}

ScriptHost::~ScriptHost() = default;
ScriptHost::ScriptHost(ScriptHost&&) noexcept = default;
ScriptHost& ScriptHost::operator=(ScriptHost&&) noexcept = default;

Result<FunctionRef> ScriptHost::load(std::string chunkname, std::string_view source) {
    if (is_bytecode(source)) {
        return ScriptError{ScriptError::Kind::Forbidden, chunkname, 1,
                           "precompiled bytecode is not accepted; give the script's source text", {}};
    }
    LoadWork work(chunkname, source);
    if (auto error = detail::run_protected(*state_, work, chunkname)) return std::move(*error);
    return std::move(work.chunk);
}

Result<ScriptValue> ScriptHost::call(const FunctionRef& function, std::span<const ScriptValue> args) {
    const detail::FunctionSlot* slot = detail::FunctionSlot::of(function);
    if (slot == nullptr || slot->host.lock() != state_) {
        return ScriptError{ScriptError::Kind::BadValue, function.file(), 0,
                           "this function belongs to another script host, or to none", {}};
    }
    CallWork work(*slot, args);
    if (auto error = detail::run_protected(*state_, work, slot->file)) return std::move(*error);
    return std::move(work.result);
}

Result<ScriptValue> ScriptHost::run(std::string chunkname, std::string_view source) {
    auto chunk = load(std::move(chunkname), source);
    if (!chunk) return chunk.error();
    return call(chunk.value());
}

const HostOptions& ScriptHost::options() const { return state_->options; }

void ScriptHost::set_time_limit(std::chrono::milliseconds limit) {
    state_->options.time_limit = limit.count() < 1 ? std::chrono::milliseconds(1) : limit;
}

void ScriptHost::set_memory_limit(std::size_t bytes) { state_->options.memory_limit = bytes; }

std::size_t ScriptHost::memory_used() const { return state_->memory_used; }

void ScriptHost::collect_garbage() {
    // Nothing a script can create has a finalizer (no newproxy, no ffi), so a full collection
    // runs no script code and needs no protection.
    if (state_->depth == 0) lua_gc(state_->L, LUA_GCCOLLECT, 0);
}

void ScriptHost::set_context(std::type_index type, void* object) {
    if (object == nullptr)
        state_->contexts.erase(type);
    else
        state_->contexts[type] = object;
}

void* ScriptHost::context(std::type_index type) const {
    auto it = state_->contexts.find(type);
    return it == state_->contexts.end() ? nullptr : it->second;
}

}  // namespace formwork::script
