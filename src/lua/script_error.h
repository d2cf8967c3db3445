// ScriptError: the one shape every script failure takes on its way out of the script layer, so the
// UI, the CLI and the template registry all show "file:line: message" the same way.
#pragma once

#include <string>

namespace formwork::script {

// A place in a script, as shown to users.
struct SourceLocation {
    std::string file;  // the chunk name given to ScriptHost::load (the script's path)
    int line = 0;      // 0 when unknown
};

struct ScriptError {
    enum class Kind {
        Syntax,     // the source does not parse
        Runtime,    // error() or a failed operation while running
        Timeout,    // stopped at the time limit
        Memory,     // stopped at the memory or string size limit
        Forbidden,  // refused by the sandbox before running (bytecode)
        BadValue,   // a value crossing the boundary cannot be converted
        Nesting,    // stopped: calls from C back into the script nested too deeply
        Output,     // stopped: handed more to the host than allowed (findings, message size)
    };

    Kind kind = Kind::Runtime;
    std::string file;
    int line = 0;
    std::string message;    // without the "file:line: " prefix
    std::string traceback;  // "stack traceback:\n\t..." or empty

    // "scripts/templates/nantong.lua:42: message"; "file: message" when the line is unknown.
    std::string to_string() const;
};

// "syntax", "runtime", "timeout", "memory", "forbidden", "bad value", "nesting", "output".
// Timeout, Memory, Nesting and Output are stops: the sandbox ended the script, pcall cannot
// catch them, and a check run that ends so counts as "stopped".
const char* kind_name(ScriptError::Kind kind);
bool is_stop(ScriptError::Kind kind);

}  // namespace formwork::script
