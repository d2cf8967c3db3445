// The problems panel: every finding of the live checks on the open filing; a click jumps to
// the field, row or cell it concerns.
#include <imgui.h>

#include "ui/path_label.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace formwork::ui {

void draw_problems(App& app) {
    if (!app.checker) {
        ImGui::TextDisabled("%s", app.tr(Str::ChecksNotLoaded));
        return;
    }
    if (!app.session) return;
    if (app.problems.empty()) {
        ImGui::TextDisabled("%s", app.tr(Str::NoProblems));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("problems", 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr(Str::Severity), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
    ImGui::TableSetupColumn(app.tr(Str::Message), ImGuiTableColumnFlags_WidthStretch, 5.0f);
    ImGui::TableSetupColumn(app.tr(Str::Location), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < app.problems.size(); ++i) {
        const Problem& p = app.problems[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const Str sev = p.severity == "error" ? Str::Error : p.severity == "warning" ? Str::Warning : Str::Info;
        ImGui::TextColored(severity_color(p.severity), "%s", app.tr(sev));
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(p.message(app.lang).c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) app.focus_path = p.path;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", p.check.c_str(), p.message(app.lang).c_str());
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", path_label(p.path, app.session->spec(), app.session->filing(), app.lang).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.path.c_str());
    }
    ImGui::EndTable();
}

}  // namespace formwork::ui
