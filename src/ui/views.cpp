// The shell's layout: menu bar on top, the filing list on the left, the form in the middle,
// templates/history on the right when shown, problems below, the status bar at the bottom.
// Every view is drawn from this one list.
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "ui/views.h"

namespace formwork::ui {

namespace {

// `scroll_top`: the window starts at its top (a filing just opened).
void panel(const char* title, ImVec2 pos, ImVec2 size, void (*draw)(App&), App& app, bool scroll_top = false) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoFocusOnAppearing;  // the focus stays where a click or --focus put it
    // "###id" keeps the window's identity when the language (and so its title) changes.
    const std::string name = std::string(title) + "###" + std::to_string(reinterpret_cast<std::uintptr_t>(draw));
    if (ImGui::Begin(name.c_str(), nullptr, flags)) {
        if (scroll_top) ImGui::SetScrollY(0.0f);
        draw(app);
    }
    ImGui::End();
}

// A splitter: a thin window over the border between two panes; dragging it moves the border.
// `fraction` is the pane's size as a part of `span` pixels; `sign` says which way grows it.
void splitter(const char* id, ImVec2 pos, ImVec2 size, bool across_x, float& fraction, float span, float sign, App& app) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, ImVec2(1, 1));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin(id, nullptr, flags)) {
        ImGui::InvisibleButton("##split", size);
        const bool active = ImGui::IsItemActive();
        if (ImGui::IsItemHovered() || active) {
            ImGui::SetMouseCursor(across_x ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
            const ImVec2 a = pos, b(pos.x + size.x, pos.y + size.y);
            ImGui::GetWindowDrawList()->AddRectFilled(a, b, ImGui::GetColorU32(active ? ImGuiCol_SeparatorActive : ImGuiCol_SeparatorHovered));
        }
        if (active && span > 0) {
            const ImVec2 d = ImGui::GetIO().MouseDelta;
            fraction += sign * (across_x ? d.x : d.y) / span;
            app.panes.clamp();
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace

void draw_shell(App& app) {
    draw_menu_bar(app);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float top = ImGui::GetFrameHeight();
    const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
    const bool side = app.show_scripts || app.show_history;
    const float left_w = app.show_filings ? std::max(200.0f, display.x * app.panes.filings) : 0.0f;
    const float right_w = side ? std::max(240.0f, display.x * app.panes.side) : 0.0f;
    const float body_h = display.y - top - status_h;
    const float bottom_h = app.show_problems ? std::max(90.0f, body_h * app.panes.problems) : 0.0f;

    // A filing just opened starts at its top, not where the last one was scrolled to.
    static const EditSession* shown_session = nullptr;
    const bool opened = app.session.get() != shown_session;
    shown_session = app.session.get();

    if (app.show_filings) panel(app.tr(Str::Filings), {0, top}, {left_w, body_h}, draw_filings, app);
    const float center_w = display.x - left_w - right_w;
    panel(app.tr(Str::Form), {left_w, top}, {center_w, body_h - bottom_h}, draw_form, app, opened);
    if (app.show_problems) panel(app.tr(Str::Problems), {left_w, top + body_h - bottom_h}, {center_w, bottom_h}, draw_problems, app);
    if (app.show_scripts && app.show_history) {
        panel(app.tr(Str::Scripts), {display.x - right_w, top}, {right_w, body_h / 2}, draw_scripts, app);
        panel(app.tr(Str::History), {display.x - right_w, top + body_h / 2}, {right_w, body_h / 2}, draw_history, app);
    } else if (app.show_scripts) {
        panel(app.tr(Str::Scripts), {display.x - right_w, top}, {right_w, body_h}, draw_scripts, app);
    } else if (app.show_history) {
        panel(app.tr(Str::History), {display.x - right_w, top}, {right_w, body_h}, draw_history, app);
    }
    const float grip = 6.0f;
    if (app.show_filings) splitter("##split_filings", {left_w - grip / 2, top}, {grip, body_h}, true, app.panes.filings, display.x, +1, app);
    if (side) splitter("##split_side", {display.x - right_w - grip / 2, top}, {grip, body_h}, true, app.panes.side, display.x, -1, app);
    if (app.show_problems)
        splitter("##split_problems", {left_w, top + body_h - bottom_h - grip / 2}, {center_w, grip}, false, app.panes.problems, body_h, -1, app);
    ImGui::SetNextWindowPos({0, display.y - status_h});
    ImGui::SetNextWindowSize({display.x, status_h});
    if (ImGui::Begin("##status", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing))
        draw_status_bar(app);
    ImGui::End();
    draw_dialogs(app);
    draw_export_dialog(app);
    draw_report_dialog(app);
    draw_import_dialog(app);
    draw_version_dialogs(app);
    draw_workflow_dialogs(app);
}

}  // namespace formwork::ui
