// Helpers shared by the script tests: a host with short limits, and running a snippet.
#pragma once

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <string_view>

#include "lua/script_host.h"

namespace formwork::script::test {

using namespace std::chrono_literals;

inline constexpr const char* kScript = "scripts/checks/t.lua";

inline HostOptions short_limits() {
    HostOptions o;
    o.time_limit = 100ms;
    o.memory_limit = std::size_t{16} << 20;
    o.string_limit = std::size_t{4} << 20;
    return o;
}

inline Result<ScriptValue> run(ScriptHost& host, std::string_view source, std::string name = kScript) {
    return host.run(std::move(name), source);
}

// Runs a snippet that must succeed; fails the test with the script error otherwise.
inline ScriptValue run_ok(ScriptHost& host, std::string_view source, std::string name = kScript) {
    auto r = host.run(std::move(name), source);
    if (!r) FAIL("unexpected script error: " << r.error().to_string() << "\n" << r.error().traceback);
    return r.value();
}

// Runs a snippet that must fail and gives the error.
inline ScriptError run_error(ScriptHost& host, std::string_view source, std::string name = kScript) {
    auto r = host.run(std::move(name), source);
    if (r) FAIL("expected a script error, got a " << r.value().type_name());
    return r.error();
}

// The host still runs ordinary code after a stop.
inline void require_usable(ScriptHost& host) {
    auto r = host.run("scripts/checks/after.lua", "local t = {} for i = 1, 1000 do t[i] = i end return #t + 1");
    REQUIRE(r.ok());
    REQUIRE(r.value().as_number() == 1001);
}

// Milliseconds taken by f().
template <class F>
double elapsed_ms(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace formwork::script::test
