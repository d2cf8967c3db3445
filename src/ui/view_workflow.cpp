// The shared store's dialogs: the conflict view (a save met another one on the same cells:
// per cell the place, mine and theirs, a choice of which to keep, then save; never a silent
// overwrite) and the reason asked when a reviewer returns a filing.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/place_label.h"
#include "ui/views.h"

namespace formwork::ui {

namespace {

std::string shown(const std::optional<std::string>& v) { return v ? *v : "—"; }

void draw_conflict(App& app) {
    if (!app.conflict || !app.session) return;
    const char* title = app.tr(Str::ConflictTitle);
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 46, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title, nullptr, 0)) return;
    App::SaveConflict& c = *app.conflict;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(tr_with(Str::ConflictIntro, app.lang, "#" + std::to_string(c.head)).c_str());
    ImGui::PopTextWrapPos();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("conflict", 3, flags)) {
        ImGui::TableSetupColumn(app.tr(Str::ConflictPlace), ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn(app.tr(Str::ConflictMine), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(app.tr(Str::ConflictTheirs), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < c.cells.size(); ++i) {
            const auto& cell = c.cells[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", path_label(cell.path, app.session->spec(), app.session->filing(), app.lang).c_str());
            ImGui::TableNextColumn();
            if (ImGui::RadioButton("##mine", c.keep_mine[i])) c.keep_mine[i] = true;
            ImGui::SameLine();
            ImGui::TextWrapped("%s", shown(cell.mine).c_str());
            ImGui::TableNextColumn();
            if (ImGui::RadioButton("##theirs", !c.keep_mine[i])) c.keep_mine[i] = false;
            ImGui::SameLine();
            ImGui::TextWrapped("%s", shown(cell.theirs).c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::Separator();
    if (ImGui::Button(app.tr(Str::ConflictSaveChosen))) {
        ImGui::CloseCurrentPopup();
        app.resolve_conflict();
    }
    ImGui::SameLine();
    if (ImGui::Button(app.tr(Str::Cancel))) {
        app.conflict.reset();  // the edits stay unsaved in the form
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void draw_return_reason(App& app) {
    if (!app.ask_return_reason) return;
    const char* title = app.tr(Str::ReturnTitle);
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    ImGui::InputTextWithHint("##reason", app.tr(Str::ReturnReason), &app.return_reason);
    const bool given = !app.return_reason.empty();
    if (!given) ImGui::BeginDisabled();
    if (ImGui::Button(app.tr(Str::MenuReturn))) {
        app.change_status(store::Status::Returned, app.return_reason);
        app.return_reason.clear();
        app.ask_return_reason = false;
        ImGui::CloseCurrentPopup();
    }
    if (!given) ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(app.tr(Str::Cancel))) {
        app.ask_return_reason = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

void draw_workflow_dialogs(App& app) {
    draw_conflict(app);
    draw_return_reason(app);
}

Str status_word(store::Status s) {
    switch (s) {
    case store::Status::Draft: return Str::StatusDraft;
    case store::Status::Submitted: return Str::StatusSubmitted;
    case store::Status::Approved: return Str::StatusApproved;
    case store::Status::Returned: return Str::StatusReturned;
    }
    return Str::StatusDraft;
}

}  // namespace formwork::ui
