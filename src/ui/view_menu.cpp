// The menu bar and the keyboard shortcuts (Ctrl+S, Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z).
#include <imgui.h>

#include "ui/views.h"

namespace formwork::ui {

namespace {

struct PendingDialogs {
    bool confirm_delete = false;
};

PendingDialogs& pending() {
    static PendingDialogs p;
    return p;
}

void shortcuts(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl) return;
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
    if (pressed('S')) app.save();
    if (pressed('Z') && !io.KeyShift) app.undo();
    if (pressed('Y') || (pressed('Z') && io.KeyShift)) app.redo();
}

}  // namespace

void draw_menu_bar(App& app) {
    shortcuts(app);
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(app.tr(Str::MenuFile))) {
        if (ImGui::BeginMenu(app.tr(Str::MenuNew))) {
            for (const auto& e : app.templates.entries())
                if (e.ok() && ImGui::MenuItem(e.spec->title.c_str(), e.spec->id.c_str())) app.new_filing(e.spec->id);
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem(app.tr(Str::MenuDuplicate), nullptr, false, app.session != nullptr)) app.duplicate_open();
        if (ImGui::MenuItem(app.tr(Str::MenuSave), "Ctrl+S", false, app.session && app.session->dirty())) app.save();
        ImGui::Separator();
        if (ImGui::MenuItem(app.tr(Str::MenuDelete), nullptr, false, app.session != nullptr)) pending().confirm_delete = true;
        ImGui::Separator();
        if (ImGui::MenuItem(app.tr(Str::MenuQuit))) app.want_quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(app.tr(Str::MenuEdit))) {
        if (ImGui::MenuItem(app.tr(Str::MenuUndo), "Ctrl+Z", false, app.session && app.session->can_undo())) app.undo();
        if (ImGui::MenuItem(app.tr(Str::MenuRedo), "Ctrl+Y", false, app.session && app.session->can_redo())) app.redo();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(app.tr(Str::MenuView))) {
        ImGui::MenuItem(app.tr(Str::MenuFilings), nullptr, &app.show_filings);
        ImGui::MenuItem(app.tr(Str::MenuProblems), nullptr, &app.show_problems);
        ImGui::MenuItem(app.tr(Str::MenuScripts), nullptr, &app.show_scripts);
        ImGui::MenuItem(app.tr(Str::MenuHistory), nullptr, &app.show_history);
        ImGui::Separator();
        if (ImGui::MenuItem(app.tr(Str::MenuLanguage))) app.lang = app.lang == Lang::Zh ? Lang::En : Lang::Zh;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void draw_dialogs(App& app) {
    if (pending().confirm_delete) {
        ImGui::OpenPopup(app.tr(Str::DeleteFiling));
        pending().confirm_delete = false;
    }
    if (ImGui::BeginPopupModal(app.tr(Str::DeleteFiling), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(app.tr(Str::DeleteFilingText));
        if (ImGui::Button(app.tr(Str::Delete))) {
            app.delete_open();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(app.tr(Str::Cancel))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    // Quitting with unsaved changes asks first.
    if (app.want_quit && app.session && app.session->dirty()) {
        ImGui::OpenPopup(app.tr(Str::SaveChanges));
        app.want_quit = false;
    }
    if (ImGui::BeginPopupModal(app.tr(Str::SaveChanges), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(app.tr(Str::SaveChangesText));
        if (ImGui::Button(app.tr(Str::Save))) {
            if (app.save()) app.quit_confirmed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(app.tr(Str::DontSave))) {
            app.quit_confirmed = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(app.tr(Str::Cancel))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (app.want_quit) app.quit_confirmed = true;  // nothing unsaved
}

}  // namespace formwork::ui
