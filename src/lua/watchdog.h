// The one thread that watches every host's deadline, so that a running script pays nothing for
// its time limit until the limit is reached.
//
// A count hook checked every 1000 instructions made every VM instruction go through LuaJIT's
// hook dispatch (about 7% of a batch check). Instead, a call publishes its deadline
// (HostState::armed_deadline) and this thread, ticking while any call runs, sets the count
// hook on a host whose deadline has passed; the hook (limits.cpp) then stops the script.
// Setting a hook from another thread is how LuaJIT's own interpreter stops a script on
// Ctrl-C (a signal handler calling lua_sethook). A hook is only ever set or removed under
// the host's hook_mutex, and this thread sets one only when none is set, so it never writes
// the hook state while a hook runs on the script's thread.
#pragma once

namespace formwork::script::detail {

struct HostState;

namespace watchdog {

void watch(HostState& h);    // from create_host
void unwatch(HostState& h);  // from ~HostState, before the state is closed
// A call of `h` began (its deadline is published): wakes the thread if it sleeps.
void call_began();

}  // namespace watchdog

}  // namespace formwork::script::detail
