// The memory cap: every host's Lua state allocates through here.
//
// Past the limit an allocation fails, which Lua reports as "not enough memory". Because
// LuaJIT calls no message handler for memory errors, the stop (and the script line) is
// recorded here, at the refused allocation; the sandbox's pcall then refuses to catch it.
// Outside a call (building the sandbox, closing the state) nothing is refused, so the host's
// own bookkeeping never fails half-way.
#include <cstdlib>

#include "lua/host_state.h"

namespace formwork::script::detail {

void* limited_alloc(void* ud, void* ptr, std::size_t old_size, std::size_t new_size) {
    auto* h = static_cast<HostState*>(ud);
    if (new_size == 0) {
        std::free(ptr);
        h->memory_used -= old_size;
        return nullptr;
    }
    if (new_size > old_size && h->depth > 0 &&
        h->memory_used + h->held_bytes - old_size + new_size > h->options.memory_limit) {
        if (!h->stop) {
            // The frame walk only reads debug info, which LuaJIT keeps consistent at every
            // allocation because any allocation may raise an error.
            try {
                begin_stop(*h, h->L, ScriptError::Kind::Memory,
                           "stopped: exceeded the " + describe_bytes(h->options.memory_limit) +
                               " memory limit",
                           false);
            } catch (...) {
                // No C++ memory either: the failure still surfaces as a memory error.
            }
        }
        return nullptr;
    }
    void* block = std::realloc(ptr, new_size);
    if (block == nullptr) return new_size <= old_size ? ptr : nullptr;  // Lua needs shrinking to work
    h->memory_used = h->memory_used - old_size + new_size;
    // Near the cap the hook's emergency collection must get its chance (limits.cpp). Only when
    // no hook is set: then none is running, and setting one here is safe.
    if (h->near_memory_cap() && h->depth > 0 && !h->hook_set.load(std::memory_order_relaxed))
        set_limit_hook(*h, h->options.hook_interval);
    return block;
}

}  // namespace formwork::script::detail
