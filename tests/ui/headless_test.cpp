// The shell's views drawn with no window: every shipped template's form, new and filled in,
// for a few frames with no ImGui assertion; and the font atlas covers every character shown.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <algorithm>
#include <filesystem>

#include "ui/fonts.h"
#include "ui/shell.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/import_job.h"
#include "store/database.h"
#include "ui_test_support.h"

using namespace formwork;
using namespace formwork::ui;
namespace fs = std::filesystem;

namespace {

struct TempDb {
    std::string path;
    TempDb() {
        char tmpl[] = "/tmp/formwork-ui-XXXXXX";
        dir = mkdtemp(tmpl);
        path = dir + "/t.db";
    }
    ~TempDb() { fs::remove_all(dir); }
    std::string dir;
};

}  // namespace

TEST_CASE("ui-1.1 every template's form draws, new and filled in, in both languages") {
    TempDb db;
    ShellOptions options;
    options.db_path = db.path;
    App app(options);
    int drawn = 0;
    for (const auto& e : app.templates.entries()) {
        if (!e.ok()) continue;
        INFO(e.spec->id);
        app.new_filing(e.spec->id);
        REQUIRE(app.session);
        draw_headless_frames(app, 2);
        fill_sample(*app.session);
        app.show_scripts = app.show_history = true;
        draw_headless_frames(app, 2);
        app.lang = Lang::En;
        draw_headless_frames(app, 2);
        app.lang = Lang::Zh;
        REQUIRE(app.save());
        CHECK_FALSE(app.session->dirty());
        app.open_filing(app.session->filing().id);
        draw_headless_frames(app, 2);
        ++drawn;
    }
    CHECK(drawn == 12);
    CHECK(app.filings.size() == 12);
    open_import_dialog(app);
    draw_headless_frames(app, 3);
}

TEST_CASE("ui-1.2 the font atlas has a glyph for every character of the UI and the templates") {
    TempDb db;
    ShellOptions options;
    options.db_path = db.path;
    App app(options);
    app.new_filing("nantong-project");
    ImGuiContext* ctx = ImGui::CreateContext();
    FontAtlasBuilder fonts;
    note_visible_text(app, fonts);
    fonts.note_text("≥≤＜＞…—“”（）：，。、");
    REQUIRE(fonts.build());  // a CJK font is installed (fonts-noto-cjk)
    ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    auto check_text = [&](const std::string& s) {
        for (size_t i = 0; i < s.size();) {
            const unsigned char c = s[i];
            unsigned cp = c;
            int len = 1;
            if ((c >> 5) == 6) cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F), len = 2;
            else if ((c >> 4) == 14) cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F), len = 3;
            else if ((c >> 3) == 30) len = 4;
            i += len;
            if (cp >= 0x20 && cp <= 0xFFFF && cp != 0x3000) {
                INFO("U+" << std::hex << cp << " in " << s);
                CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
            }
        }
    };
    for (const char* s : all_strings()) check_text(s);
    for (const auto& e : app.templates.entries())
        if (e.spec) {
            check_text(e.spec->title);
            check_text(e.spec->region);  // the New menu and the list's filter show it
            for (const auto& b : e.spec->blocks) {
                check_text(b.label);
                for (const auto& f : b.fields) check_text(f.label);
                for (const auto& l1 : b.indicators.tree) check_text(l1.name);
            }
        }
    check_text("≥≤＜…");
    // A character seen later asks for a rebuild and is there after it.
    CHECK(fonts.note_text("龘"));
    CHECK(fonts.needs_rebuild());
    fonts.build();
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(0x9F98)) != nullptr);
    ImGui::DestroyContext(ctx);
}

TEST_CASE("ui-1.3 unsaved edits survive a crash as a draft and are offered back") {
    TempDb db;
    ShellOptions options;
    options.db_path = db.path;
    {
        App app(options);
        app.new_filing("jiangsu-project");
        app.session->set_field("project_name", "政风热线");
        app.autosave(true);
        // The process dies here: no save, no quit.
    }
    App app(options);
    REQUIRE(app.recovered_drafts.size() == 1);
    CHECK(app.recovered_drafts[0].title == "政风热线");
    app.restore_draft(app.recovered_drafts[0].id);
    REQUIRE(app.session);
    CHECK(app.session->filing().field("project_name") == "政风热线");
    CHECK(app.session->dirty());
    REQUIRE(app.save());
    App again(options);
    CHECK(again.recovered_drafts.empty());  // saving removed the draft
    CHECK(again.filings.size() == 1);
}

TEST_CASE("ui-1.4 leaving a filing with unsaved edits asks first") {
    TempDb db;
    ShellOptions options;
    options.db_path = db.path;
    App app(options);
    app.new_filing("nantong-project");
    bool ran = false;
    app.run_guarded([&] { ran = true; });
    CHECK_FALSE(ran);
    CHECK(app.ask_save);
    REQUIRE(app.pending_action);
    app.save();
    app.run_guarded([&] { ran = true; });
    CHECK(ran);
}

TEST_CASE("ui-1.5 a department check sees the department's other filings in the shell") {
    TempDb db;
    { store::Database created = store::Database::open(db.path, store::OpenMode::CreateOrOpen); }
    ImportJob job;
    job.start(db.path, import_paths(FORMWORK_SEEDS_DIR), Lang::Zh);
    job.wait();
    ShellOptions options;
    options.db_path = db.path;
    App app(options);
    app.counts.wait();
    REQUIRE(app.counts.ready());
    std::int64_t department_id = 0;
    for (const auto& s : app.filings)
        if (s.template_id == "yuanjiang-department") department_id = s.id;
    REQUIRE(department_id != 0);
    app.open_filing(department_id);
    CHECK(app.department.size() == 7);  // its seven project tables
    app.recheck_if_changed();
    const bool found = std::any_of(app.problems.begin(), app.problems.end(),
                                   [](const Problem& p) { return p.check == "department-projects-sum" && !p.could_not_judge; });
    CHECK(found);
    const auto c = app.counts.count_of(department_id);
    REQUIRE(c);
    CHECK(c->errors >= 2);
}
