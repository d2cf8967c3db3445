// The PDF export read back with poppler's pdftotext and pdfinfo: every printed value of every
// family's seed filings is selectable text, pages are A4 and numbered.
#include <catch2/catch.hpp>

#include "export_support.h"
#include "io/export_layout.h"

using namespace formwork;
using namespace formwork::io;
using namespace export_test;

namespace {

int page_count(const std::string& pdf) {
    const std::string info = run("pdfinfo '" + pdf + "'");
    const auto at = info.find("Pages:");
    REQUIRE(at != std::string::npos);
    return std::stoi(info.substr(at + 6));
}

void check_text(const std::string& pdf_text, const Layout& layout) {
    const std::string all = squeeze(pdf_text);
    for (const auto& row : layout.rows)
        for (const auto& c : row.cells) {
            if (c.text.empty()) continue;
            INFO(c.path << " «" << c.text << "»");
            CHECK(all.find(squeeze(c.text)) != std::string::npos);
        }
}

}  // namespace

TEST_CASE("export-4.1 one filing of each family to PDF: every value and label reads back as text") {
    for (const auto& item : one_per_template()) {
        INFO(item.spec->id);
        const std::string path = scratch_dir() + "/" + item.spec->id + ".pdf";
        export_filings({item}, ExportFormat::Pdf, path);
        int status = 0;
        const std::string text = run("pdftotext -raw -enc UTF-8 '" + path + "' -", &status);
        REQUIRE(status == 0);
        check_text(text, build_layout(*item.filing, *item.spec));
        const int pages = page_count(path);
        CHECK(pages >= 1);
        for (int p = 1; p <= pages; ++p)
            CHECK(text.find("第 " + std::to_string(p) + " 页 / 共 " + std::to_string(pages) + " 页") != std::string::npos);
    }
}

TEST_CASE("export-4.2 pages are A4 and the text is in the embedded Noto Sans CJK SC") {
    const std::string path = scratch_dir() + "/a4.pdf";
    export_filings({one_per_template()[0]}, ExportFormat::Pdf, path);
    const std::string info = run("pdfinfo '" + path + "'");
    CHECK(info.find("595.28 x 841.89 pts (A4)") != std::string::npos);
    const std::string fonts = run("pdffonts '" + path + "'");
    CHECK(fonts.find("NotoSansCJK") != std::string::npos);
    CHECK(fonts.find(" no ") == std::string::npos);  // every font embedded ("emb" column yes)
}

TEST_CASE("export-4.3 every seed filing in one PDF: each starts on a new page, numbered on its own") {
    const auto items = all_seeds();
    const std::string path = scratch_dir() + "/all.pdf";
    export_filings(items, ExportFormat::Pdf, path);
    const std::string text = run("pdftotext -raw -enc UTF-8 '" + path + "' -");
    const int pages = page_count(path);
    CHECK(pages >= static_cast<int>(items.size()));
    // "第 1 页" once per filing: each filing's pages are counted from 1.
    std::size_t firsts = 0;
    for (std::size_t at = 0; (at = text.find("第 1 页 / 共", at)) != std::string::npos; ++at) ++firsts;
    CHECK(firsts == items.size());
    for (const auto& item : items) check_text(text, build_layout(*item.filing, *item.spec));
}

TEST_CASE("export-4.4 a paragraph longer than a page is split between lines and read back whole") {
    const auto spec = shipped_template("hebei-department");
    Filing f;
    f.template_id = spec->id;
    f.template_version = spec->version;
    f.fields["department_name"] = "414001市场监管部门市场监督管理局本级";
    std::string long_text;
    for (int i = 1; i <= 200; ++i) long_text += "（" + std::to_string(i) + "）加强内部监督制度建设，对绩效运行情况、重大支出决策进行督导。";
    f.fields["overall_goal"] = long_text;
    const std::string path = scratch_dir() + "/long.pdf";
    export_filings({{&f, spec}}, ExportFormat::Pdf, path);
    CHECK(page_count(path) >= 3);
    // Page by page: every numbered sentence appears once, and the order is kept.
    const std::string text = squeeze(run("pdftotext -raw -enc UTF-8 '" + path + "' -"));
    std::size_t at = 0;
    for (int i = 1; i <= 200; ++i) {
        const std::string sentence = "（" + std::to_string(i) + "）加强内部监督";
        const auto found = text.find(sentence, at);
        INFO(i);
        REQUIRE(found != std::string::npos);
        CHECK(text.find(sentence, found + 1) == std::string::npos);
        at = found;
    }
}
