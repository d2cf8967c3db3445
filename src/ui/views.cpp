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

void panel(const char* title, ImVec2 pos, ImVec2 size, void (*draw)(App&), App& app) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    // "###id" keeps the window's identity when the language (and so its title) changes.
    const std::string name = std::string(title) + "###" + std::to_string(reinterpret_cast<std::uintptr_t>(draw));
    if (ImGui::Begin(name.c_str(), nullptr, flags)) draw(app);
    ImGui::End();
}

}  // namespace

void draw_shell(App& app) {
    draw_menu_bar(app);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float top = ImGui::GetFrameHeight();
    const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2;
    const float left_w = app.show_filings ? std::max(260.0f, display.x * 0.22f) : 0.0f;
    const float right_w = (app.show_scripts || app.show_history) ? std::max(300.0f, display.x * 0.25f) : 0.0f;
    const float bottom_h = app.show_problems ? std::max(140.0f, display.y * 0.22f) : 0.0f;
    const float body_h = display.y - top - status_h;

    if (app.show_filings) panel(app.tr(Str::Filings), {0, top}, {left_w, body_h}, draw_filings, app);
    const float center_w = display.x - left_w - right_w;
    panel(app.tr(Str::Form), {left_w, top}, {center_w, body_h - bottom_h}, draw_form, app);
    if (app.show_problems) panel(app.tr(Str::Problems), {left_w, top + body_h - bottom_h}, {center_w, bottom_h}, draw_problems, app);
    if (app.show_scripts && app.show_history) {
        panel(app.tr(Str::Scripts), {display.x - right_w, top}, {right_w, body_h / 2}, draw_scripts, app);
        panel(app.tr(Str::History), {display.x - right_w, top + body_h / 2}, {right_w, body_h / 2}, draw_history, app);
    } else if (app.show_scripts) {
        panel(app.tr(Str::Scripts), {display.x - right_w, top}, {right_w, body_h}, draw_scripts, app);
    } else if (app.show_history) {
        panel(app.tr(Str::History), {display.x - right_w, top}, {right_w, body_h}, draw_history, app);
    }
    ImGui::SetNextWindowPos({0, display.y - status_h});
    ImGui::SetNextWindowSize({display.x, status_h});
    if (ImGui::Begin("##status", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus))
        draw_status_bar(app);
    ImGui::End();
    draw_dialogs(app);
    draw_export_dialog(app);
    draw_import_dialog(app);
    draw_version_dialogs(app);
}

}  // namespace formwork::ui
