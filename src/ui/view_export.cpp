// File > Export…: the open filing (as shown, unsaved edits included) or every stored filing,
// as xlsx, PDF, JSON or CSV, through the same src/io API as `formwork export`, to a path typed
// or picked with the file chooser (file_chooser.h); an existing file is replaced only when the
// user says so.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdlib>
#include <filesystem>

#include "core/filing_facts.h"
#include "io/export.h"
#include "ui/file_chooser.h"
#include "ui/views.h"

namespace formwork::ui {

namespace {

struct ExportDialog {
    bool open_requested = false;
    bool all = false;
    io::ExportFormat format = io::ExportFormat::Xlsx;
    std::string path;
    FileChooser chooser;
    std::string replace_agreed;  // a path the user agreed to replace (in a chooser or here)
    bool ask_replace = false;
};

ChooserRequest export_request(const App& app, const ExportDialog& d) {
    ChooserRequest r;
    r.save = true;
    r.title = app.tr(Str::ChooseExportTitle);
    r.start = d.path;
    r.filter_name = io::to_string(d.format);
    r.extensions = {std::string(".") + io::to_string(d.format)};
    r.all_filter_name = app.tr(Str::FilterAll);
    return r;
}

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
    ImGui::SameLine();
    ImGui::BeginDisabled(d.chooser.waiting());
    if (ImGui::Button(app.tr(Str::Browse))) d.chooser.open(export_request(app, d));
    ImGui::EndDisabled();
    if (auto picked = d.chooser.draw(app.lang); picked && !picked->empty()) {
        d.path = picked->front();
        d.replace_agreed = d.path;  // the chooser asked before naming an existing file
        // A name picked with another ending sets the format, when it is one.
        for (io::ExportFormat f : io::export_formats())
            if (std::filesystem::path(d.path).extension() == std::string(".") + io::to_string(f)) d.format = f;
    }
    if (d.chooser.waiting()) ImGui::TextDisabled("%s", app.tr(Str::WaitingForChooser));
    if (!d.all && app.session && app.session->dirty()) ImGui::TextDisabled("%s", app.tr(Str::ExportUnsavedNote));
    ImGui::BeginDisabled(d.chooser.waiting());
    if (ImGui::Button(app.tr(Str::ExportRun)) && !d.path.empty()) {
        std::error_code ec;
        if (std::filesystem::exists(d.path, ec) && d.path != d.replace_agreed) d.ask_replace = true;
        else if (export_from_shell(app, d.all, d.format, d.path)) ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(app.tr(Str::Cancel))) ImGui::CloseCurrentPopup();
    ImGui::EndDisabled();
    // A typed path that names an existing file: replace it?
    if (d.ask_replace) {
        ImGui::OpenPopup("###export-replace");
        d.ask_replace = false;
    }
    const std::string replace_id = std::string(app.tr(Str::ReplaceFile)) + "###export-replace";
    bool exported = false;
    if (ImGui::BeginPopupModal(replace_id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(app.tr(Str::ReplaceFileText));
        ImGui::TextDisabled("%s", d.path.c_str());
        if (ImGui::Button(app.tr(Str::Replace))) {
            d.replace_agreed = d.path;
            exported = export_from_shell(app, d.all, d.format, d.path);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(app.tr(Str::Cancel))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (exported) ImGui::CloseCurrentPopup();
    if (!app.status_message.empty() && app.status_message.rfind(app.tr(Str::ExportFailed), 0) == 0)
        ImGui::TextWrapped("%s", app.status_message.c_str());
    ImGui::EndPopup();
}

}  // namespace formwork::ui
