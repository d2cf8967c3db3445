// Revision history of the open filing: when (to the second), what changed (how many cells and
// the first places, every place on hover); restore brings an old revision back as an
// undoable edit (saved as a new revision on the next save).
#include <imgui.h>

#include <map>

#include "ui/revision_text.h"
#include "ui/views.h"

namespace formwork::ui {

namespace {

struct History {
    std::vector<store::RevisionInfo> revisions;
    std::map<std::int64_t, std::vector<std::string>> paths;  // by revision
    std::int64_t filing = 0;
    std::uint64_t data_version = ~std::uint64_t{0};
};

}  // namespace

void draw_history(App& app) {
    if (!app.session || app.session->filing().id == 0) {
        ImGui::TextDisabled("%s", app.tr(Str::NoRevisions));
        return;
    }
    // Read once per stored change, not once per frame.
    static History h;
    if (h.filing != app.session->filing().id || h.data_version != app.data_version) {
        h.filing = app.session->filing().id;
        h.data_version = app.data_version;
        try {
            h.revisions = app.store.revisions(h.filing);
            h.paths = app.store.changed_paths(h.filing);
        } catch (const std::exception& e) {
            h.revisions.clear();
            h.paths.clear();
            app.status_message = e.what();
        }
    }
    // Two columns, so that a narrow panel still reads: "#4  2024-05-01 16:30:07" over what
    // changed (wrapped), and the restore button.
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("revisions", 2, flags)) return;
    const std::string header = std::string(app.tr(Str::RevisionAt)) + " / " + app.tr(Str::Changes);
    ImGui::TableSetupColumn(header.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("##restore", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(app.tr(Str::Restore)).x + ImGui::GetFontSize());
    ImGui::TableHeadersRow();
    static const std::vector<std::string> kNone;
    const FormSpec* spec = app.session->spec();
    const Filing& filing = app.session->filing();
    for (size_t i = 0; i < h.revisions.size(); ++i) {
        const auto& r = h.revisions[i];
        const auto found = h.paths.find(r.id);
        const bool first = i + 1 == h.revisions.size();  // newest first: the last is the first saved
        const RevisionChanges changes = describe_revision(r, found == h.paths.end() ? kNone : found->second, first, spec, filing, app.lang);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::BeginGroup();
        ImGui::TextDisabled("#%lld", static_cast<long long>(r.id));
        ImGui::SameLine();
        ImGui::TextUnformatted(local_time_text(r.at).c_str());
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(changes.brief.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
            if (!r.summary.empty()) ImGui::TextDisabled("%s", summary_text(r.summary, app.lang).c_str());
            // A restore can change hundreds of cells: the first few dozen say enough.
            constexpr size_t kListed = 24;
            for (size_t k = 0; k < changes.places.size() && k < kListed; ++k) ImGui::BulletText("%s", changes.places[k].c_str());
            if (changes.places.size() > kListed) ImGui::TextDisabled("… (%zu)", changes.places.size());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(r.id));
        if (ImGui::SmallButton(app.tr(Str::Restore))) app.restore_revision(r.id);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace formwork::ui
