// Bad input: an empty file, a binary file, text that is not UTF-8, a layout no template
// describes, a file cut off halfway. Each gives a clear message (and line where there is one)
// and no filings at all, so that nothing of it is ever saved.
#include <catch2/catch.hpp>

#include <sstream>

#include "import_support.h"

using namespace formwork;

namespace {

// The first `lines` lines of a seed.
std::string seed_head(const std::string& name, int lines) {
    std::istringstream in(seed_text(name));
    std::string out, line;
    for (int n = 0; n < lines && std::getline(in, line); ++n) out += line + "\n";
    return out;
}

void check_failed(const io::FileImport& r, const std::string& zh_part, int line) {
    CHECK(r.failed);
    CHECK(r.filings.empty());
    CHECK(r.line == line);
    INFO(r.error.zh << " / " << r.error.en);
    CHECK(r.error.zh.find(zh_part) != std::string::npos);
    CHECK_FALSE(r.error.en.empty());
}

}  // namespace

TEST_CASE("import-3.1 an empty or blank file fails with a message") {
    check_failed(shipped_importer().import_text("empty.txt", ""), "空", 0);
    check_failed(shipped_importer().import_text("blank.txt", " \n\t\n\xE3\x80\x80\n"), "空", 0);
}

TEST_CASE("import-3.2 a binary file or one that is not UTF-8 fails with a message") {
    check_failed(shipped_importer().import_text("x.xlsx", std::string("PK\x03\x04\0\0binary", 12)), "不是文本", 0);
    // GBK bytes for 项目名称 on line 2.
    check_failed(shipped_importer().import_text("gbk.txt", "ok\n\xCF\xEE\xC4\xBF\xC3\xFB\xB3\xC6\n"), "UTF-8", 2);
}

TEST_CASE("import-3.3 a layout no template describes fails, naming the line where it starts") {
    check_failed(shipped_importer().import_text("notes.txt", "购物清单\n苹果\t3\n梨\t5\n"), "无法识别", 1);
    // A known form's title over an unknown body is no better.
    check_failed(shipped_importer().import_text("odd.txt", "\n## 南通市本级项目预算绩效目标表\n\n苹果\t3\n"), "无法识别", 2);
}

TEST_CASE("import-3.4 a form cut off by the end of the file is refused, not half-read, the complete ones are taken") {
    // Seed 000 up to line 180: the fourth form's income block is there, its indicators are not.
    const std::string cut = seed_head(kNantong, 172 + 8);
    const auto r = shipped_importer().import_text("cut.txt", cut);
    CHECK_FALSE(r.failed);
    CHECK(r.filings.size() == 3);
    REQUIRE(r.refused.size() == 1);
    CHECK(r.refused[0].line == 180);
    CHECK(r.refused[0].why.zh.find("中断") != std::string::npos);
    // The first table alone, cut inside its income block.
    check_failed(shipped_importer().import_text("cut2.txt", seed_head(kNantong, 20)), "绩效指标", 20);
}

TEST_CASE("import-3.5 a file cut off in the middle of a table row is refused") {
    // Seed 004, one cell per line, up to line 119: the first indicator row of the first
    // project table has 3 of its 6 cells.
    // The department-wide form before it is complete, and taken.
    const auto r = shipped_importer().import_text("cut.txt", seed_head(kHebei, 119));
    CHECK_FALSE(r.failed);
    CHECK(r.filings.size() == 1);
    REQUIRE(r.refused.size() == 1);
    CHECK(r.refused[0].line == 119);
    CHECK(r.refused[0].why.zh.find("最后一行不完整") != std::string::npos);
}

TEST_CASE("import-3.6 --template forces every form of a file to be read as that template") {
    const auto& importer = shipped_importer();
    const auto r = importer.import_text(kSuzhou, seed_text(kSuzhou), "suzhou-project");
    REQUIRE_FALSE(r.failed);
    CHECK(r.filings.size() == 3);
    const auto none = importer.import_text(kSuzhou, seed_text(kSuzhou), "no-such-template");
    CHECK(none.failed);
    CHECK(none.error.zh.find("no-such-template") != std::string::npos);
}
