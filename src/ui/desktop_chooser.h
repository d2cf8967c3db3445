// The desktop's own file dialog, where there is one: `zenity --file-selection` (GNOME and
// most GTK desktops) or `kdialog` (KDE), run as a child process and waited for on a thread
// of its own, so the shell keeps drawing while the dialog is open. Nothing here draws.
//
// Which tool: FORMWORK_FILE_CHOOSER=builtin (never the desktop's), zenity or kdialog; by
// default zenity, else kdialog, when found on PATH and a display is set. When the tool is
// missing or fails (no display), the caller falls back to its in-app browser.
#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace formwork::ui {

enum class ChooserTool { None, Zenity, Kdialog };

struct ChooserRequest {
    bool save = false;      // a file to write (export) rather than files to read (import)
    bool multiple = false;  // several files (read only)
    std::string title;
    std::string start;  // the folder to start in; for save, the suggested file's full path
    std::string filter_name;              // e.g. "支持的文件"
    std::vector<std::string> extensions;  // ".xlsx" …; empty: every file
    std::string all_filter_name;          // e.g. "全部文件", the second filter (every file)
};

ChooserTool desktop_chooser_tool();

// The command line that asks `tool` for `request` (argv[0] is the tool's name).
std::vector<std::string> chooser_command(ChooserTool tool, const ChooserRequest& request);

// True while any desktop dialog this process started is open.
bool desktop_chooser_running();
// True from when a dialog closed until its answer is taken. The shell sleeps while a dialog
// is open (drawing then would cost a core for nothing) and is woken when it closes
// (glfwPostEmptyEvent); this keeps it drawing until the answer is shown (App::background_busy).
bool desktop_chooser_answered();

class DesktopChooser {
public:
    enum class Status { Chosen, Cancelled, Failed };
    struct Result {
        Status status = Status::Failed;
        std::vector<std::string> paths;  // Chosen: at least one
    };

    DesktopChooser() = default;
    ~DesktopChooser();  // a dialog still open is closed (the child is ended)
    DesktopChooser(const DesktopChooser&) = delete;
    DesktopChooser& operator=(const DesktopChooser&) = delete;

    // Starts `command` (chooser_command's form); false when it cannot be started at all.
    bool start(const std::vector<std::string>& command);
    bool running() const { return running_.load(); }
    // The answer, once, after the dialog closed.
    std::optional<Result> take();

private:
    std::thread waiter_;
    std::atomic<bool> running_{false};
    pid_t pid_ = 0;
    std::mutex mutex_;
    std::optional<Result> result_;
};

}  // namespace formwork::ui
