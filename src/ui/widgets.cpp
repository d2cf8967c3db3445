// Shared view helpers (see widgets.h).
#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/widgets.h"

#include <map>
#include <set>

#include "core/decimal.h"
#include "core/sums.h"
#include "core/target_value.h"

namespace formwork::ui {

namespace {

// Text typed into a number field that is not a number yet: shown, never stored.
std::map<std::string, std::string>& pending_inputs() {
    static std::map<std::string, std::string> pending;
    return pending;
}

}  // namespace

ImVec4 severity_color(const std::string& severity) {
    if (severity == "error") return ImVec4(0.85f, 0.15f, 0.15f, 1.0f);
    if (severity == "warning") return ImVec4(0.85f, 0.55f, 0.05f, 1.0f);
    return ImVec4(0.2f, 0.45f, 0.8f, 1.0f);
}

const Problem* worst_problem(const App& app, const std::string& path) {
    auto rank = [](const std::string& severity) { return severity == "error" ? 2 : severity == "warning" ? 1 : 0; };
    const Problem* worst = nullptr;
    for (const auto& p : app.problems)
        if (p.path == path && p.marks_place() && (!worst || rank(p.severity) > rank(worst->severity))) worst = &p;
    return worst;
}

void problem_tooltip(App& app, const std::string& path) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    for (const auto& p : app.problems)
        if (p.path == path && p.marks_place()) ImGui::TextColored(severity_color(p.severity), "%s", p.message(app.lang).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

bool problem_marker(App& app, const std::string& path) {
    const Problem* worst = worst_problem(app, path);
    if (!worst) return false;
    ImGui::SameLine(0, 4);
    ImGui::TextColored(severity_color(worst->severity), worst->severity == "error" ? "(!)" : "(?)");
    if (ImGui::IsItemHovered()) problem_tooltip(app, path);
    return true;
}

bool value_input(App& app, const std::string& path, const std::string& value, ValueKind kind, float width,
                 const std::function<void(const std::string&, const std::string&)>& commit) {
    auto& pending = pending_inputs();
    auto it = pending.find(path);
    std::string buffer = it != pending.end() ? it->second : value;
    if (app.focus_path == path) {
        ImGui::SetScrollHereY(0.3f);
        ImGui::SetKeyboardFocusHere();
        app.focus_path.clear();
    }
    ImGui::SetNextItemWidth(width);
    ImGui::PushID(path.c_str());
    bool committed = false;
    const bool invalid = it != pending.end() && !accepts(kind, it->second);
    if (invalid) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.55f, 0.12f, 0.12f, 0.6f));
    // Typed text waits in `pending` and is committed when the box is left: one undo step per
    // edit, not per keystroke.
    if (ImGui::InputText("##v", &buffer)) pending[path] = buffer;
    if (invalid) ImGui::PopStyleColor();
    if (ImGui::IsItemDeactivated()) {
        if (auto p = pending.find(path); p != pending.end()) {
            if (accepts(kind, p->second)) {
                if (p->second != value) {
                    commit(p->second, {});
                    committed = true;
                }
            } else {
                app.status_message = std::string(app.tr(Str::Refused)) + "：“" + p->second + "” " + app.tr(Str::NotANumber);
            }
            pending.erase(p);
        }
        if (app.session) app.session->end_merge();
    }
    if (auto p = pending.find(path); p != pending.end() && !accepts(kind, p->second) && ImGui::IsItemActive()) {
        ImGui::SameLine(0, 4);
        ImGui::TextColored(severity_color("error"), "%s", app.tr(Str::NotANumber));
    }
    if (kind == ValueKind::Target && ImGui::IsItemHovered() && !buffer.empty()) {
        const TargetValue t = parse_target(buffer);
        ImGui::SetTooltip("%s  %s", to_string(t.kind).c_str(),
                          t.kind == TargetKind::Unparsed ? t.reason.c_str() : canonical_text(t).c_str());
    }
    ImGui::PopID();
    problem_marker(app, path);
    return committed;
}

bool template_combo(const App& app, const char* label, const std::map<std::string, std::string>& labels,
                    std::string& template_id) {
    std::set<std::string> ids;
    for (const auto& s : app.filings) ids.insert(s.template_id);
    // A template no longer loaded shows as its id.
    auto label_of = [&labels](const std::string& id) {
        const auto it = labels.find(id);
        return it == labels.end() ? id : it->second;
    };
    bool changed = false;
    const std::string chosen = template_id.empty() ? app.tr(Str::AllTemplates) : label_of(template_id);
    if (ImGui::BeginCombo(label, chosen.c_str())) {
        if (ImGui::Selectable(app.tr(Str::AllTemplates), template_id.empty())) {
            changed = !template_id.empty();
            template_id.clear();
        }
        for (const auto& t : ids)
            if (ImGui::Selectable(label_of(t).c_str(), t == template_id)) {
                changed = t != template_id;
                template_id = t;
            }
        ImGui::EndCombo();
    }
    if (!template_id.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", chosen.c_str());
    return changed;
}

bool year_combo(const App& app, const char* label, std::string& year) {
    std::set<std::string> years;
    for (const auto& s : app.filings)
        if (!s.year.empty()) years.insert(s.year);
    bool changed = false;
    if (ImGui::BeginCombo(label, year.empty() ? app.tr(Str::AllYears) : year.c_str())) {
        if (ImGui::Selectable(app.tr(Str::AllYears), year.empty())) {
            changed = !year.empty();
            year.clear();
        }
        for (const auto& y : years)
            if (ImGui::Selectable(y.c_str(), y == year)) {
                changed = y != year;
                year = y;
            }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace formwork::ui
