// File > Export… in the shell: the dialog draws, and the export it runs writes the open
// filing as shown (unsaved edits included) or every stored filing, through src/io.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "ui/shell.h"
#include "ui/views.h"
#include "ui_test_support.h"

using namespace formwork;
using namespace formwork::ui;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    std::string dir;
    TempDir() {
        char tmpl[] = "/tmp/formwork-ui-export-XXXXXX";
        dir = mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(dir); }
};

}  // namespace

TEST_CASE("ui-export-1.1 the shell exports the open filing as shown, and all stored filings") {
    TempDir tmp;
    ShellOptions options;
    options.db_path = tmp.dir + "/t.db";
    App app(options);
    for (const char* id : {"nantong-project", "hebei-project"}) {
        app.new_filing(id);
        REQUIRE(app.session);
        fill_sample(*app.session);
        REQUIRE(app.save());
    }
    // An unsaved edit is in the export of the open filing.
    app.session->set_field("project_name", "未保存的名称");
    REQUIRE(app.session->dirty());
    const std::string one = tmp.dir + "/one.json";
    CHECK(export_from_shell(app, false, io::ExportFormat::Json, one));
    CHECK_THAT(app.status_message, Catch::Contains(one));
    std::ifstream in(one);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK_THAT(json, Catch::Contains("未保存的名称"));
    // All stored filings: one sheet each.
    const std::string all = tmp.dir + "/all.xlsx";
    CHECK(export_from_shell(app, true, io::ExportFormat::Xlsx, all));
    CHECK(fs::file_size(all) > 1000);
    CHECK(export_from_shell(app, true, io::ExportFormat::Pdf, tmp.dir + "/all.pdf"));
    // A failure is reported in the status bar and writes nothing.
    CHECK_FALSE(export_from_shell(app, true, io::ExportFormat::Csv, tmp.dir + "/missing/all.csv"));
    CHECK_THAT(app.status_message, Catch::Contains("导出失败"));
    CHECK_FALSE(fs::exists(tmp.dir + "/missing"));
}

TEST_CASE("ui-export-1.2 the export dialog draws in both languages, with and without an open filing") {
    TempDir tmp;
    ShellOptions options;
    options.db_path = tmp.dir + "/t.db";
    App app(options);
    open_export_dialog(app);
    draw_headless_frames(app, 3);
    app.new_filing("jiangsu-project");
    REQUIRE(app.session);
    open_export_dialog(app);
    draw_headless_frames(app, 3);
    app.lang = Lang::En;
    draw_headless_frames(app, 3);
}
