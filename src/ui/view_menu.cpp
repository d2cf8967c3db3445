// The menu bar and the keyboard shortcuts (Ctrl+S, Ctrl+Z, Ctrl+Y / Ctrl+Shift+Z).
#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: leave the box being edited before a save

#include "ui/display_names.h"
#include "ui/revision_text.h"
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
    // Ctrl+S while a box is being edited: the box is left first, so that it commits what was
    // typed during this frame, and the save comes on the next frame, with that value in it.
    static bool save_next_frame = false;
    if (save_next_frame) {
        save_next_frame = false;
        app.save();
    }
    if (!io.KeyCtrl) return;
    auto pressed = [](int key) { return ImGui::IsKeyPressed(key, false); };
    if (pressed('S')) {
        if (io.WantTextInput && ImGui::GetCurrentContext()->ActiveId != 0) {
            ImGui::ClearActiveID();
            save_next_frame = true;
            app.frame_requested = true;
        } else {
            app.save();
        }
    }
    if (io.WantTextInput) return;  // a text box being edited undoes its own typing
    if (pressed('Z') && !io.KeyShift) app.undo();
    if (pressed('Y') || (pressed('Z') && io.KeyShift)) app.redo();
}

}  // namespace

void draw_menu_bar(App& app) {
    shortcuts(app);
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(app.tr(Str::MenuFile))) {
        if (ImGui::BeginMenu(app.tr(Str::MenuNew))) {
            // Title and region in the UI language: several regions print the same title.
            for (const auto& [id, label] : template_labels(app.templates, app.lang))
                if (ImGui::MenuItem(label.c_str())) {
                    const std::string chosen = id;
                    app.run_guarded([&app, chosen] { app.new_filing(chosen); });
                }
            ImGui::EndMenu();
        }
        if (ImGui::MenuItem(app.tr(Str::MenuDuplicate), nullptr, false, app.session != nullptr)) app.run_guarded([&app] { app.duplicate_open(); });
        if (ImGui::MenuItem(app.tr(Str::MenuNextYear), nullptr, false, app.session != nullptr)) app.run_guarded([&app] { open_next_year_dialog(app); });
        if (ImGui::MenuItem(app.tr(Str::MenuSave), "Ctrl+S", false, app.session && app.session->dirty())) app.save();
        if (ImGui::MenuItem(app.tr(Str::MenuImport))) open_import_dialog(app);
        if (ImGui::MenuItem(app.tr(Str::MenuExport), nullptr, false, app.session || !app.filings.empty())) open_export_dialog(app);
        if (ImGui::MenuItem(app.tr(Str::MenuReport), nullptr, false, !app.filings.empty())) open_report_dialog(app);
        ImGui::Separator();
        // The workflow: a step offered when the status allows it (the server checks the role).
        const auto status = app.open_status();
        const bool clean = app.session && !app.session->dirty();
        if (ImGui::MenuItem(app.tr(Str::MenuSubmit), nullptr, false,
                            clean && status && store::status_step_allowed(*status, store::Status::Submitted)))
            app.change_status(store::Status::Submitted);
        if (ImGui::MenuItem(app.tr(Str::MenuApprove), nullptr, false, status == store::Status::Submitted))
            app.change_status(store::Status::Approved);
        if (ImGui::MenuItem(app.tr(Str::MenuReturn), nullptr, false, status == store::Status::Submitted))
            app.ask_return_reason = true;
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
    // Anything that would drop unsaved edits (quit, open, new) asks first.
    if (app.want_quit) {
        app.want_quit = false;
        app.run_guarded([&app] { app.quit_confirmed = true; });
    }
    if (app.ask_save) {
        ImGui::OpenPopup(app.tr(Str::SaveChanges));
        app.ask_save = false;
    }
    if (ImGui::BeginPopupModal(app.tr(Str::SaveChanges), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(app.tr(Str::SaveChangesText));
        auto finish = [&](bool run) {
            auto action = std::move(app.pending_action);
            app.pending_action = nullptr;
            ImGui::CloseCurrentPopup();
            if (run && action) action();
        };
        if (ImGui::Button(app.tr(Str::Save))) finish(app.save());
        ImGui::SameLine();
        if (ImGui::Button(app.tr(Str::DontSave))) {
            app.discard_edits();
            finish(true);
        }
        ImGui::SameLine();
        if (ImGui::Button(app.tr(Str::Cancel))) finish(false);
        ImGui::EndPopup();
    }
    // Edits a crash left unsaved, offered back once at start-up.
    if (!app.recovered_drafts.empty() && !ImGui::IsPopupOpen(app.tr(Str::DraftFound)) && !app.session)
        ImGui::OpenPopup(app.tr(Str::DraftFound));
    if (ImGui::BeginPopupModal(app.tr(Str::DraftFound), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(app.tr(Str::DraftFoundText));
        if (app.recovered_drafts.empty()) {
            ImGui::CloseCurrentPopup();
        } else {
            const store::DraftInfo d = app.recovered_drafts.front();
            const auto spec = app.templates.find(d.template_id);
            const std::string tpl = spec ? template_label(*spec, app.lang) : d.template_id;
            ImGui::BulletText("%s  (%s, %s)", d.title.empty() ? "—" : d.title.c_str(), tpl.c_str(), local_time_text(d.saved_at).c_str());
            if (ImGui::Button(app.tr(Str::RestoreDraft))) {
                app.restore_draft(d.id);
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button(app.tr(Str::DiscardDraft))) app.discard_draft(d.id);
        }
        ImGui::EndPopup();
    }
}

}  // namespace formwork::ui
