// The in-app file chooser drawn headless inside a dialog, as File > Import… and File >
// Export… use it: it opens when no desktop dialog is wanted, lists the folder, draws in both
// modes and languages, and gives nothing until the user chooses.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "ui/file_chooser.h"
#include "ui/strings.h"

using namespace formwork;
using namespace formwork::ui;
namespace fs = std::filesystem;

namespace {

// Draws `frames` frames of a modal dialog that holds the chooser; returns what it chose.
std::optional<std::vector<std::string>> draw_in_dialog(FileChooser& chooser, Lang lang, int frames) {
    std::optional<std::vector<std::string>> chosen;
    for (int i = 0; i < frames; ++i) {
        ImGui::NewFrame();
        if (i == 0) ImGui::OpenPopup("dialog");
        if (ImGui::BeginPopupModal("dialog")) {
            if (auto r = chooser.draw(lang)) chosen = r;
            ImGui::EndPopup();
        }
        ImGui::Render();
    }
    return chosen;
}

}  // namespace

TEST_CASE("ui-chooser-2.1 the in-app chooser draws for an import and an export, in both languages") {
    setenv("FORMWORK_FILE_CHOOSER", "builtin", 1);
    char tmpl[] = "/tmp/formwork-chooser-view-XXXXXX";
    const fs::path dir = mkdtemp(tmpl);
    for (const char* f : {"a.json", "b.xlsx", "c.pdf", "报告.docx"}) std::ofstream(dir / f) << "x";
    fs::create_directory(dir / "sub");

    ImGuiContext* ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

    for (Lang lang : {Lang::Zh, Lang::En}) {
        FileChooser import;
        ChooserRequest r;
        r.multiple = true;
        r.title = tr(Str::ChooseImportTitle, lang);
        r.start = dir.string();
        r.filter_name = tr(Str::FilterSupported, lang);
        r.extensions = {".json", ".xlsx", ".docx"};
        r.all_filter_name = tr(Str::FilterAll, lang);
        import.open(r);
        CHECK_FALSE(import.waiting());  // builtin: no desktop dialog
        CHECK_FALSE(draw_in_dialog(import, lang, 4));  // nothing chosen by drawing alone

        FileChooser save;
        r.save = true;
        r.multiple = false;
        r.title = tr(Str::ChooseExportTitle, lang);
        r.start = (dir / "信息化管理专项经费.pdf").string();
        r.extensions = {".pdf"};
        save.open(r);
        CHECK_FALSE(draw_in_dialog(save, lang, 4));
    }
    ImGui::DestroyContext(ctx);
    fs::remove_all(dir);
    unsetenv("FORMWORK_FILE_CHOOSER");
}
