// File > Export…: the open filing (as shown, unsaved edits included) or every stored filing,
// as xlsx, PDF, JSON or CSV, through the same src/io API as `formwork export`.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <filesystem>

#include "core/filing_facts.h"
#include "io/export.h"
#include "ui/views.h"

namespace formwork::ui {

namespace {

struct ExportDialog {
    bool open_requested = false;
    bool all = false;
    io::ExportFormat format = io::ExportFormat::Xlsx;
    std::string path;
};

ExportDialog& dialog() {
    static ExportDialog d;
    return d;
}

// A file name from a filing's title: characters that file systems refuse become '_'.
std::string file_stem(std::string title) {
    for (char& c : title)
        if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') c = '_';
    return title.empty() ? "filings" : title;
}

std::filesystem::path with_extension(std::filesystem::path path, io::ExportFormat format) {
    return path.replace_extension(std::string(".") + io::to_string(format));
}

}  // namespace

void open_export_dialog(App& app) {
    ExportDialog& d = dialog();
    d.open_requested = true;
    d.all = !app.session;
    const char* home = std::getenv("HOME");
    const std::filesystem::path folder = home ? home : ".";
    std::string title = "filings";
    if (app.session && app.session->spec() && !d.all) title = filing_title(app.session->filing(), *app.session->spec());
    d.path = with_extension(folder / file_stem(title), d.format).string();
}

bool export_from_shell(App& app, bool all, io::ExportFormat format, const std::string& path) {
    try {
        std::vector<Filing> stored;
        std::vector<io::ExportItem> items;
        if (all) {
            app.store.for_each([&](const Filing& f) { stored.push_back(f); });
            for (const auto& f : stored) items.push_back({&f, app.templates.find(f.template_id, f.template_version)});
        } else if (app.session) {
            items.push_back({&app.session->filing(), app.session->spec_ptr()});
        }
        io::export_filings(items, format, path);
        app.status_message = std::string(app.tr(Str::ExportDone)) + " " + path;
        return true;
    } catch (const io::ExportError& e) {
        app.status_message = std::string(app.tr(Str::ExportFailed)) + app.tr(Str::Colon) + io::describe(e, app.lang);
    } catch (const std::exception& e) {
        app.status_message = std::string(app.tr(Str::ExportFailed)) + app.tr(Str::Colon) + e.what();
    }
    return false;
}

void draw_export_dialog(App& app) {
    ExportDialog& d = dialog();
    // "###export" keeps the popup's identity when the language changes.
    const std::string id = std::string(app.tr(Str::ExportTitle)) + "###export";
    if (d.open_requested) {
        ImGui::OpenPopup(id.c_str());
        d.open_requested = false;
    }
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!app.session) d.all = true;
    ImGui::BeginDisabled(!app.session);
    if (ImGui::RadioButton(app.tr(Str::ExportOpen), !d.all)) d.all = false;
    ImGui::EndDisabled();
    if (ImGui::RadioButton(app.tr(Str::ExportAll), d.all)) d.all = true;
    ImGui::Separator();
    ImGui::TextUnformatted(app.tr(Str::ExportFormat));
    for (io::ExportFormat f : io::export_formats()) {
        ImGui::SameLine();
        if (ImGui::RadioButton(io::to_string(f), d.format == f)) {
            d.format = f;
            d.path = with_extension(d.path, f).string();
        }
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 32);
    ImGui::InputText(app.tr(Str::ExportPath), &d.path);
    if (!d.all && app.session && app.session->dirty()) ImGui::TextDisabled("%s", app.tr(Str::ExportUnsavedNote));
    if (ImGui::Button(app.tr(Str::ExportRun)) && !d.path.empty()) {
        if (export_from_shell(app, d.all, d.format, d.path)) ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(app.tr(Str::Cancel))) ImGui::CloseCurrentPopup();
    if (!app.status_message.empty() && app.status_message.rfind(app.tr(Str::ExportFailed), 0) == 0)
        ImGui::TextWrapped("%s", app.status_message.c_str());
    ImGui::EndPopup();
}

}  // namespace formwork::ui
