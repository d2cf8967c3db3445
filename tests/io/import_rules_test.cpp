// The importer's parts on their own: label normalisation, "label：value" cells, realigning a
// shifted row, and the template's import section as the loader checks it.
#include <catch2/catch.hpp>

#include <chrono>

#include "io/cell_items.h"
#include "io/label_text.h"
#include "io/row_align.h"
#include "io/text_pattern.h"
#include "lua/script_host.h"
#include "templates/template_registry.h"

using namespace formwork;
using namespace formwork::io;

TEST_CASE("import-4.1 labels compare without bracket width, spaces, line breaks, colons, 其中 or bookmarks") {
    CHECK(normalize_label("项目资金 (万元)") == normalize_label("项目资金（万元）"));
    CHECK(normalize_label("项目资金 （万元）") == "项目资金(万元)");
    CHECK(normalize_label("年度本级\n\n预算金额") == "年度本级预算金额");
    CHECK(normalize_label("项目负责人/ 联系电话") == "项目负责人/联系电话");
    CHECK(normalize_label("中期资金总额:") == "中期资金总额");
    CHECK(normalize_label("其中：  一般公共预算") == "一般公共预算");
    CHECK(normalize_label("其中：财政    资金") == normalize_label("其中：财政资金"));
    CHECK(normalize_label("[bookmark: _Toc_2_2_0000000001]一、总体绩效目标") == "一、总体绩效目标");
    CHECK(normalize_label("其中") == "其中");  // a lone 其中 stays a word
    CHECK(strip_bookmarks("[bookmark: _Toc_4_4_0000000004]1.车辆保险费绩效目标表") == "1.车辆保险费绩效目标表");
}

namespace {

FormSpec small_spec() {
    FormSpec s;
    BlockSpec header;
    header.kind = BlockKind::Fields;
    header.id = "header";
    const std::pair<const char*, const char*> labels[] = {
        {"filled_by", "填表人"}, {"filled_phone", "联系电话"}, {"filled_date", "填报日期"}, {"unit_head", "单位负责人签字"}};
    for (const auto& [id, label] : labels) {
        FieldSpec f;
        f.id = id;
        f.label = label;
        header.fields.push_back(f);
    }
    s.blocks.push_back(header);
    BlockSpec funds;
    funds.kind = BlockKind::Table;
    funds.id = "funds";
    funds.label = "年度预算申请（万元）";
    FieldSpec amount;
    amount.id = "amount";
    amount.label = "金额";
    funds.columns.push_back(amount);
    for (const auto& [id, label] : {std::pair{"total", "资金总额"}, std::pair{"general", "一般公共预算"}}) {
        RowSpec row;
        row.id = id;
        row.label = label;
        funds.rows.push_back(row);
    }
    s.blocks.push_back(funds);
    return s;
}

std::vector<std::string> describe(const std::vector<Item>& items) {
    std::vector<std::string> out;
    for (const auto& it : items) out.push_back((it.is_label() ? "L:" : "V:") + it.text);
    return out;
}

}  // namespace

TEST_CASE("import-4.2 a cell holding labels and values is split at the labels' colons") {
    const FormSpec spec = small_spec();
    const LabelIndex index(spec);
    GridRow row;
    row.cells = {{"年度预算申请\n（万元）", 1}, {"资金总额：109.04", 1}, {"其中：  一般公共预算：109.04", 1}};
    CHECK(describe(cell_items(row, index, true)) ==
          std::vector<std::string>{"L:年度预算申请\n（万元）", "L:资金总额", "V:109.04", "L:其中：  一般公共预算", "V:109.04"});
    GridRow sig;
    sig.is_text = true;
    sig.cells = {{"填表人：严飞   联系电话：17763740907  填报日期：2024年6月20日  单位负责人签字：", 9}};
    CHECK(describe(cell_items(sig, index, true)) ==
          std::vector<std::string>{"L:填表人", "V:严飞", "L:联系电话", "V:17763740907", "L:填报日期", "V:2024年6月20日",
                                   "L:单位负责人签字："});
    // A colon whose left side is no label leaves the text whole.
    GridRow text;
    text.cells = {{"信息化管理专项19万： 1. 市局电子政务外网安全监测服务费3万元。", 3}};
    CHECK(describe(cell_items(text, index, true)) ==
          std::vector<std::string>{"V:信息化管理专项19万： 1. 市局电子政务外网安全监测服务费3万元。"});
    // Without pair splitting (inside the indicator table) a cell is one item.
    CHECK(describe(cell_items(row, index, false)).size() == 3);
}

