// The filing list: search by title (or template), filter by template and year, the problem
// count of the open filing; a click opens a filing.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <set>

#include "ui/display_names.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace formwork::ui {

namespace {

struct FilingFilter {
    std::string search;
    std::string template_id;
    std::string year;
};

FilingFilter& filter() {
    static FilingFilter f;
    return f;
}

bool matches(const App& app, const store::FilingSummary& s, const FilingFilter& f) {
    if (!f.template_id.empty() && s.template_id != f.template_id) return false;
    if (!f.year.empty() && s.year != f.year) return false;
    if (!f.search.empty() && s.title.find(f.search) == std::string::npos &&
        app.counts.department_of(s.id).find(f.search) == std::string::npos)
        return false;
    return true;
}

}  // namespace

void draw_filings(App& app) {
    FilingFilter& f = filter();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##search", app.tr(Str::Search), &f.search);
    std::set<std::string> templates, years;
    for (const auto& s : app.filings) {
        templates.insert(s.template_id);
        if (!s.year.empty()) years.insert(s.year);
    }
    // Templates by title and region in the UI language (a template no longer loaded: its id).
    const auto labels = template_labels(app.templates, app.lang);
    auto label_of = [&labels](const std::string& id) {
        const auto it = labels.find(id);
        return it == labels.end() ? id : it->second;
    };
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::SetNextItemWidth(half);
    const std::string chosen = f.template_id.empty() ? app.tr(Str::AllTemplates) : label_of(f.template_id);
    if (ImGui::BeginCombo("##tpl", chosen.c_str())) {
        if (ImGui::Selectable(app.tr(Str::AllTemplates), f.template_id.empty())) f.template_id.clear();
        for (const auto& t : templates)
            if (ImGui::Selectable(label_of(t).c_str(), t == f.template_id)) f.template_id = t;
        ImGui::EndCombo();
    }
    if (!f.template_id.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", chosen.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    if (ImGui::BeginCombo("##year", f.year.empty() ? app.tr(Str::AllYears) : f.year.c_str())) {
        if (ImGui::Selectable(app.tr(Str::AllYears), f.year.empty())) f.year.clear();
        for (const auto& y : years)
            if (ImGui::Selectable(y.c_str(), y == f.year)) f.year = y;
        ImGui::EndCombo();
    }
    if (app.filings.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", app.tr(Str::NoFilings));
        ImGui::PopTextWrapPos();
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("filings", 3, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr(Str::ColTitle), ImGuiTableColumnFlags_WidthStretch, 4.0f);
    ImGui::TableSetupColumn(app.tr(Str::ColYear), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(app.tr(Str::ColProblems), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableHeadersRow();
    std::vector<const store::FilingSummary*> shown;
    for (const auto& s : app.filings)
        if (matches(app, s, f)) shown.push_back(&s);
    const std::int64_t open_id = app.session ? app.session->filing().id : 0;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& s = *shown[static_cast<size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(s.id));
            const std::string label = (s.title.empty() ? "#" + std::to_string(s.id) : s.title);
            if (ImGui::Selectable(label.c_str(), s.id == open_id, ImGuiSelectableFlags_SpanAllColumns))
                if (s.id != open_id) {
                    const std::int64_t id = s.id;
                    app.run_guarded([&app, id] { app.open_filing(id); });
                }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", s.title.c_str(), label_of(s.template_id).c_str());
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.year.c_str());
            ImGui::TableNextColumn();
            if (const auto c = app.counts.count_of(s.id)) {
                if (c->damaged) {
                    ImGui::TextColored(severity_color("error"), "%s", app.tr(Str::Damaged));
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::DamagedTip));
                    continue;
                }
                if (c->errors) ImGui::TextColored(severity_color("error"), "%d", c->errors);
                if (c->warnings) {
                    if (c->errors) ImGui::SameLine(0, 4);
                    ImGui::TextColored(severity_color("warning"), "%d", c->warnings);
                }
                if (!c->errors && !c->warnings) ImGui::TextDisabled("0");
            }
        }
    }
    ImGui::EndTable();
}

}  // namespace formwork::ui
