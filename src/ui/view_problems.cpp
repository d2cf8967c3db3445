// The problems panel: the reviewer's note on the filing, a summary line (errors, warnings, info,
// accepted, could not judge), every finding of the live checks on the open filing — a click
// jumps to the field, row or cell it concerns; each can carry a reviewer's note, a warning can
// be accepted — then, quieter, the warnings accepted for their present values and the checks
// that could not judge (a value they need is blank), each with its reason.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <map>

#include "core/place_label.h"
#include "ui/display_names.h"
#include "ui/revision_text.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace formwork::ui {

namespace {

Str severity_word(const std::string& severity) {
    return severity == "error" ? Str::Error : severity == "warning" ? Str::Warning : Str::Info;
}

// The groups of the panel, in the order they are listed.
enum class Group { Finding, Accepted, CouldNotJudge };

Group group_of(const Problem& p) {
    return p.could_not_judge ? Group::CouldNotJudge : p.accepted ? Group::Accepted : Group::Finding;
}

// The note being written (a modal over the panel): on the filing (check and path empty) or on
// one finding.
struct NoteEditor {
    bool open_requested = false;
    std::string check, path;
    std::string heading;  // the finding's message, or empty for the filing's note
    std::string text;
    bool existed = false;
};

NoteEditor& editor() {
    static NoteEditor e;
    return e;
}

void edit_note(App& app, const std::string& check, const std::string& path, const std::string& heading) {
    NoteEditor& e = editor();
    e.open_requested = true;
    e.check = check;
    e.path = path;
    e.heading = heading;
    const store::ReviewNote* n = app.note_on(check, path);
    e.text = n ? n->text : std::string();
    e.existed = n != nullptr;
}

void draw_note_editor(App& app) {
    NoteEditor& e = editor();
    const std::string id = std::string(app.tr(e.check.empty() && e.path.empty() ? Str::NoteOnFiling : Str::NoteOnFinding)) + "###review-note";
    if (e.open_requested) {
        ImGui::OpenPopup("###review-note");
        e.open_requested = false;
    }
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const float width = ImGui::GetFontSize() * 32;
    if (!e.heading.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::TextUnformatted(e.heading.c_str());
        ImGui::PopTextWrapPos();
    }
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##note", &e.text, ImVec2(width, ImGui::GetTextLineHeight() * 6));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextDisabled("%s", app.tr(Str::NoteKeptText));
    ImGui::PopTextWrapPos();
    if (ImGui::Button(app.tr(Str::Save)) && app.set_review_note(e.check, e.path, e.text)) ImGui::CloseCurrentPopup();
    ImGui::SameLine();
    ImGui::BeginDisabled(!e.existed);
    if (ImGui::Button(app.tr(Str::RemoveNote)) && app.set_review_note(e.check, e.path, "")) ImGui::CloseCurrentPopup();
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(app.tr(Str::Cancel))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// "审核人意见：…  [意见…]" over the findings, for a saved filing.
void draw_filing_note(App& app) {
    if (!app.session || app.session->filing().id == 0) return;
    const store::ReviewNote* n = app.note_on("", "");
    ImGui::TextDisabled("%s", app.tr(Str::FilingNoteLabel));
    ImGui::SameLine(0, 0);
    if (n) {
        ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(app.tr(Str::NoteButton)).x -
                               ImGui::GetFontSize() * 1.5f);
        ImGui::TextUnformatted(n->text.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr_with(Str::NoteWrittenAt, app.lang, local_time_text(n->at)).c_str());
    } else {
        ImGui::TextDisabled("%s", app.tr(Str::NoNote));
    }
    ImGui::SameLine();
    ImGui::PushID("filing-note");
    if (ImGui::SmallButton(app.tr(Str::NoteButton))) edit_note(app, "", "", "");
    ImGui::PopID();
}

// "错误 2  警告 1  提示 0  已认可 1  未能判断 3", each in its colour.
void draw_summary(const App& app) {
    int errors = 0, warnings = 0, infos = 0, accepted = 0, unjudged = 0;
    for (const Problem& p : app.problems) {
        if (p.could_not_judge) ++unjudged;
        else if (p.accepted) ++accepted;
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
    if (accepted) {
        ImGui::SameLine(0, ImGui::GetFontSize());
        ImGui::TextDisabled("%s %d", app.tr(Str::AcceptedGroup), accepted);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::AcceptedTip));
    }
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::TextDisabled("%s %d", app.tr(Str::CouldNotJudge), unjudged);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::CouldNotJudgeTip));
}

