// Reading the Lua call stack for positions and tracebacks. Only lua_getstack/lua_getinfo,
// which neither allocate nor run script code, so this is safe in the hook, the message
// handler and the allocator.
#include "lua/host_state.h"

namespace formwork::script::detail {

namespace {

bool is_script(const lua_Debug& ar) { return ar.source != nullptr && ar.source[0] == '@'; }

std::string frame_line(lua_Debug& ar) {
    std::string line = "\n\t";
    if (is_script(ar)) {
        line += ar.source + 1;
        if (ar.currentline > 0) line += ":" + std::to_string(ar.currentline);
        line += ": ";
    } else {
        line += "[C]: ";
    }
    if (ar.what != nullptr && ar.what[0] == 'm') {
        line += "in main chunk";
    } else if (ar.name != nullptr) {
        line += "in function '";
        line += ar.name;
        line += "'";
    } else if (is_script(ar)) {
        line += "in function <" + std::string(ar.source + 1) + ":" + std::to_string(ar.linedefined) + ">";
    } else {
        line += "?";
    }
    return line;
}

}  // namespace

SourceLocation first_script_frame(lua_State* L, int level) {
    lua_Debug ar;
    for (; lua_getstack(L, level, &ar) != 0; ++level) {
        if (lua_getinfo(L, "Sl", &ar) != 0 && is_script(ar) && ar.currentline > 0)
            return {ar.source + 1, ar.currentline};
    }
    return {};
}

std::string traceback(lua_State* L, int level) {
    // Like luaL_traceback: the innermost frames and the outermost, without the middle of a
    // deep recursion. lua_getstack walks from the top each time, so find the depth by
    // bisection and visit only the frames shown, or a 20000-deep overflow takes seconds.
    constexpr int head = 12;
    constexpr int tail = 8;
    lua_Debug ar;
    if (lua_getstack(L, level, &ar) == 0) return {};
    int present = level;
    int absent = level + 1;
    while (lua_getstack(L, absent, &ar) != 0) {
        present = absent;
        absent = absent * 2 + 1;
    }
    while (absent - present > 1) {
        const int mid = present + (absent - present) / 2;
        (lua_getstack(L, mid, &ar) != 0 ? present : absent) = mid;
    }
    const int end = absent;  // levels [level, end) exist

    // Frames worth showing: script code and named C functions (not the host's plumbing).
    auto shown = [&](int l) {
        return lua_getstack(L, l, &ar) != 0 && lua_getinfo(L, "Sln", &ar) != 0 && (is_script(ar) || ar.name != nullptr);
    };
    std::vector<std::string> first;
    int last_first = level - 1;
    for (int l = level; l < end && static_cast<int>(first.size()) < head; ++l) {
        if (!shown(l)) continue;
        first.push_back(frame_line(ar));
        last_first = l;
    }
    std::vector<std::string> last;
    int first_last = end;
    for (int l = end - 1; l > last_first && static_cast<int>(last.size()) < tail; --l) {
        if (!shown(l)) continue;
        last.insert(last.begin(), frame_line(ar));
        first_last = l;
    }
    if (first.empty() && last.empty()) return {};
    std::string out = "stack traceback:";
    for (const std::string& line : first) out += line;
    if (!last.empty() && first_last > last_first + 1 && static_cast<int>(last.size()) == tail) out += "\n\t...";
    for (const std::string& line : last) out += line;
    return out;
}

}  // namespace formwork::script::detail

namespace formwork::script::luax {

SourceLocation caller_location(lua_State* L) { return detail::first_script_frame(L, 1); }

}  // namespace formwork::script::luax
