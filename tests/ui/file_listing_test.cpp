// The in-app file chooser's listing (src/ui/file_listing.h): folders first, then files, by
// name regardless of case; filtered by extension regardless of case; hidden entries only on
// request; up, home, and where an export goes.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "ui/file_listing.h"

using namespace formwork::ui;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path dir;
    TempDir() {
        char tmpl[] = "/tmp/formwork-listing-XXXXXX";
        dir = mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(dir); }
    void file(const std::string& name, const std::string& content = "x") { std::ofstream(dir / name) << content; }
};

std::vector<std::string> names(const FolderListing& l) {
    std::vector<std::string> out;
    for (const auto& e : l.entries) out.push_back(e.folder ? e.name + "/" : e.name);
    return out;
}

}  // namespace

TEST_CASE("ui-files-1.1 a folder lists its folders first, then files, by name ignoring case") {
    TempDir t;
    for (const char* f : {"b.xlsx", "A.json", "c.TXT", "notes.md", "报告.docx", "page.html", "export.pdf"}) t.file(f);
    fs::create_directory(t.dir / "zeta");
    fs::create_directory(t.dir / "Alpha");
    using V = std::vector<std::string>;
    const auto all = list_folder(t.dir, {}, false);
    CHECK(all.readable);
    CHECK(names(all) == V{"Alpha/", "zeta/", "A.json", "b.xlsx", "c.TXT", "export.pdf", "notes.md", "page.html", "报告.docx"});
    // Filtered: folders stay (the way to files); extensions match whatever their case.
    const auto imported = list_folder(t.dir, {".json", ".xlsx", ".docx", ".html", ".txt"}, false);
    CHECK(names(imported) == V{"Alpha/", "zeta/", "A.json", "b.xlsx", "c.TXT", "page.html", "报告.docx"});
    CHECK(names(list_folder(t.dir, {".pdf"}, false)) == V{"Alpha/", "zeta/", "export.pdf"});
    // Sizes of files are read.
    t.file("big.json", std::string(3000, 'x'));
    for (const auto& e : list_folder(t.dir, {".json"}, false).entries)
        if (e.name == "big.json") CHECK(e.size == 3000);
}

TEST_CASE("ui-files-1.2 hidden entries only on request, and an unreadable folder says so") {
    TempDir t;
    t.file(".hidden.json");
    t.file("shown.json");
    fs::create_directory(t.dir / ".config");
    using V = std::vector<std::string>;
    CHECK(names(list_folder(t.dir, {".json"}, false)) == V{"shown.json"});
    CHECK(names(list_folder(t.dir, {".json"}, true)) == V{".config/", ".hidden.json", "shown.json"});
    const auto missing = list_folder(t.dir / "no-such-folder", {}, false);
    CHECK_FALSE(missing.readable);
    CHECK(missing.entries.empty());
    // A dangling link is left out rather than listed as something it cannot be.
    fs::create_symlink(t.dir / "gone.json", t.dir / "link.json");
    CHECK(names(list_folder(t.dir, {".json"}, false)) == V{"shown.json"});
}

TEST_CASE("ui-files-1.3 up, home and tidy paths") {
    CHECK(parent_folder("/tmp/a/b") == fs::path("/tmp/a"));
    CHECK(parent_folder("/tmp/a/b/") == fs::path("/tmp/a"));
    CHECK(parent_folder("/") == fs::path("/"));
    CHECK(tidy("/tmp/a/../b/./c") == fs::path("/tmp/b/c"));
    CHECK(tidy("relative").is_absolute());
    const char* home = std::getenv("HOME");
    if (home && *home) CHECK(home_folder() == fs::path(home));
}

TEST_CASE("ui-files-1.4 an export's file: the name in the folder, with the format's extension") {
    CHECK(save_target("/tmp/out", "信息化管理专项经费", ".xlsx") == fs::path("/tmp/out/信息化管理专项经费.xlsx"));
    CHECK(save_target("/tmp/out", "a.xlsx", ".xlsx") == fs::path("/tmp/out/a.xlsx"));
    CHECK(save_target("/tmp/out", "a.XLSX", ".xlsx") == fs::path("/tmp/out/a.XLSX"));
    CHECK(save_target("/tmp/out", "a.json", ".xlsx") == fs::path("/tmp/out/a.json.xlsx"));
    CHECK(save_target("/tmp/out", "/srv/b.pdf", ".pdf") == fs::path("/srv/b.pdf"));  // typed as a full path
    CHECK(save_target("/tmp/out", "sub/../c", "") == fs::path("/tmp/out/c"));
}

TEST_CASE("ui-files-1.5 sizes read as people write them") {
    CHECK(size_text(512) == "512 B");
    CHECK(size_text(12800) == "12.5 KB");
    CHECK(size_text(3u * 1024 * 1024) == "3.0 MB");
    CHECK(modified_text(fs::file_time_type::clock::now()).size() == 16);  // "2024-05-01 16:30"
}
