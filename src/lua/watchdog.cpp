// The deadline watcher (see watchdog.h).
#include "lua/watchdog.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "lua/host_state.h"

namespace formwork::script::detail::watchdog {

namespace {

// How often a running call's deadline is looked at: a script is stopped at most this late.
constexpr std::chrono::milliseconds kTick{2};

struct Watcher {
    std::mutex mutex;
    std::condition_variable wake;
    std::vector<HostState*> hosts;
    std::atomic<bool> sleeping{false};
    bool woken = false;
    bool started = false;

    void loop() {
        std::unique_lock lock(mutex);
        for (;;) {
            if (!scan()) {
                // Nothing running: sleep until a call begins. `sleeping` is published before
                // the second look, so a call that began in between is either seen here or
                // sees `sleeping` and wakes us (both sides use sequentially consistent order).
                sleeping.store(true);
                if (!scan()) {
                    wake.wait(lock, [&] { return woken; });
                    woken = false;
                }
                sleeping.store(false);
                continue;
            }
            wake.wait_for(lock, kTick);
        }
    }

    // Arms the hook of every host whose call is past its deadline; whether any call runs.
    bool scan() {
        bool running = false;
        const std::int64_t now = Clock::now().time_since_epoch().count();
        for (HostState* h : hosts) {
            const std::int64_t deadline = h->armed_deadline.load();
            if (deadline == 0) continue;
            running = true;
            if (now < deadline || h->hook_set.load()) continue;
            std::lock_guard hook(h->hook_mutex);
            // Looked at again under the lock: the call may have ended meanwhile. (If it ended
            // just after, the hook stays until the next call ends; limit_hook lets a call
            // within its deadline go on.)
            if (h->armed_deadline.load() != deadline || h->hook_set.load()) continue;
            lua_sethook(h->L, limit_hook, LUA_MASKCOUNT, 1);
            h->hook_set.store(true);
        }
        return running;
    }
};

Watcher& watcher() {
    // Never destroyed: the thread runs until the process ends, and hosts in static storage may
    // unwatch after other statics are gone.
    static Watcher* w = new Watcher;
    return *w;
}

}  // namespace

void watch(HostState& h) {
    Watcher& w = watcher();
    std::lock_guard lock(w.mutex);
    w.hosts.push_back(&h);
    if (!w.started) {
        std::thread([&w] { w.loop(); }).detach();
        w.started = true;
    }
}

void unwatch(HostState& h) {
    Watcher& w = watcher();
    std::lock_guard lock(w.mutex);
    w.hosts.erase(std::remove(w.hosts.begin(), w.hosts.end(), &h), w.hosts.end());
}

void call_began() {
    Watcher& w = watcher();
    if (!w.sleeping.load()) return;
    {
        std::lock_guard lock(w.mutex);
        w.woken = true;
    }
    w.wake.notify_one();
}

}  // namespace formwork::script::detail::watchdog