// One row: the severity, the message (wrapped, a click jumps to its place) with the reviewer's
// note under it, the place, and the reviewer's actions. Returns false when the action changed
// app.problems (the rest of this frame's list is stale).
bool draw_row(App& app, const Problem& p, const std::string& title, int index) {
    const Group g = group_of(p);
    const bool quiet = g != Group::Finding;
    const store::ReviewNote* note = g == Group::CouldNotJudge ? nullptr : app.note_on(p.check, p.path);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (g == Group::CouldNotJudge) ImGui::TextDisabled("%s", app.tr(Str::CouldNotJudge));
    else if (g == Group::Accepted) ImGui::TextDisabled("%s", app.tr(Str::AcceptedGroup));
    else ImGui::TextColored(severity_color(p.severity), "%s", app.tr(severity_word(p.severity)));
    ImGui::TableNextColumn();
    ImGui::PushID(index);
    const std::string text = g == Group::CouldNotJudge
                                 ? title + (p.message(app.lang).empty() ? "" : app.tr(Str::Colon) + p.message(app.lang))
                                 : p.message(app.lang);
    const std::string note_text = note ? std::string(app.tr(Str::ReviewerSays)) + note->text : std::string();
    // The message wraps in its column; the row's selectable covers it (and the note) whole.
    const float width = ImGui::GetContentRegionAvail().x;
    float height = ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y;
    if (note) height += ImGui::GetStyle().ItemSpacing.y + ImGui::CalcTextSize(note_text.c_str(), nullptr, false, width).y;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float wrap_x = ImGui::GetCursorPosX() + width;  // PushTextWrapPos takes window coordinates
    if (ImGui::Selectable("##row", false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, height)))
        app.focus_path = p.path;
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(title.c_str());
        ImGui::TextDisabled("%s", g == Group::CouldNotJudge ? app.tr(Str::CouldNotJudgeTip)
                                  : g == Group::Accepted      ? app.tr(Str::AcceptedTip)
                                                              : p.message(app.lang).c_str());
        if (note) ImGui::TextUnformatted(tr_with(Str::NoteWrittenAt, app.lang, local_time_text(note->at)).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    bool still = true;
    if (g != Group::CouldNotJudge && ImGui::BeginPopupContextItem("##actions")) {
        if (p.severity == "warning" && g == Group::Finding && ImGui::MenuItem(app.tr(Str::Accept))) still = !app.accept_warning(p);
        if (g == Group::Accepted && ImGui::MenuItem(app.tr(Str::Unaccept))) still = !app.unaccept_warning(p);
        if (ImGui::MenuItem(app.tr(Str::NoteButton))) edit_note(app, p.check, p.path, p.message(app.lang));
        ImGui::EndPopup();
    }
    ImGui::SetCursorScreenPos(at);
    ImGui::PushTextWrapPos(wrap_x);
    if (quiet) ImGui::TextDisabled("%s", text.c_str());
    else ImGui::TextUnformatted(text.c_str());
    if (note) ImGui::TextColored(ImVec4(0.15f, 0.35f, 0.75f, 1.0f), "%s", note_text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TableNextColumn();
    // The place in the template's words (a narrow column cuts it: the tooltip has it whole).
    const std::string where = path_label(p.path, app.session->spec(), app.session->filing(), app.lang);
    ImGui::TextDisabled("%s", where.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", where.c_str());
    ImGui::TableNextColumn();
    if (g != Group::CouldNotJudge && app.session->filing().id != 0) {
        if (p.severity == "warning" && g == Group::Finding) {
            if (ImGui::SmallButton(app.tr(Str::Accept))) still = still && !app.accept_warning(p);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::AcceptTip));
            ImGui::SameLine();
        } else if (g == Group::Accepted) {
            if (ImGui::SmallButton(app.tr(Str::Unaccept))) still = still && !app.unaccept_warning(p);
            ImGui::SameLine();
        }
        if (ImGui::SmallButton(app.tr(Str::NoteButton))) edit_note(app, p.check, p.path, p.message(app.lang));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::NoteButtonTip));
    }
    ImGui::PopID();
    return still;
}

}  // namespace

void draw_problems(App& app) {
    if (!app.checker) {
        ImGui::TextDisabled("%s", app.tr(Str::ChecksNotLoaded));
        return;
    }
    if (!app.session) return;
    draw_note_editor(app);
    draw_filing_note(app);
    draw_summary(app);
    const auto in_group = [&app](Group g) {
        return std::any_of(app.problems.begin(), app.problems.end(), [g](const Problem& p) { return group_of(p) == g; });
    };
    const bool any_finding = in_group(Group::Finding);
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
    for (Str w : {Str::Error, Str::Warning, Str::Info, Str::CouldNotJudge, Str::AcceptedGroup})
        word_w = std::max(word_w, ImGui::CalcTextSize(app.tr(w)).x);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float actions_w = ImGui::CalcTextSize(app.tr(Str::Unaccept)).x + ImGui::CalcTextSize(app.tr(Str::NoteButton)).x +
                            style.FramePadding.x * 4 + style.ItemSpacing.x + style.CellPadding.x * 2;

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_BordersInnerV;
    if (!ImGui::BeginTable("problems", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr(Str::Severity), ImGuiTableColumnFlags_WidthFixed, word_w + ImGui::GetFontSize() * 0.5f);
    ImGui::TableSetupColumn(app.tr(Str::Message), ImGuiTableColumnFlags_WidthStretch, 5.0f);
    ImGui::TableSetupColumn(app.tr(Str::Location), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(app.tr(Str::ReviewNote), ImGuiTableColumnFlags_WidthFixed, actions_w);
    ImGui::TableHeadersRow();
    // The findings first, then (each set apart by a blank row) the accepted warnings and what
    // could not be judged.
    bool listed = false;
    for (const Group g : {Group::Finding, Group::Accepted, Group::CouldNotJudge}) {
        if (!in_group(g)) continue;
        if (listed) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.25f));
        }
        listed = true;
        for (size_t i = 0; i < app.problems.size(); ++i) {
            const Problem& p = app.problems[i];
            if (group_of(p) != g) continue;
            if (!draw_row(app, p, title_of(p.check), static_cast<int>(i))) break;
        }
    }
    ImGui::EndTable();
}

}  // namespace formwork::ui
