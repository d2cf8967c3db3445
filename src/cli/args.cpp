// Command-line argument parsing (see args.h).
#include "cli/args.h"

namespace formwork::cli {

Args::Args(const std::vector<std::string>& argv, const FlagSpec& spec) {
    bool only_positional = false;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (only_positional || a.size() < 2 || a[0] != '-') {
            positional_.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positional = true;
            continue;
        }
        std::string name = a, inline_value;
        bool has_inline = false;
        if (auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
            name = a.substr(0, eq);
            inline_value = a.substr(eq + 1);
            has_inline = true;
        }
        if (spec.switches.count(name) && !has_inline) {
            switches_.insert(name);
        } else if (spec.values.count(name)) {
            if (has_inline) {
                values_[name] = inline_value;
            } else if (i + 1 < argv.size()) {
                values_[name] = argv[++i];
            } else {
                throw UsageError("option " + name + " needs a value");
            }
        } else {
            throw UsageError("unknown option " + a);
        }
    }
}

std::optional<std::string> Args::value(const std::string& flag) const {
    auto it = values_.find(flag);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Args::required(const std::string& flag) const {
    auto v = value(flag);
    if (!v) throw UsageError("missing required option " + flag);
    return *v;
}

}  // namespace formwork::cli
