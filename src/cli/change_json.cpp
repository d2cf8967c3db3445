// Value changes as JSON (see change_json.h).
#include "cli/change_json.h"

namespace formwork::cli {

namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

}  // namespace

nlohmann::json change_json(const ValueChange& c) {
    nlohmann::json j;
    j["kind"] = to_string(c.kind);
    j["from"] = or_null(c.from_path);
    j["from_label"] = or_null(c.from_label);
    j["to"] = or_null(c.to_path);
    j["to_label"] = or_null(c.to_label);
    j["value"] = c.text;
    j["new_value"] = or_null(c.new_text);
    nlohmann::json parts = nlohmann::json::array();
    for (const auto& p : c.parts) parts.push_back({{"path", p.path}, {"label", p.label}, {"value", p.text}});
    j["parts"] = std::move(parts);
    return j;
}

nlohmann::json changes_json(const VersionChanges& changes) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : changes.changes) out.push_back(change_json(c));
    return out;
}

}  // namespace formwork::cli
