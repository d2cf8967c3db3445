// The problems panel: a summary line (errors, warnings, info, could not judge), every finding
// of the live checks on the open filing — a click jumps to the field, row or cell it
// concerns — and below them, quieter, the checks that could not judge (a value they need is
// blank), each with its reason.
#include <imgui.h>

#include <algorithm>
#include <map>

#include "ui/display_names.h"
#include "core/place_label.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace formwork::ui {

namespace {

Str severity_word(const std::string& severity) {
    return severity == "error" ? Str::Error : severity == "warning" ? Str::Warning : Str::Info;
}

// "错误 2  警告 1  提示 0  未能判断 3", each in its colour.
void draw_summary(const App& app) {
    int errors = 0, warnings = 0, infos = 0, unjudged = 0;
    for (const Problem& p : app.problems) {
        if (p.could_not_judge) ++unjudged;
        else if (p.severity == "error") ++errors;
        else if (p.severity == "warning") ++warnings;
        else ++infos;
    }
    bool first = true;
    for (const auto& [severity, n] : {std::pair{"error", errors}, {"warning", warnings}, {"info", infos}}) {
        if (!first) ImGui::SameLine(0, ImGui::GetFontSize());
        first = false;
        const ImVec4 colour = n ? severity_color(severity) : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
        ImGui::TextColored(colour, "%s %d", app.tr(severity_word(severity)), n);
    }
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::TextDisabled("%s %d", app.tr(Str::CouldNotJudge), unjudged);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::CouldNotJudgeTip));
}

}  // namespace

void draw_problems(App& app) {
    if (!app.checker) {
        ImGui::TextDisabled("%s", app.tr(Str::ChecksNotLoaded));
        return;
    }
    if (!app.session) return;
    draw_summary(app);
    const bool any_finding = std::any_of(app.problems.begin(), app.problems.end(), [](const Problem& p) { return !p.could_not_judge; });
    if (!any_finding) ImGui::TextDisabled("%s", app.tr(Str::NoProblems));
    if (app.problems.empty()) return;
    // Check titles in the UI language, by id (English where the script gives one, else the id).
    std::map<std::string, std::string> titles;
    if (app.checks)
        for (const auto& c : app.checks->checks()) titles[c->id] = check_title(*c, app.lang);
    auto title_of = [&titles](const std::string& id) {
        const auto it = titles.find(id);
        return it == titles.end() ? id : it->second;
    };
    float word_w = 0;
    for (Str w : {Str::Error, Str::Warning, Str::Info, Str::CouldNotJudge}) word_w = std::max(word_w, ImGui::CalcTextSize(app.tr(w)).x);

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("problems", 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr(Str::Severity), ImGuiTableColumnFlags_WidthFixed, word_w + ImGui::GetFontSize() * 0.5f);
    ImGui::TableSetupColumn(app.tr(Str::Message), ImGuiTableColumnFlags_WidthStretch, 5.0f);
    ImGui::TableSetupColumn(app.tr(Str::Location), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableHeadersRow();
    // The findings first, then (set apart by a blank row) what could not be judged.
    for (const bool quiet : {false, true}) {
        if (quiet && any_finding &&
            std::any_of(app.problems.begin(), app.problems.end(), [](const Problem& p) { return p.could_not_judge; })) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.25f));
        }
        for (size_t i = 0; i < app.problems.size(); ++i) {
            const Problem& p = app.problems[i];
            if (p.could_not_judge != quiet) continue;
            const std::string title = title_of(p.check);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (quiet) ImGui::TextDisabled("%s", app.tr(Str::CouldNotJudge));
            else ImGui::TextColored(severity_color(p.severity), "%s", app.tr(severity_word(p.severity)));
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(i));
            const std::string text = quiet ? title + (p.message(app.lang).empty() ? "" : app.tr(Str::Colon) + p.message(app.lang))
                                           : p.message(app.lang);
            if (quiet) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (ImGui::Selectable(text.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) app.focus_path = p.path;
            if (quiet) ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
                ImGui::TextUnformatted(title.c_str());
                ImGui::TextDisabled("%s", quiet ? app.tr(Str::CouldNotJudgeTip) : p.message(app.lang).c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            // The place in the template's words (a narrow column cuts it: the tooltip has it whole).
            const std::string where = path_label(p.path, app.session->spec(), app.session->filing(), app.lang);
            ImGui::TextDisabled("%s", where.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", where.c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace formwork::ui
