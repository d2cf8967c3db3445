// Revision history of the open filing: when, what, how many cells; restore brings an old
// revision back as an undoable edit (saved as a new revision on the next save).
#include <imgui.h>

#include "ui/views.h"

namespace formwork::ui {

void draw_history(App& app) {
    if (!app.session || app.session->filing().id == 0) {
        ImGui::TextDisabled("%s", app.tr(Str::NoRevisions));
        return;
    }
    // Read once per stored change, not once per frame.
    static std::vector<store::RevisionInfo> revisions;
    static std::int64_t cached_id = 0;
    static std::uint64_t cached_version = ~std::uint64_t{0};
    if (cached_id != app.session->filing().id || cached_version != app.data_version) {
        cached_id = app.session->filing().id;
        cached_version = app.data_version;
        try {
            revisions = app.store.revisions(cached_id);
        } catch (const std::exception& e) {
            revisions.clear();
            app.status_message = e.what();
        }
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("revisions", 4, flags)) return;
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 2.5f);
    ImGui::TableSetupColumn(app.tr(Str::RevisionAt), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(app.tr(Str::Changes), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("##restore", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
    ImGui::TableHeadersRow();
    for (const auto& r : revisions) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(r.id));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.at.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s (%lld)", r.summary.c_str(), static_cast<long long>(r.change_count));
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(r.id));
        if (ImGui::SmallButton(app.tr(Str::Restore))) app.restore_revision(r.id);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace formwork::ui
