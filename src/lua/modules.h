// What scripts can reach, as data: the allow-listed globals and the bound modules with their
// function names. Docs and the LuaLS stub test (scripts/api/*.lua) compare against these.
#pragma once

#include <string>
#include <vector>

namespace formwork::script {

struct ModuleInfo {
    std::string name;                    // global name, e.g. "text"
    std::vector<std::string> functions;  // field names, sorted
};

// The modules of modules.cpp, in that order.
std::vector<ModuleInfo> bound_modules();

// Every global a script can read, sorted, each library as "name" followed by "name.field"
// entries (e.g. "string", "string.find", ...). Bound modules are included.
std::vector<std::string> sandbox_globals();

}  // namespace formwork::script
