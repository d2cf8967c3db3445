// The file chooser of File > Import… and File > Export…: the desktop's own dialog where there
// is one (desktop_chooser.h), else an in-app browser — folders and files, up, home, a folder
// path that can be typed (a file's path chooses it), a filter by extension, hidden files on
// request; several files (and folders) for an import; a file name and a question before
// replacing a file for an export. The listing itself is file_listing.h.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/lang.h"
#include "ui/desktop_chooser.h"
#include "ui/file_listing.h"

namespace formwork::ui {

class FileChooser {
public:
    // Opens the desktop's dialog for `request`, or the in-app browser when there is none or
    // it fails. The request's texts (title, filter names) are in the UI language.
    void open(const ChooserRequest& request);

    // Call every frame from inside the dialog (popup) that called open(): draws the in-app
    // browser as a modal over it while open, and returns the chosen paths once — for a save,
    // one path, whose replacement the user agreed to if it exists.
    std::optional<std::vector<std::string>> draw(Lang lang);

    // The desktop's dialog is open: the caller says so and waits.
    bool waiting() const { return desktop_.running(); }

private:
    void open_browser();
    void go_to(const std::filesystem::path& folder);
    void reload();
    std::vector<std::string> shown_extensions() const;
    void click(size_t index, bool double_click);
    void choose_typed(Lang lang);
    void choose_save_name();
    std::vector<std::string> selected_paths() const;
    void draw_browser(Lang lang);
    void finish(std::vector<std::string> paths);

    ChooserRequest request_;
    DesktopChooser desktop_;
    bool want_popup_ = false;
    bool close_popup_ = false;
    std::filesystem::path folder_;
    std::string typed_folder_;
    std::string name_;  // save: the file name box
    int filter_ = 0;    // 0: every requested extension; 1…n: one of them; n+1: every file
    bool show_hidden_ = false;
    FolderListing listing_;
    bool listed_ = false;
    std::set<std::string> selected_;  // entry names
    size_t anchor_ = 0;               // where a Shift+click range starts
    std::string error_;
    std::string replace_target_;  // save: the existing file the user is asked about
    bool want_replace_popup_ = false;
    std::optional<std::vector<std::string>> result_;
};

}  // namespace formwork::ui
