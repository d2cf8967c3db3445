// The desktop's file dialog (src/ui/desktop_chooser.h): the command lines asked of zenity
// and kdialog, which tool is picked, and the child run without blocking — tried with a
// stand-in "zenity" script on PATH, since the real one needs a desktop.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "ui/desktop_chooser.h"

using namespace formwork::ui;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for one test and puts the old value back.
struct Env {
    std::string name, old;
    bool had = false;
    Env(const char* n, const std::string& value) : name(n) {
        if (const char* v = std::getenv(n)) old = v, had = true;
        setenv(n, value.c_str(), 1);
    }
    ~Env() {
        if (had) setenv(name.c_str(), old.c_str(), 1);
        else unsetenv(name.c_str());
    }
};

struct FakeTool {
    fs::path dir;
    explicit FakeTool(const std::string& body) {
        char tmpl[] = "/tmp/formwork-chooser-XXXXXX";
        dir = mkdtemp(tmpl);
        std::ofstream(dir / "zenity") << "#!/bin/sh\n" << body << "\n";
        chmod((dir / "zenity").c_str(), 0755);
    }
    ~FakeTool() { fs::remove_all(dir); }
    std::vector<std::string> command() const { return {(dir / "zenity").string(), "--file-selection"}; }
};

DesktopChooser::Result wait_for(DesktopChooser& c) {
    for (int i = 0; i < 500 && c.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE_FALSE(c.running());
    auto r = c.take();
    REQUIRE(r);
    CHECK_FALSE(c.take());  // once
    return *r;
}

ChooserRequest request(bool save) {
    ChooserRequest r;
    r.save = save;
    r.multiple = !save;
    r.title = "选择要导入的文件";
    r.start = save ? "/home/u/信息化.xlsx" : "/home/u/docs";
    r.filter_name = "支持的文件";
    r.extensions = save ? std::vector<std::string>{".xlsx"} : std::vector<std::string>{".json", ".xlsx"};
    r.all_filter_name = "全部文件";
    return r;
}

}  // namespace

TEST_CASE("ui-chooser-1.1 the command lines asked of zenity and kdialog") {
    using V = std::vector<std::string>;
    CHECK(chooser_command(ChooserTool::Zenity, request(false)) ==
          V{"zenity", "--file-selection", "--title=选择要导入的文件", "--multiple", "--separator=\n", "--filename=/home/u/docs/",
            "--file-filter=支持的文件 | *.json *.xlsx", "--file-filter=全部文件 | *"});
    CHECK(chooser_command(ChooserTool::Zenity, request(true)) ==
          V{"zenity", "--file-selection", "--title=选择要导入的文件", "--save", "--confirm-overwrite", "--filename=/home/u/信息化.xlsx",
            "--file-filter=支持的文件 | *.xlsx", "--file-filter=全部文件 | *"});
    CHECK(chooser_command(ChooserTool::Kdialog, request(false)) ==
          V{"kdialog", "--title", "选择要导入的文件", "--getopenfilename", "/home/u/docs", "*.json *.xlsx|支持的文件\n*|全部文件", "--multiple",
            "--separate-output"});
    CHECK(chooser_command(ChooserTool::Kdialog, request(true))[3] == "--getsavefilename");
    CHECK(chooser_command(ChooserTool::None, request(true)).empty());
}

TEST_CASE("ui-chooser-1.2 which tool: forced by FORMWORK_FILE_CHOOSER, else found on PATH with a display") {
    {
        Env forced("FORMWORK_FILE_CHOOSER", "builtin");
        CHECK(desktop_chooser_tool() == ChooserTool::None);
    }
    {
        Env forced("FORMWORK_FILE_CHOOSER", "kdialog");
        CHECK(desktop_chooser_tool() == ChooserTool::Kdialog);
    }
    FakeTool fake("exit 0");
    Env auto_pick("FORMWORK_FILE_CHOOSER", "");
    Env path("PATH", fake.dir.string());
    Env desktop("XDG_CURRENT_DESKTOP", "GNOME");
    {
        Env display("DISPLAY", ":0");
        CHECK(desktop_chooser_tool() == ChooserTool::Zenity);
    }
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    CHECK(desktop_chooser_tool() == ChooserTool::None);  // no desktop to show it on
}

TEST_CASE("ui-chooser-1.3 the dialog runs beside the shell: chosen, cancelled, failed, missing") {
    {
        // The answer comes later; meanwhile the caller is not blocked and sees it running.
        FakeTool fake("sleep 0.3; printf '/tmp/a.xlsx\\n/tmp/报告.docx\\n'");
        DesktopChooser c;
        REQUIRE(c.start(fake.command()));
        CHECK(c.running());
        CHECK(desktop_chooser_running());
        CHECK_FALSE(c.take());
        CHECK_FALSE(desktop_chooser_answered());  // the shell sleeps meanwhile
        for (int i = 0; i < 500 && c.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        CHECK(desktop_chooser_answered());  // … and draws until the answer is taken
        const auto r = wait_for(c);
        CHECK_FALSE(desktop_chooser_answered());
        CHECK(r.status == DesktopChooser::Status::Chosen);
        CHECK(r.paths == std::vector<std::string>{"/tmp/a.xlsx", "/tmp/报告.docx"});
        CHECK_FALSE(desktop_chooser_running());
    }
    {
        FakeTool fake("exit 1");  // the user pressed Cancel
        DesktopChooser c;
        REQUIRE(c.start(fake.command()));
        CHECK(wait_for(c).status == DesktopChooser::Status::Cancelled);
    }
    {
        FakeTool fake("echo 'cannot open display' >&2; exit 255");
        DesktopChooser c;
        REQUIRE(c.start(fake.command()));
        CHECK(wait_for(c).status == DesktopChooser::Status::Failed);  // the caller falls back to its own
    }
    DesktopChooser missing;
    CHECK_FALSE(missing.start({"/nonexistent/zenity", "--file-selection"}));
    CHECK_FALSE(missing.running());
}

TEST_CASE("ui-chooser-1.4 a dialog still open when the shell closes is ended, not waited for") {
    FakeTool fake("sleep 30");
    const auto start = std::chrono::steady_clock::now();
    {
        DesktopChooser c;
        REQUIRE(c.start(fake.command()));
        CHECK(desktop_chooser_running());
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    CHECK_FALSE(desktop_chooser_running());
}
