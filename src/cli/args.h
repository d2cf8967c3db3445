// Command-line argument parsing shared by every subcommand: declared flags only, so an
// unknown flag is a usage error (exit 2) rather than silently ignored.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace formwork::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct FlagSpec {
    std::set<std::string> switches;  // --json
    std::set<std::string> values;    // --db PATH (also --db=PATH)
};

class Args {
public:
    // Throws UsageError naming the flag when a flag is unknown or lacks its value.
    Args(const std::vector<std::string>& argv, const FlagSpec& spec);

    bool has(const std::string& flag) const { return switches_.count(flag) || values_.count(flag); }
    std::optional<std::string> value(const std::string& flag) const;
    std::string required(const std::string& flag) const;  // throws UsageError when absent
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::set<std::string> switches_;
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

}  // namespace formwork::cli
