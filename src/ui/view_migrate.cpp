// Template versions in the form, and next year's filing: the banner over an old filing ("filed
// with version 1; the current version is 2", what the update would change, a button to review
// it), the update dialog listing every value's change, and File > Next year's filing. The
// logic is in version_update.h and next_year_draft.h; this file only draws.
#include <imgui.h>

#include "ui/next_year_draft.h"
#include "ui/version_update.h"
#include "ui/views.h"

namespace formwork::ui {

namespace {

const ImVec4 kAttention(0.85f, 0.45f, 0.0f, 1);
const ImVec4 kFailure(0.8f, 0.15f, 0.1f, 1);

struct Dialogs {
    bool open_update = false;
    bool open_next_year = false;
    NextYearPlan next_year;
    // The update's preview, made again when the open filing, its content or the installed
    // template changes (a migration runs Lua: not once per frame).
    const EditSession* session = nullptr;
    std::uint64_t session_version = ~std::uint64_t{0};
    const FormSpec* current = nullptr;
    script::MigrationResult preview;
};

Dialogs& dialogs() {
    static Dialogs d;
    return d;
}

const script::MigrationResult& cached_preview(App& app) {
    Dialogs& d = dialogs();
    const FormSpec* current = app.templates.find(app.session->filing().template_id).get();
    if (d.session != app.session.get() || d.session_version != app.session->version() || d.current != current) {
        d.session = app.session.get();
        d.session_version = app.session->version();
        d.current = current;
        d.preview = preview_update(app);
    }
    return d.preview;
}

void draw_update_dialog(App& app) {
    Dialogs& d = dialogs();
    const std::string id = std::string(app.tr(Str::UpdateTitle)) + "###update_version";
    if (d.open_update) {
        ImGui::OpenPopup(id.c_str());
        d.open_update = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 46, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr)) return;
    if (!app.session) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const script::MigrationResult& r = cached_preview(app);
    ImGui::PushTextWrapPos(0.0f);
    if (!r.ok()) {
        ImGui::TextColored(kFailure, "%s%s", app.tr(Str::UpdateFailed), r.error.c_str());
    } else {
        ImGui::TextUnformatted(fill(app.tr(Str::UpdateIntro), {std::to_string(r.from), std::to_string(r.to)}).c_str());
        if (!r.from_known) ImGui::TextColored(kAttention, "%s", fill(app.tr(Str::UpdateOldKeptNote), {std::to_string(r.from)}).c_str());
        if (app.session->dirty()) ImGui::TextDisabled("%s", app.tr(Str::UpdateUnsavedNote));
    }
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    if (r.ok()) {
        ImGui::TextUnformatted(change_counts(app, r.changes).c_str());
        ImGui::BeginChild("##changes", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 14), true);
        for (const auto& c : r.changes.changes) {
            ImGui::PushTextWrapPos(0.0f);
            const std::string line = describe_change(c, app.lang, 120);
            if (c.kind == ChangeKind::Noted) ImGui::TextColored(kAttention, "%s", line.c_str());
            else ImGui::TextUnformatted(line.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndChild();
    }
    ImGui::BeginDisabled(!r.needed() || app.db.read_only());
    if (ImGui::Button(app.tr(Str::UpdateRun))) {
        const script::MigrationResult chosen = r;  // apply reopens the filing, which drops the cache
        if (apply_update(app, chosen)) ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(app.tr(Str::Cancel))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

std::string year_or_mark(const std::optional<int>& y) { return y ? std::to_string(*y) : std::string("?"); }

void draw_next_year_dialog(App& app) {
    Dialogs& d = dialogs();
    const std::string id = std::string(app.tr(Str::NextYearTitle)) + "###next_year";
    if (d.open_next_year) {
        ImGui::OpenPopup(id.c_str());
        d.open_next_year = false;
    }
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const NextYearPlan& p = d.next_year;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
    if (!p.current.ok()) {
        ImGui::TextColored(kFailure, "%s", p.current.error.c_str());
    } else if (p.copy.refusal == NextYearCopy::Refusal::NoYearField) {
        ImGui::TextColored(kFailure, "%s", app.tr(Str::NextYearNoYearField));
    } else if (p.copy.refusal == NextYearCopy::Refusal::NoYear) {
        ImGui::TextColored(kFailure, "%s", app.tr(Str::NextYearNoYear));
    } else {
        const std::string year = std::to_string(p.copy.year);
        ImGui::TextUnformatted(fill(app.tr(Str::NextYearIntro), {year}).c_str());
        if (p.current.needed())
            ImGui::TextDisabled("%s", fill(app.tr(Str::NextYearMigrated), {std::to_string(p.current.from), std::to_string(p.current.to)}).c_str());
        ImGui::BulletText("%s", p.copy.cleared.empty() ? app.tr(Str::NextYearAmountsKept)
                                                       : fill(app.tr(Str::NextYearAmountsCleared), {std::to_string(p.copy.cleared.size())}).c_str());
        if (p.copy.period_start || p.copy.period_end) {
            const std::string line = fill(app.tr(p.copy.covers ? Str::NextYearPeriodIn : Str::NextYearPeriodOut),
                                          {year_or_mark(p.copy.period_start), year_or_mark(p.copy.period_end), year});
            if (p.copy.covers) ImGui::BulletText("%s", line.c_str());
            else {
                ImGui::Bullet();
                ImGui::TextColored(kAttention, "%s", line.c_str());
            }
        } else {
            ImGui::BulletText("%s", app.tr(Str::NextYearNoPeriod));
        }
        if (p.duplicate) {
            ImGui::Bullet();
            ImGui::TextColored(kAttention, "%s", fill(app.tr(Str::NextYearDuplicate), {year, std::to_string(p.duplicate)}).c_str());
        }
        if (p.copy.notes_left) ImGui::BulletText("%s", fill(app.tr(Str::NextYearNotes), {std::to_string(p.copy.notes_left)}).c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    if (p.ready() && ImGui::Button(app.tr(p.doubtful() ? Str::NextYearCreateAnyway : Str::NextYearCreate))) {
        open_next_year(app, p);
        ImGui::CloseCurrentPopup();
    }
    if (p.ready()) ImGui::SameLine();
    if (ImGui::Button(app.tr(Str::Cancel))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace

void draw_version_banner(App& app) {
    if (!app.session) return;
    const VersionState s = version_state(app);
    if (!s.offered() && s.described) return;
    ImGui::PushTextWrapPos(0.0f);
    if (s.offered()) ImGui::TextColored(kAttention, "%s", fill(app.tr(Str::VersionOld), {std::to_string(s.filed), std::to_string(s.current)}).c_str());
    if (!s.described && s.current)
        ImGui::TextColored(kAttention, "%s", fill(app.tr(Str::VersionNotKept), {std::to_string(s.filed), std::to_string(s.current)}).c_str());
    if (s.offered()) {
        const script::MigrationResult& r = cached_preview(app);
        if (!r.ok()) {
            ImGui::TextColored(kFailure, "%s%s", app.tr(Str::UpdateFailed), r.error.c_str());
        } else {
            ImGui::TextDisabled("%s", change_counts(app, r.changes).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton(fill(app.tr(Str::VersionReview), {std::to_string(s.current)}).c_str())) open_update_dialog(app);
        }
    }
    ImGui::PopTextWrapPos();
}

void open_update_dialog(App& app) {
    if (app.session) dialogs().open_update = true;
}

void open_next_year_dialog(App& app) {
    if (!app.session) return;
    dialogs().next_year = plan_next_year(app);
    dialogs().open_next_year = true;
}

void draw_version_dialogs(App& app) {
    draw_update_dialog(app);
    draw_next_year_dialog(app);
}

}  // namespace formwork::ui