TEST_CASE("import-4.3 a row shifted against its header is realigned by what its cells hold") {
    // Roles: level 1, level 2, name, two targets at columns 0..4; a cell fits a role or not.
    const std::vector<AlignRole> roles = {{0}, {1}, {2}, {3}, {4}};
    // "成本指标 | 项目总成本 | ≤121.05万元 | ≤269万元": everything one column left.
    const std::vector<std::string> kinds = {"l2", "name", "value", "value"};
    auto fit = [&](int cell, int role) {
        const std::string& k = kinds[cell];
        if (role == 0) return k == "l1" ? 0 : 50;
        if (role == 1) return k == "l2" ? 0 : 50;
        if (role == 2) return k == "name" ? 0 : 6;
        return k == "value" ? 0 : 2;
    };
    CHECK(align_row({0, 1, 2, 3}, roles, fit) == std::vector<int>{1, 2, 3, 4});
    // A row in place stays in place even where content would fit elsewhere as well.
    CHECK(align_row({1, 2, 3, 4}, roles, [](int, int) { return 0; }) == std::vector<int>{1, 2, 3, 4});
    // More cells than roles: the one that fits nowhere is left out (-1), not forced in.
    CHECK(align_row({0, 1}, {{0}}, [](int, int) { return 0; }) == std::vector<int>{0, -1});
}

namespace {

std::vector<std::string> load_errors(const std::string& import_section) {
    script::ScriptHost host;
    const std::string source = R"(return form.template{
    api = 1, id = "t", version = 1, title = "T", family = "t", title_field = "name",
    blocks = {
        form.fields{ id = "header", fields = { form.text{ id = "name", label = "名称" } } },
        form.table{ id = "money", label = "资金", columns = { form.money{ id = "amount", label = "金额" } },
                    rows = { form.row{ id = "total", label = "合计" } } },
        form.table{ id = "lines", label = "明细", columns = { form.text{ id = "item", label = "内容" } } },
    },
    import = )" + import_section + "\n}\n";
    return script::load_template_source(host, "t.lua", source).errors;
}

}  // namespace

TEST_CASE("import-4.4 the loader checks the import section and reports file:line and path") {
    CHECK(load_errors(R"(form.import{ titles = { "^T$" }, ignore = { "单位：万元" },
        values = { { to = "fields.name", pattern = "^(%d+)年$" }, { to = "lines.item", pattern = "^（.-）(.+)$" },
                   { to = "fields.name", after = "money" } } })")
              .empty());
    auto errors = load_errors(R"(form.import{ titles = { "[abc" } })");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "t.lua:9: import.titles[1]: malformed pattern (missing ']') in \"[abc\"");
    errors = load_errors(R"(form.import{ tittles = {} })");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("t.lua:9: import.tittles: unknown key") == 0);
    errors = load_errors(R"(form.import{ values = { { to = "money.total.amount", pattern = "x" } } })");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("import.values[1].to") != std::string::npos);
    errors = load_errors(R"(form.import{ values = { { to = "fields.name" }, { to = "fields.nope", after = "nowhere", pattern = "(x" } } })");
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].find("import.values[1]: give a pattern, an after block, or both") != std::string::npos);
    CHECK(errors[1].find("import.values[2].pattern: unfinished capture") != std::string::npos);
    CHECK(errors[2].find("import.values[2].after: no block \"nowhere\"") != std::string::npos);
    CHECK(errors[3].find("import.values[2].to") != std::string::npos);
    errors = load_errors(R"(form.import{ values = { { to = "lines.item", scope = "file", pattern = "x" } }, level_heads = { "一级" } })");
    REQUIRE(errors.size() == 2);
}

TEST_CASE("import-4.5 a template's pattern that would backtrack for hours gives up quickly") {
    std::string pattern;
    for (int i = 0; i < 40; ++i) pattern += "a?";
    pattern += std::string(40, 'a');
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(match_pattern(std::string(40, 'a'), pattern).has_value());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    // An ordinary pattern: the first capture, or the whole text when there is none.
    CHECK(match_pattern("2024年度", "^(%d%d%d%d)年度$") == std::optional<std::string>("2024"));
    CHECK(match_pattern("414001市场监管部门", "^%d%d%d%d%d%d") == std::optional<std::string>("414001市场监管部门"));
    CHECK(match_pattern("（一）质量管理", "^（.-）(.+)$") == std::optional<std::string>("质量管理"));
}
