// The scripts panel: every template (and, with a check engine, every check) with its status;
// a script's errors show file:line, and a broken script never takes the app down.
#include <imgui.h>

#include <utility>
#include <vector>

#include "ui/display_names.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace formwork::ui {

void draw_scripts(App& app) {
    ImGui::TextUnformatted(app.tr(Str::Templates));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("templates", 3, flags)) return;
    ImGui::TableSetupColumn(app.tr(Str::Status), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
    ImGui::TableSetupColumn(app.tr(Str::ColTemplate), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(app.tr(Str::File), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    // The current templates, then the earlier versions old filings open with (earlier/).
    std::vector<std::pair<const script::TemplateEntry*, bool>> rows;
    for (const auto& e : app.templates.entries()) rows.emplace_back(&e, false);
    for (const auto& e : app.templates.earlier()) rows.emplace_back(&e, true);
    for (const auto& [entry, earlier] : rows) {
        const script::TemplateEntry& e = *entry;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (e.ok()) ImGui::TextColored(ImVec4(0.2f, 0.6f, 0.3f, 1), "%s", app.tr(Str::StatusOk));
        else ImGui::TextColored(severity_color("error"), "%s", app.tr(Str::StatusError));
        ImGui::TableNextColumn();
        if (e.loaded && earlier) ImGui::TextDisabled("%s v%d  %s", e.loaded->id.c_str(), e.loaded->version, app.tr(Str::EarlierVersion));
        else if (e.loaded) ImGui::Text("%s v%d  %s", e.loaded->id.c_str(), e.loaded->version, template_label(*e.loaded, app.lang).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.file.c_str());
        for (const auto& err : e.errors) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(severity_color("error"), "%s", err.c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::EndTable();

    ImGui::Spacing();
    ImGui::TextUnformatted(app.tr(Str::Checks));
    if (!app.checks || !ImGui::BeginTable("checks", 3, flags)) return;
    ImGui::TableSetupColumn(app.tr(Str::Status), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
    ImGui::TableSetupColumn(app.tr(Str::Checks), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(app.tr(Str::File), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    for (const auto& e : app.checks->scripts()) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (e.ok()) ImGui::TextColored(ImVec4(0.2f, 0.6f, 0.3f, 1), "%s", app.tr(Str::StatusOk));
        else ImGui::TextColored(severity_color("error"), "%s", app.tr(Str::StatusError));
        ImGui::TableNextColumn();
        for (const auto& c : e.loaded) {
            ImGui::TextColored(severity_color(script::to_string(c->severity)), "%s", c->id.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", check_title(*c, app.lang).c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.file.c_str());
        for (const auto& err : e.errors) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextColored(severity_color("error"), "%s", err.c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::EndTable();

    ImGui::Spacing();
    ImGui::TextUnformatted(app.tr(Str::CheckLog));
    if (app.check_log.empty()) ImGui::TextDisabled("%s", app.tr(Str::NoCheckLog));
    ImGui::PushTextWrapPos(0.0f);
    for (const auto& line : app.check_log) ImGui::Text("[%s] %s", line.check.c_str(), line.text.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace formwork::ui
