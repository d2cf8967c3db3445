// ScriptHost: one sandboxed LuaJIT state that loads and runs template and check scripts under
// a time limit and a memory limit, and returns every failure as a ScriptError.
//
//   ScriptHost host;                                       // default limits
//   auto chunk = host.load("scripts/templates/nantong.lua", source);
//   if (!chunk) report(chunk.error().to_string());
//   auto value = host.call(chunk.value());                 // what the file returns
//   if (!value) report(value.error().to_string());
//
// What scripts may use is the allow-list in sandbox.cpp plus the modules in modules.cpp. Each
// loaded chunk gets its own environment: it can read the allowed names, cannot create or
// change globals, and cannot modify the shared library tables.
//
// Not thread-safe: use a host from one thread at a time (one host per worker is fine).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <vector>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <typeindex>

#include "lua/result.h"
#include "lua/script_value.h"

namespace formwork::script {

namespace detail {
struct HostState;
struct HostAccess;
}  // namespace detail

struct HostOptions {
    // Wall-clock budget of one outermost call (nested calls share it).
    std::chrono::milliseconds time_limit{200};
    // Bytes the whole Lua state may hold, garbage included (the collector runs lazily).
    std::size_t memory_limit = std::size_t{64} << 20;
    // Largest string string.rep and string.gsub may build.
    std::size_t string_limit = std::size_t{16} << 20;
    // Limits on a value converted to C++ (results and binding arguments).
    int max_depth = 64;
    std::size_t max_values = 200000;
    // What one run of a script may hand to the host: findings (f:report) per run, and the
    // bytes of one message or reason. The findings' bytes also count against memory_limit.
    std::size_t max_findings = 1000;
    std::size_t max_message_bytes = 4096;
    // VM instructions between two checks of the hook once memory nears memory_limit (the
    // deadline needs no hook until it passes: watchdog.h).
    int hook_interval = 1000;
    // Where `require "name"` finds name.lua: nullopt means the shipped scripts/lib and the
    // user's lib folder (script_files.h: script_dirs("lib")).
    std::optional<std::vector<std::filesystem::path>> lib_dirs;
    // The one JIT switch. false: the JIT engine is off and every chunk is marked
    // interpret-only. true: LuaJIT may compile script loops, which is faster, but compiled code
    // never runs the hook, so the time limit no longer holds (PLATFORM.md, LuaJIT sandbox).
    bool jit = false;
};

class ScriptHost {
public:
    // Throws std::runtime_error if the Lua state cannot be created.
    explicit ScriptHost(HostOptions options = {});
    ~ScriptHost();
    ScriptHost(const ScriptHost&) = delete;
    ScriptHost& operator=(const ScriptHost&) = delete;
    ScriptHost(ScriptHost&&) noexcept;
    ScriptHost& operator=(ScriptHost&&) noexcept;

    // Compiles a script's source text (bytecode is refused). `chunkname` is the script's path
    // as users should see it in messages. Nothing runs yet.
    Result<FunctionRef> load(std::string chunkname, std::string_view source);

    // Calls a loaded chunk or a function a script returned, under the time and memory limits.
    // Gives the first value the function returns (nil if none).
    Result<ScriptValue> call(const FunctionRef& function, std::span<const ScriptValue> args = {});

    // load + call.
    Result<ScriptValue> run(std::string chunkname, std::string_view source);

    const HostOptions& options() const;
    // Takes effect at the next outermost call.
    void set_time_limit(std::chrono::milliseconds limit);
    void set_memory_limit(std::size_t bytes);

    // Bytes the Lua state holds now, garbage included.
    std::size_t memory_used() const;
    // Frees the garbage now (e.g. after loading every template), outside a call.
    void collect_garbage();

    // A pointer bindings can fetch with luax::context<T>(L) while this host runs a script,
    // e.g. the template being built. Not owned; set nullptr to clear.
    template <class T>
    void set_context(T* object) {
        set_context(std::type_index(typeid(T)), object);
    }
    template <class T>
    T* context() const {
        return static_cast<T*>(context(std::type_index(typeid(T))));
    }

private:
    friend struct detail::HostAccess;
    explicit ScriptHost(std::shared_ptr<detail::HostState> state);
    void set_context(std::type_index type, void* object);
    void* context(std::type_index type) const;

    std::shared_ptr<detail::HostState> state_;
};

}  // namespace formwork::script
