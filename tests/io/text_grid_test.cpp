// Tests of the plain-text export reader (src/io/text_grid.h) on the real seed files and on
// bad input.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "io/text_grid.h"

using namespace formwork::io;

namespace {

std::string read_seed(const std::string& name) {
    std::ifstream in(std::string(FORMWORK_SEEDS_DIR) + "/" + name, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const GridRow* find_row_starting(const TextGrid& g, const std::string& first_cell_text, int nth = 0) {
    for (const auto& r : g.rows) {
        for (const auto& c : r.cells) {
            if (c.text.empty()) continue;
            if (c.text == first_cell_text && nth-- == 0) return &r;
            break;
        }
    }
    return nullptr;
}

std::vector<std::string> texts(const GridRow& r) {
    std::vector<std::string> out;
    for (const auto& c : r.cells) out.push_back(c.text);
    return out;
}

}  // namespace

TEST_CASE("grid-1.1 row-per-line seeds keep every cell in place") {
    const TextGrid g = read_text_grid(read_seed("000_0fc43aa88057eaed.txt"));
    CHECK(g.layout == GridLayout::RowPerLine);
    const GridRow* r = find_row_starting(g, "项目名称");
    REQUIRE(r);
    CHECK(r->line == 7);
    CHECK(texts(*r) == std::vector<std::string>{"项目名称", "信息化管理专项经费", "主管部门", "南通市市场监督管理局", "", ""});
    const GridRow* total = find_row_starting(g, "资金总额");
    REQUIRE(total);
    CHECK(texts(*total) == std::vector<std::string>{"", "", "资金总额", "", "18", ""});
}

TEST_CASE("grid-1.2 paragraph tags become line breaks") {
    const TextGrid g = read_text_grid(read_seed("000_0fc43aa88057eaed.txt"));
    const GridRow* r = find_row_starting(g, "立项必要性", 2);
    REQUIRE(r);
    CHECK(r->cells[1].text.rfind("1、广告监测工作", 0) == 0);
    CHECK(r->cells[1].text.find("</p>") == std::string::npos);
    CHECK(r->cells[1].text.find("\n2、强化网络交易") != std::string::npos);
}

TEST_CASE("grid-1.3 cell-per-line seeds group cells into rows and join broken labels") {
    const TextGrid g = read_text_grid(read_seed("001_e8aa0500ee62ffd0.txt"));
    CHECK(g.layout == GridLayout::CellPerLine);
    const GridRow* name = find_row_starting(g, "部门名称");
    REQUIRE(name);
    CHECK(texts(*name) == std::vector<std::string>{"部门名称", "中共沅江市委网络安全和信息化委员会办公室"});
    const GridRow* budget = find_row_starting(g, "年度预算申请\n（万元）");
    REQUIRE(budget);
    CHECK(texts(*budget) == std::vector<std::string>{"年度预算申请\n（万元）", "资金总额：109.04"});
    const GridRow* project = find_row_starting(g, "年度本级\n预算金额");
    REQUIRE(project);
    CHECK(texts(*project) == std::vector<std::string>{"年度本级\n预算金额", "9.6", "该项目支出上级资金", "0"});
    const GridRow* signer = find_row_starting(g, "填表人：严飞   联系电话：17763740907  填报日期：2024年6月20日  单位负责人签字：");
    REQUIRE(signer);
    CHECK(signer->is_text);
}

TEST_CASE("grid-1.4 cell-per-line indicator rows keep their empty leading cells") {
    const TextGrid g = read_text_grid(read_seed("004_69cafeba3764958f.txt"));
    CHECK(g.layout == GridLayout::CellPerLine);
    const GridRow* plan = find_row_starting(g, "25%");
    REQUIRE(plan);
    CHECK(texts(*plan) == std::vector<std::string>{"", "25%", "50%", "75%", "100%"});
}

TEST_CASE("grid-1.5 every seed reads without error and loses no text") {
    for (const char* seed : {"000_0fc43aa88057eaed.txt", "001_e8aa0500ee62ffd0.txt", "002_be243faf42b34df7.txt",
                             "003_e71277c5732aaa08.txt", "004_69cafeba3764958f.txt"}) {
        const std::string content = read_seed(seed);
        const TextGrid g = read_text_grid(content);
        // Every CJK character of the file appears in some cell: compare counts of 3-byte
        // UTF-8 lead bytes outside the markup we strip.
        auto count_cjk = [](const std::string& s) {
            size_t n = 0;
            for (unsigned char c : s) n += (c >> 4) == 14;
            return n;
        };
        size_t in_cells = 0;
        for (const auto& r : g.rows)
            for (const auto& c : r.cells) in_cells += count_cjk(c.text);
        size_t spaces = 0;  // U+3000 is trimmed from cell edges, so allow for those
        for (size_t i = 0; i + 2 < content.size(); ++i) spaces += content.compare(i, 3, "\xE3\x80\x80") == 0;
        INFO(seed);
        CHECK(in_cells <= count_cjk(content));
        CHECK(in_cells + spaces >= count_cjk(content));
    }
}

TEST_CASE("grid-2.1 bad input gives a clear error") {
    CHECK_THROWS_WITH(read_text_grid(""), Catch::Contains("empty"));
    CHECK_THROWS_WITH(read_text_grid("\n \n\t\n"), Catch::Contains("empty"));
    CHECK_THROWS_WITH(read_text_grid(std::string("PK\x03\x04\0\0", 6)), Catch::Contains("not a text file"));
    try {
        read_text_grid("第一行\n第二行\n\xff\xfe bad\n");
        FAIL("no error");
    } catch (const GridError& e) {
        CHECK(e.line == 3);
        CHECK_THAT(e.what(), Catch::Contains("UTF-8"));
    }
}
