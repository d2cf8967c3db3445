// The file chooser: the desktop's dialog or the in-app browser (see file_chooser.h).
#include "ui/file_chooser.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/strings.h"
#include "ui/widgets.h"

namespace fs = std::filesystem;

namespace formwork::ui {

void FileChooser::open(const ChooserRequest& request) {
    request_ = request;
    result_.reset();
    const ChooserTool tool = desktop_chooser_tool();
    if (tool != ChooserTool::None && desktop_.start(chooser_command(tool, request))) return;
    open_browser();
}

void FileChooser::open_browser() {
    std::error_code ec;
    fs::path start = request_.start.empty() ? home_folder() : fs::path(request_.start);
    name_.clear();
    if (request_.save || (!fs::is_directory(start, ec) && fs::exists(start, ec))) {
        // A suggested file (export) or a file's path: its folder, and its name in the box.
        if (request_.save) name_ = start.filename().string();
        start = start.parent_path();
    }
    if (!fs::is_directory(start, ec)) start = home_folder();
    filter_ = 0;
    error_.clear();
    replace_target_.clear();
    go_to(start);
    want_popup_ = true;
}

void FileChooser::go_to(const fs::path& folder) {
    folder_ = tidy(folder);
    typed_folder_ = folder_.string();
    selected_.clear();
    anchor_ = 0;
    listed_ = false;
}

std::vector<std::string> FileChooser::shown_extensions() const {
    const auto& all = request_.extensions;
    if (filter_ <= 0) return all;
    if (static_cast<size_t>(filter_) <= all.size()) return {all[static_cast<size_t>(filter_) - 1]};
    return {};
}

void FileChooser::reload() {
    listing_ = list_folder(folder_, shown_extensions(), show_hidden_);
    listed_ = true;
}

std::vector<std::string> FileChooser::selected_paths() const {
    std::vector<std::string> out;
    for (const auto& e : listing_.entries)  // in the order shown
        if (selected_.count(e.name)) out.push_back((folder_ / e.name).string());
    return out;
}

void FileChooser::finish(std::vector<std::string> paths) {
    result_ = std::move(paths);
    close_popup_ = true;
}

void FileChooser::click(size_t index, bool double_click) {
    const FileEntry& e = listing_.entries[index];
    if (double_click) {
        if (e.folder) go_to(folder_ / e.name);
        else if (request_.save) choose_save_name();
        else finish({(folder_ / e.name).string()});
        return;
    }
    if (request_.save) {
        if (!e.folder) name_ = e.name;
        selected_ = {e.name};
        return;
    }
    const ImGuiIO& io = ImGui::GetIO();
    if (request_.multiple && io.KeyShift && anchor_ < listing_.entries.size()) {
        selected_.clear();
        for (size_t i = std::min(anchor_, index); i <= std::max(anchor_, index); ++i) selected_.insert(listing_.entries[i].name);
        return;
    }
    if (request_.multiple && io.KeyCtrl) {
        if (!selected_.erase(e.name)) selected_.insert(e.name);
    } else {
        selected_ = {e.name};
    }
    anchor_ = index;
}

// The folder box: a folder opens; a file's path chooses it (import) or names it (export).
void FileChooser::choose_typed(Lang lang) {
    std::error_code ec;
    const fs::path typed = tidy(typed_folder_);
    error_.clear();
    if (fs::is_directory(typed, ec)) {
        go_to(typed);
    } else if (fs::exists(typed, ec) || (request_.save && fs::is_directory(typed.parent_path(), ec))) {
        if (request_.save) {
            go_to(typed.parent_path());
            name_ = typed.filename().string();
            choose_save_name();
        } else {
            finish({typed.string()});
        }
    } else {
        error_ = tr(Str::NoSuchPath, lang);
    }
}

void FileChooser::choose_save_name() {
    if (name_.empty()) return;
    const std::string ext = request_.extensions.size() == 1 ? request_.extensions[0] : std::string();
    const fs::path target = save_target(folder_, name_, ext);
    std::error_code ec;
    if (fs::is_directory(target, ec)) {
        go_to(target);
        name_.clear();
    } else if (fs::exists(target, ec)) {
        replace_target_ = target.string();
        want_replace_popup_ = true;
    } else {
        finish({target.string()});
    }
}

std::optional<std::vector<std::string>> FileChooser::draw(Lang lang) {
    if (auto answer = desktop_.take()) {
        if (answer->status == DesktopChooser::Status::Chosen) result_ = std::move(answer->paths);
        else if (answer->status == DesktopChooser::Status::Failed) open_browser();  // e.g. no display: ours instead
    }
    if (want_popup_) {
        ImGui::OpenPopup("###file-chooser");
        want_popup_ = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(display.x * 0.6f, display.y * 0.65f), ImGuiCond_Appearing);
    const std::string id = request_.title + "###file-chooser";
    if (ImGui::BeginPopupModal(id.c_str())) {
        draw_browser(lang);
        if (close_popup_) {
            close_popup_ = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    auto out = std::move(result_);
    result_.reset();
    return out;
}

void FileChooser::draw_browser(Lang lang) {
    if (!listed_) reload();
    const ImGuiStyle& style = ImGui::GetStyle();
    // The way: up, home, and the folder's path (typed: a folder opens, a file is chosen).
    if (ImGui::Button(tr(Str::FolderUp, lang))) go_to(parent_folder(folder_));
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::FolderHome, lang))) go_to(home_folder());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputText("##folder", &typed_folder_, ImGuiInputTextFlags_EnterReturnsTrue)) choose_typed(lang);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::Folder, lang));

    // What is shown: the requested kinds together, each alone, or every file.
    const auto& exts = request_.extensions;
    std::string joined;
    for (const auto& e : exts) joined += (joined.empty() ? "" : " ") + e;
    const std::string supported = request_.filter_name + " (" + joined + ")";
    auto filter_label = [&](int i) {
        if (i == 0 && !exts.empty()) return supported;
        if (i > 0 && static_cast<size_t>(i) <= exts.size()) return exts[static_cast<size_t>(i) - 1];
        return std::string(tr(Str::FilterAll, lang));
    };
    std::vector<int> filters;  // 0: all requested kinds; 1…n: each; n+1: every file
    if (!exts.empty())
        for (int i = 0; i <= static_cast<int>(exts.size()); ++i) filters.push_back(i);
    filters.push_back(static_cast<int>(exts.size()) + 1);
    if (std::find(filters.begin(), filters.end(), filter_) == filters.end()) filter_ = filters.front();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    if (ImGui::BeginCombo("##filter", filter_label(filter_).c_str())) {
        for (int i : filters)
            if (ImGui::Selectable(filter_label(i).c_str(), i == filter_)) {
                filter_ = i;
                listed_ = false;
            }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Checkbox(tr(Str::ShowHidden, lang), &show_hidden_)) listed_ = false;
    if (!listing_.readable) ImGui::TextColored(severity_color("error"), "%s", tr(Str::CannotReadFolder, lang));
    if (!error_.empty()) ImGui::TextColored(severity_color("error"), "%s", error_.c_str());

    // The folder's entries; the footer keeps one line of buttons below them.
    const float footer = ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("entries", 3, flags, ImVec2(0, -footer))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(Str::ColName, lang), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(tr(Str::ColSize, lang), ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(size_text((1ull << 30) - 1).c_str()).x);
        ImGui::TableSetupColumn(tr(Str::ColModified, lang), ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000-00-00 00:00").x);
        ImGui::TableHeadersRow();
        std::optional<std::pair<size_t, bool>> clicked;
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(listing_.entries.size()));
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const size_t i = static_cast<size_t>(row);
                const FileEntry& e = listing_.entries[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(row);
                const std::string label = e.folder ? e.name + "/" : e.name;
                if (ImGui::Selectable(label.c_str(), selected_.count(e.name) > 0,
                                      ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick))
                    clicked = {i, ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)};
                ImGui::PopID();
                ImGui::TableNextColumn();
                if (e.folder) ImGui::TextDisabled("%s", tr(Str::FolderEntry, lang));
                else ImGui::TextUnformatted(size_text(e.size).c_str());
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%s", modified_text(e.modified).c_str());
            }
        ImGui::EndTable();
        // After the table: a click may list another folder.
        if (clicked) click(clicked->first, clicked->second);
    }

    // Footer: what is chosen, and the buttons.
    bool choose = false;
    if (request_.save) {
        ImGui::TextUnformatted(tr(Str::FileName, lang));
        ImGui::SameLine();
        const float buttons = ImGui::CalcTextSize(tr(Str::Choose, lang)).x + ImGui::CalcTextSize(tr(Str::Cancel, lang)).x +
                              style.FramePadding.x * 4 + style.ItemSpacing.x * 2;
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - buttons);
        if (ImGui::InputText("##name", &name_, ImGuiInputTextFlags_EnterReturnsTrue)) choose = true;
        ImGui::SameLine();
        ImGui::BeginDisabled(name_.empty());
        choose = ImGui::Button(tr(Str::Choose, lang)) || choose;
        ImGui::EndDisabled();
        if (choose) choose_save_name();
    } else {
        ImGui::BeginDisabled(selected_.empty());
        if (ImGui::Button(tr(Str::Choose, lang))) finish(selected_paths());
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr_with(Str::SelectedCount, lang, std::to_string(selected_.size())).c_str());
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(Str::Cancel, lang))) close_popup_ = true;

    // Export: a file of that name exists — replace it?
    if (want_replace_popup_) {
        ImGui::OpenPopup("###replace");
        want_replace_popup_ = false;
    }
    const std::string replace_id = std::string(tr(Str::ReplaceFile, lang)) + "###replace";
    if (ImGui::BeginPopupModal(replace_id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(tr(Str::ReplaceFileText, lang));
        ImGui::TextDisabled("%s", replace_target_.c_str());
        if (ImGui::Button(tr(Str::Replace, lang))) {
            finish({replace_target_});
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::Cancel, lang))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

}  // namespace formwork::ui
