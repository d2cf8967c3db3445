// The status bar: database, saved/unsaved, last check time, and the latest message.
#include <imgui.h>

#include <ctime>

#include "ui/views.h"

namespace formwork::ui {

void draw_status_bar(App& app) {
    ImGui::TextDisabled("%s: %s", app.tr(Str::Database), app.db.path().c_str());
    if (app.db.read_only()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.05f, 1), "(%s)", app.tr(Str::ReadOnlyDb));
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    if (const std::size_t broken = app.script_error_count()) {
        // A broken template or check is not silent: a click opens the scripts panel.
        const std::string note = std::to_string(broken) + " " + app.tr(Str::ScriptErrorsNote);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.15f, 0.1f, 1));
        if (ImGui::SmallButton(note.c_str())) app.show_scripts = true;
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
    }
    if (app.session) {
        if (app.session->dirty()) ImGui::TextColored(ImVec4(0.85f, 0.55f, 0.05f, 1), "%s", app.tr(Str::Unsaved));
        else ImGui::TextDisabled("%s", app.tr(Str::Saved));
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
    }
    if (app.last_check) {
        const std::time_t t = std::chrono::system_clock::to_time_t(*app.last_check);
        char when[16];
        std::strftime(when, sizeof when, "%H:%M:%S", std::localtime(&t));
        ImGui::TextDisabled("%s %s (%.1f %s)", app.tr(Str::LastCheck), when, app.last_check_ms, app.tr(Str::Ms));
    } else {
        ImGui::TextDisabled("%s %s", app.tr(Str::LastCheck), app.tr(Str::Never));
    }
    if (!app.status_message.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("|");
        ImGui::SameLine();
        ImGui::TextUnformatted(app.status_message.c_str());
    }
}

}  // namespace formwork::ui
