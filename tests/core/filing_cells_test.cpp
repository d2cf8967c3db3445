// Tests of the filing model's flattening to path cells (src/core/filing_cells.h), which the
// store relies on to save only what changed.
#include <catch2/catch.hpp>

#include "core/filing_cells.h"

#include <string>
#include <utility>
#include <vector>

using namespace formwork;

namespace {

Filing sample_filing() {
    Filing f;
    f.template_id = "nantong-project";
    f.template_version = 1;
    f.fields["project_name"] = "信息化管理专项经费";
    f.fields["odd/id%#"] = "escaped id";
    Table& income = f.table("income");
    income.rows.resize(2);
    income.rows[0].cells["source"] = "资金总额";
    income.rows[0].cells["amount"] = "18";
    Table& expenses = f.table("expenses");
    expenses.rows.resize(3);  // a blank row in the middle must survive
    expenses.rows[0].cells["item"] = "市局电子政务外网安全监测服务费";
    expenses.rows[0].cells["half_year"] = "1.5";
    expenses.rows[2].cells["item"] = "";
    f.table("empty");
    Indicator ind;
    ind.level1 = "产出指标";
    ind.level2 = "数量指标";
    ind.name = "网络安全监测服务";
    ind.targets["half_year"] = "=100%";
    ind.targets["full_year"] = "≥90%";
    ind.extra["basis"] = "年度工作计划";
    f.indicators.push_back(ind);
    f.indicators.push_back(Indicator{});
    f.notes.push_back(Note{"import", "line 12: cell not placed: 单位：万元"});
    return f;
}

}  // namespace

TEST_CASE("cells-1.1 a filing survives flattening and rebuilding") {
    const Filing f = sample_filing();
    Filing back = from_cells(to_cells(f));
    back.template_id = f.template_id;
    back.template_version = f.template_version;
    CHECK(back.same_content(f));
    CHECK(back.find_table("expenses")->rows.size() == 3);
    CHECK(back.find_table("empty") != nullptr);
    CHECK(back.field("odd/id%#") == "escaped id");
}

TEST_CASE("cells-1.2 paths name fields, table cells and indicator targets") {
    const FilingCells cells = to_cells(sample_filing());
    CHECK(cells.at("f/project_name") == "信息化管理专项经费");
    CHECK(cells.at("f/odd%2Fid%25%23") == "escaped id");
    CHECK(cells.at("t/expenses/#rows") == "3");
    CHECK(cells.at("t/expenses/0/half_year") == "1.5");
    CHECK(cells.at("i/0/t/full_year") == "≥90%");
    CHECK(cells.at("i/0/x/basis") == "年度工作计划");
    CHECK(cells.at("n/0/kind") == "import");
}

TEST_CASE("cells-1.3 one changed cell gives one change") {
    Filing f = sample_filing();
    const FilingCells before = to_cells(f);
    f.table("expenses").rows[0].cells["half_year"] = "2";
    const auto changes = diff_cells(before, to_cells(f));
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].path == "t/expenses/0/half_year");
    CHECK(changes[0].old_text == "1.5");
    CHECK(changes[0].new_text == "2");
    CHECK(changes[0].had_old);
    CHECK(changes[0].has_new);
}

TEST_CASE("cells-1.4 added and removed cells are changes without old or new text") {
    Filing f = sample_filing();
    const FilingCells before = to_cells(f);
    f.fields.erase("project_name");
    f.fields["phone"] = "0513-69818080";
    const auto changes = diff_cells(before, to_cells(f));
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].path == "f/phone");
    CHECK_FALSE(changes[0].had_old);
    CHECK(changes[1].path == "f/project_name");
    CHECK_FALSE(changes[1].has_new);
}

TEST_CASE("cells-1.5 malformed paths are refused with the path named") {
    CHECK_THROWS_WITH(from_cells({{"x/1", "a"}}), Catch::Contains("x/1"));
    CHECK_THROWS_WITH(from_cells({{"t/a/notanumber/c", "a"}}), Catch::Contains("t/a/notanumber/c"));
    CHECK_THROWS_WITH(from_cells({{"t/a/#rows", "1"}, {"t/a/5/c", "x"}}), Catch::Contains("row count"));
    CHECK_THROWS_WITH(from_cells({{"f/bad%2", "x"}}), Catch::Contains("f/bad%2"));
}

TEST_CASE("cells-1.6 FilingBuilder takes the cells one at a time, in any order, and refuses what from_cells refuses") {
    const FilingCells cells = to_cells(sample_filing());
    FilingBuilder forward, backward;
    for (const auto& [path, text] : cells) forward.add(path, text);
    for (auto it = cells.rbegin(); it != cells.rend(); ++it) backward.add(it->first, it->second);
    const Filing a = forward.finish(), b = backward.finish(), c = from_cells(cells);
    CHECK(a.same_content(c));
    CHECK(b.same_content(c));
    CHECK(a.field("odd/id%#") == "escaped id");
    CHECK(a.find_table("expenses")->rows.size() == 3);
    for (const char* bad : {"x/1", "t/a/notanumber/c", "f/bad%2", "i/0/t/x/y", "t/a/0/b/c/d/e", "i/0/zz"}) {
        INFO(bad);
        FilingBuilder builder;
        CHECK_THROWS_WITH(builder.add(bad, "v"), Catch::Contains(bad));
    }
    // Tables met again after another, and one id written two ways ("%61" is "a").
    FilingBuilder mixed;
    for (const auto& [path, text] : std::vector<std::pair<std::string, std::string>>{
             {"t/a/0/x", "1"}, {"t/b/0/y", "2"}, {"t/a/1/z", "3"}, {"t/%61/2/w", "4"}, {"t/b/1/y", "5"}})
        mixed.add(path, text);
    const Filing m = mixed.finish();
    REQUIRE(m.tables.size() == 2);
    CHECK(m.find_table("a")->rows.size() == 3);
    CHECK(m.find_table("a")->rows[2].cells.at("w") == "4");
    CHECK(m.find_table("b")->rows[1].cells.at("y") == "5");
    FilingBuilder past;
    past.add("t/a/#rows", "1");
    past.add("t/a/5/c", "x");
    CHECK_THROWS_WITH(past.finish(), Catch::Contains("row count"));
}
