// Turning a Lua error into file, line, message and traceback.
//
// The message handler runs before the stack unwinds, so it is where the traceback and the
// fallback position come from. It never calls tostring or any metamethod on the error value:
// a script's __tostring could loop or fail, and the handler must not run script code.
#include <cstdio>

#include "core/utf8.h"
#include "lua/host_state.h"

namespace formwork::script::detail {

std::string describe_error_value(lua_State* L, int index) {
    switch (lua_type(L, index)) {
    case LUA_TSTRING: {
        std::size_t length = 0;
        const char* text = lua_tolstring(L, index, &length);
        return utf8::repair(std::string_view(text, length));
    }
    case LUA_TNUMBER: {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.14g", lua_tonumber(L, index));
        return buffer;
    }
    case LUA_TNIL: return "error with a nil value";
    case LUA_TBOOLEAN: return lua_toboolean(L, index) ? "error with the value true" : "error with the value false";
    default: return std::string("error object is a ") + lua_typename(L, lua_type(L, index)) + " value";
    }
}

bool split_position(const HostState& h, std::string_view message, SourceLocation& where, std::string_view& rest) {
    for (std::size_t colon = message.find(':'); colon != std::string_view::npos;
         colon = message.find(':', colon + 1)) {
        auto known = h.short_names.find(std::string(message.substr(0, colon)));
        if (known == h.short_names.end()) continue;
        std::size_t p = colon + 1;
        int line = 0;
        while (p < message.size() && message[p] >= '0' && message[p] <= '9' && line < 100000000)
            line = line * 10 + (message[p++] - '0');
        if (p == colon + 1 || p >= message.size() || message[p] != ':') continue;
        ++p;
        if (p < message.size() && message[p] == ' ') ++p;
        where = {known->second, line};
        rest = message.substr(p);
        return true;
    }
    return false;
}

int message_handler(lua_State* L) {
    HostState& h = host_of(L);
    if (h.capture != nullptr && !h.capture->captured) {
        try {
            ErrorCapture& c = *h.capture;
            const std::string text = describe_error_value(L, 1);
            std::string_view rest;
            if (split_position(h, text, c.where, rest)) {
                c.message = std::string(rest);
            } else {
                c.message = text;
                c.where = first_script_frame(L, 1);
            }
            c.traceback = traceback(L, 1);
            c.captured = true;
        } catch (...) {
            // Out of C++ memory: the caller falls back to the bare error value.
        }
    }
    return 1;
}

}  // namespace formwork::script::detail
