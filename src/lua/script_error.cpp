// Formatting of ScriptError for people.
#include "lua/script_error.h"

namespace formwork::script {

std::string ScriptError::to_string() const {
    if (file.empty()) return message;
    if (line <= 0) return file + ": " + message;
    return file + ":" + std::to_string(line) + ": " + message;
}

const char* kind_name(ScriptError::Kind kind) {
    switch (kind) {
    case ScriptError::Kind::Syntax: return "syntax";
    case ScriptError::Kind::Runtime: return "runtime";
    case ScriptError::Kind::Timeout: return "timeout";
    case ScriptError::Kind::Memory: return "memory";
    case ScriptError::Kind::Forbidden: return "forbidden";
    case ScriptError::Kind::BadValue: return "bad value";
    case ScriptError::Kind::Nesting: return "nesting";
    case ScriptError::Kind::Output: return "output";
    }
    return "runtime";
}

bool is_stop(ScriptError::Kind kind) {
    return kind == ScriptError::Kind::Timeout || kind == ScriptError::Kind::Memory ||
           kind == ScriptError::Kind::Nesting || kind == ScriptError::Kind::Output;
}

}  // namespace formwork::script
