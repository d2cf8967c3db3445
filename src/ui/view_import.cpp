// File > Import…: paths (one per line, or a folder), typed or picked with the file chooser
// (file_chooser.h), imported in the background with a progress bar; the outcome of each file
// is listed, and the filing list refreshes.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>
#include <utility>

#include "ui/file_chooser.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace formwork::ui {

namespace {

struct ImportDialog {
    bool open_requested = false;
    std::string typed;
    bool refreshed = false;
    bool keep_job = false;  // the job was started with the dialog (files given at start)
    FileChooser chooser;
    std::string last_folder;  // where the chooser opens next time
};

// The kinds of file the importer reads (it picks the reader by content; see import_paths).
ChooserRequest import_request(const App& app, const std::string& start) {
    ChooserRequest r;
    r.multiple = true;
    r.title = app.tr(Str::ChooseImportTitle);
    r.start = start.empty() ? home_folder().string() : start;
    r.filter_name = app.tr(Str::FilterSupported);
    r.extensions = {".json", ".xlsx", ".docx", ".html", ".htm", ".txt"};
    r.all_filter_name = app.tr(Str::FilterAll);
    return r;
}

ImportDialog& dialog() {
    static ImportDialog d;
    return d;
}

}  // namespace

void open_import_dialog(App&) {
    dialog().open_requested = true;
}

void import_at_start(App& app, const std::vector<std::string>& files) {
    ImportDialog& d = dialog();
    d.typed.clear();
    for (const auto& f : files) d.typed += f + "\n";
    d.open_requested = d.keep_job = true;
    d.refreshed = false;
    if (!app.refuse_if_read_only()) app.import_job.start(app.db.path(), files, app.lang);
}

void draw_import_dialog(App& app) {
    ImportDialog& d = dialog();
    ImportJob& job = app.import_job;
    if (d.open_requested) {
        ImGui::OpenPopup(app.tr(Str::ImportFiles));
        d.open_requested = false;
        // A job started with the dialog may end before its first frame: keep its outcome.
        const bool keep = std::exchange(d.keep_job, false);
        if (!job.running() && !keep) {
            job.reset();
            d.refreshed = false;
        }
    }
    // When a job ends, the list and the problem counts take in the new filings once.
    if (job.finished() && !d.refreshed) {
        d.refreshed = true;
        app.refresh_list();
        app.counts.start(app.db.path());
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetIO().DisplaySize.x * 0.55f, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(app.tr(Str::ImportFiles), nullptr)) return;
    ImGui::TextUnformatted(app.tr(Str::ImportPath));
    // Picked files join what is typed, one per line.
    ImGui::BeginDisabled(job.running() || d.chooser.waiting());
    if (ImGui::Button(app.tr(Str::Browse))) d.chooser.open(import_request(app, d.last_folder));
    ImGui::EndDisabled();
    if (d.chooser.waiting()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", app.tr(Str::WaitingForChooser));
    }
    if (auto picked = d.chooser.draw(app.lang)) {
        for (const auto& path : *picked) {
            if (!d.typed.empty() && d.typed.back() != '\n') d.typed += '\n';
            d.typed += path + '\n';
        }
        if (!picked->empty()) d.last_folder = std::filesystem::path(picked->front()).parent_path().string();
    }
    ImGui::InputTextMultiline("##paths", &d.typed, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 5),
                              job.running() ? ImGuiInputTextFlags_ReadOnly : 0);
    if (job.running() || job.finished()) {
        const float fraction = job.total() ? static_cast<float>(job.done()) / static_cast<float>(job.total()) : 1.0f;
        const std::string overlay = std::to_string(job.done()) + " / " + std::to_string(job.total());
        ImGui::ProgressBar(fraction, ImVec2(-FLT_MIN, 0), overlay.c_str());
        if (job.running()) ImGui::TextDisabled("%s", job.current().c_str());
        for (const auto& o : job.outcomes()) {
            if (o.ok)
                ImGui::Text("%s  %s%s%d%s", app.tr(Str::StatusOk), o.file.c_str(), app.tr(Str::Colon), o.filings, app.tr(Str::ImportFilingsUnit));
            else
                ImGui::TextColored(severity_color("error"), "%s  %s%s%s", app.tr(Str::ImportFailed), o.file.c_str(), app.tr(Str::Colon), o.error.c_str());
            if (o.unplaced > 0) {
                ImGui::SameLine();
                ImGui::TextColored(severity_color("warning"), "%s", tr_with(Str::UnplacedCells, app.lang, std::to_string(o.unplaced)).c_str());
            }
        }
    }
    ImGui::BeginDisabled(job.running() || d.chooser.waiting());
    if (ImGui::Button(app.tr(Str::ImportRun))) {
        auto files = import_paths(d.typed);
        if (!files.empty() && !app.refuse_if_read_only()) {
            d.refreshed = false;
            job.start(app.db.path(), std::move(files), app.lang);
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(app.tr(Str::Close))) ImGui::CloseCurrentPopup();
    ImGui::EndDisabled();
    ImGui::EndPopup();
}

}  // namespace formwork::ui
