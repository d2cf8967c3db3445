// File > Report…: the reviewer's report (审核意见) of the open filing or of many (an overview
// with charts first), filtered by template and year, as PDF or xlsx, with the report's option
// for filings with errors; written in the background (report_job.h) by the same builder as
// `formwork report`, to a path typed or picked with the file chooser.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "io/export.h"
#include "ui/display_names.h"
#include "ui/file_chooser.h"
#include "ui/open_file.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace formwork::ui {

namespace {

struct ReportDialog {
    bool open_requested = false;
    bool all = true;
    std::string template_id;  // empty: every template
    std::string year;         // empty: every year
    ReportFormat format = ReportFormat::Pdf;
    io::ErrorVerdict on_error = io::ErrorVerdict::Return;
    std::string path;
    FileChooser chooser;
    std::string replace_agreed;
    bool ask_replace = false;
    bool announced = true;  // the finished job's outcome is in the status line
};

ReportDialog& dialog() {
    static ReportDialog d;
    return d;
}

// The export dialog's names for the same two formats.
io::ExportFormat as_export(ReportFormat f) { return f == ReportFormat::Pdf ? io::ExportFormat::Pdf : io::ExportFormat::Xlsx; }
std::string extension(ReportFormat f) { return std::string(".") + io::to_string(as_export(f)); }

ChooserRequest report_request(const App& app, const ReportDialog& d) {
    ChooserRequest r;
    r.save = true;
    r.title = app.tr(Str::ChooseReportTitle);
    r.start = d.path;
    r.filter_name = io::to_string(as_export(d.format));
    r.extensions = {extension(d.format)};
    r.all_filter_name = app.tr(Str::FilterAll);
    return r;
}

std::int64_t open_saved_id(const App& app) { return app.session ? app.session->filing().id : 0; }

void start(App& app, ReportDialog& d) {
    review::ReportRequest request;
    request.db_path = app.db.path();
    request.overview = d.all;
    if (d.all) {
        if (!d.template_id.empty()) request.template_id = d.template_id;
        if (!d.year.empty()) request.year = std::atoi(d.year.c_str());
    } else {
        request.filing = open_saved_id(app);
    }
    request.on_error = d.on_error;
    request.jobs = std::max(1u, std::thread::hardware_concurrency());
    d.replace_agreed = d.path;
    d.announced = false;
    app.report_job.start(std::move(request), d.format, d.path, app.lang);
}

void draw_choices(App& app, ReportDialog& d) {
    const bool have_open = open_saved_id(app) != 0;
    if (!have_open) d.all = true;
    ImGui::BeginDisabled(!have_open);
    if (ImGui::RadioButton(app.tr(Str::ReportOpen), !d.all)) d.all = false;
    ImGui::EndDisabled();
    if (!have_open && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", app.tr(Str::ReportNoFiling));
    if (ImGui::RadioButton(app.tr(Str::ReportAll), d.all)) d.all = true;
    if (d.all) {
        ImGui::Indent();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
        template_combo(app, app.tr(Str::ReportTemplate), template_labels(app.templates, app.lang), d.template_id);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
        year_combo(app, app.tr(Str::ReportYear), d.year);
        ImGui::Unindent();
    }
    ImGui::Separator();
    ImGui::TextUnformatted(app.tr(Str::ExportFormat));
    for (const ReportFormat f : {ReportFormat::Pdf, ReportFormat::Xlsx}) {
        ImGui::SameLine();
        if (ImGui::RadioButton(io::to_string(as_export(f)), d.format == f)) {
            d.format = f;
            d.path = std::filesystem::path(d.path).replace_extension(extension(f)).string();
        }
    }
    ImGui::TextUnformatted(app.tr(Str::ReportErrorVerdict));
    for (const auto& [v, key] : {std::pair{io::ErrorVerdict::Return, Str::VerdictReturn}, {io::ErrorVerdict::Amend, Str::VerdictAmend}}) {
        ImGui::SameLine();
        if (ImGui::RadioButton(app.tr(key), d.on_error == v)) d.on_error = v;
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 32);
    ImGui::InputText(app.tr(Str::ExportPath), &d.path);
    ImGui::SameLine();
    ImGui::BeginDisabled(d.chooser.waiting());
    if (ImGui::Button(app.tr(Str::Browse))) d.chooser.open(report_request(app, d));
    ImGui::EndDisabled();
    if (auto picked = d.chooser.draw(app.lang); picked && !picked->empty()) {
        d.path = picked->front();
        d.replace_agreed = d.path;  // the chooser asked before naming an existing file
        const auto ext = std::filesystem::path(d.path).extension();
        for (const ReportFormat f : {ReportFormat::Pdf, ReportFormat::Xlsx})
            if (ext == extension(f)) d.format = f;
    }
    if (d.chooser.waiting()) ImGui::TextDisabled("%s", app.tr(Str::WaitingForChooser));
    if (app.session && app.session->dirty()) ImGui::TextDisabled("%s", app.tr(Str::ReportUnsavedNote));
}

// The finished job: where the report went, what was left out, or why there is none.
void draw_outcome(App& app) {
    const ReportOutcome o = app.report_job.outcome();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
    if (o.ok) {
        ImGui::TextUnformatted(fill(app.tr(Str::ReportDone), {std::to_string(o.filings), o.path}).c_str());
        if (!o.left_out.empty()) {
            ImGui::TextColored(severity_color("warning"), "%s", app.tr(Str::ReportIncomplete));
            for (const auto& l : o.left_out) ImGui::BulletText("%s", l.c_str());
        }
        if (ImGui::Button(app.tr(Str::ReportOpenFile)) && !open_with_desktop(o.path)) app.status_message = app.tr(Str::CannotOpenFile);
        ImGui::SameLine();
    } else {
        ImGui::TextColored(severity_color("error"), "%s%s%s", app.tr(Str::ReportFailed), app.tr(Str::Colon), o.error.c_str());
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

void open_report_dialog(App& app) {
    ReportDialog& d = dialog();
    d.open_requested = true;
    if (!app.report_job.running()) app.report_job.reset();
    d.all = open_saved_id(app) == 0;
    if (d.path.empty()) {
        const char* home = std::getenv("HOME");
        d.path = (std::filesystem::path(home ? home : ".") / (std::string(app.tr(Str::ReportTitle)) + extension(d.format))).string();
    }
}

void draw_report_dialog(App& app) {
    ReportDialog& d = dialog();
    // The outcome also goes to the status line, for a dialog closed while the report was written.
    if (app.report_job.finished() && !d.announced) {
        d.announced = true;
        const ReportOutcome o = app.report_job.outcome();
        app.status_message = o.ok ? fill(app.tr(Str::ReportDone), {std::to_string(o.filings), o.path})
                                  : std::string(app.tr(Str::ReportFailed)) + app.tr(Str::Colon) + o.error;
    }
    const std::string id = std::string(app.tr(Str::ReportTitle)) + "###report";
    if (d.open_requested) {
        ImGui::OpenPopup(id.c_str());
        d.open_requested = false;
    }
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const bool running = app.report_job.running();
    ImGui::BeginDisabled(running);
    draw_choices(app, d);
    ImGui::EndDisabled();
    ImGui::Separator();
    if (running) {
        // How long a check of every filing takes is not known in advance: a moving bar.
        const float t = static_cast<float>(std::fmod(ImGui::GetTime() * 0.6, 1.0));
        ImGui::ProgressBar(t, ImVec2(ImGui::GetFontSize() * 20, 0), app.tr(Str::ReportRunning));
    } else if (app.report_job.finished()) {
        draw_outcome(app);
    }
    ImGui::BeginDisabled(running || d.chooser.waiting() || d.path.empty());
    if (ImGui::Button(app.tr(Str::ReportRun))) {
        std::error_code ec;
        if (std::filesystem::exists(d.path, ec) && d.path != d.replace_agreed) d.ask_replace = true;
        else start(app, d);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(app.tr(Str::Close))) ImGui::CloseCurrentPopup();
    if (d.ask_replace) {
        ImGui::OpenPopup("###report-replace");
        d.ask_replace = false;
    }
    const std::string replace_id = std::string(app.tr(Str::ReplaceFile)) + "###report-replace";
    if (ImGui::BeginPopupModal(replace_id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(app.tr(Str::ReplaceFileText));
        ImGui::TextDisabled("%s", d.path.c_str());
        if (ImGui::Button(app.tr(Str::Replace))) {
            start(app, d);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(app.tr(Str::Cancel))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::EndPopup();
}

}  // namespace formwork::ui
