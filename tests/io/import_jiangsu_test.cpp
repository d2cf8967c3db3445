// Every figure of one Jiangsu filing (seed 003, the first table: 政风热线), and the shifted
// rows of the others: an expense line a column to the left, a 成本指标 row a column to the
// left, an indicator name two columns to the left.
#include <catch2/catch.hpp>

#include "import_support.h"

using namespace formwork;

TEST_CASE("import-1.8 Jiangsu: every field, figure and indicator of 政风热线") {
    const auto& file = seed_import(kJiangsu);
    REQUIRE_FALSE(file.failed);
    const auto& imported = filing_titled(file, "政风热线");
    const Filing& f = imported.filing;
    CHECK(f.template_id == "jiangsu-project");
    const std::map<std::string, std::string> fields = {
        {"budget_year", "2024"},
        {"project_name", "政风热线"},
        {"department", "江苏省数据局（政务服务管理办公室）"},
        {"project_type", "常年安排项目"},
        {"project_level", "省本级"},
        {"start_year", "2021年"},
        {"end_year", "2023年"},  // a period that does not cover 2024: for the checks to find
        {"implementing_unit", "江苏省数据局（政务服务管理办公室）（机关）"},
        {"contact", "孙卓 025-83660026"},
        {"necessity", seed_cell(kJiangsu, 11, 1)},
        {"feasibility", seed_cell(kJiangsu, 12, 1)},
        {"content", seed_cell(kJiangsu, 13, 1)},
        {"medium_term_goal", seed_cell(kJiangsu, 25, 1)},
        {"annual_goal", seed_cell(kJiangsu, 26, 1)},
    };
    CHECK(f.fields == fields);
    check_table(f, "income", {"full_year"}, {{"269"}, {"269"}, {"0"}, {"0"}, {"0"}, {"0"}, {"0"}, {"0"}});
    // " | 省政热线风 | 121.05 | 269 |": the figures sit one cell left of their heads.
    check_table(f, "expenses", {"item", "half_year", "full_year"}, {{"省政热线风", "121.05", "269"}});
    check_indicators(f, {"half_year", "full_year"}, {},
                     {{"决策", "项目立项", "立项程序规范性", "规范", "规范"},
                      {"决策", "项目立项", "立项依据充分性", "充分", "充分"},
                      {"决策", "绩效目标", "绩效目标合理性", "合理", "合理"},
                      {"决策", "绩效目标", "绩效指标明确性", "明确", "明确"},
                      {"决策", "资金投入", "资金分配合理性", "合理", "合理"},
                      {"决策", "资金投入", "预算编制科学性", "科学", "科学"},
                      {"过程", "资金管理", "预算执行率", "=45%", "=100%"},
                      {"过程", "资金管理", "资金到位率", "序时进度", "100%"},
                      {"过程", "资金管理", "资金使用合规性", "合规", "合规"},
                      {"过程", "组织实施", "管理制度健全性", "健全", "健全"},
                      {"过程", "组织实施", "制度执行有效性", "有效", "有效"},
                      {"产出指标", "数量指标", "在电视上直播期数", "≥6期", "≥25期"},
                      {"产出指标", "数量指标", "在新媒体平台发布稿件数量", "≥50件", "≥150件"},
                      {"产出指标", "数量指标", "现场督办场次", "≥10次", "≥50次"},
                      {"产出指标", "数量指标", "在报刊上刊登期数", "≥6期", "≥25期"},
                      {"产出指标", "数量指标", "在广播上直播期数", "≥6期", "≥25期"},
                      {"产出指标", "数量指标", "在网站上直播期数", "≥6期", "≥25期"},
                      {"产出指标", "质量指标", "电视直播内容质量达标率", "≥100%", "≥100%"},
                      {"产出指标", "质量指标", "网站文字直播内容质量达标率", "≥100%", "≥100%"},
                      {"产出指标", "时效指标", "直播计划完成率", "≥25%", "≥90%"},
                      {"产出指标", "成本指标", "项目总成本", "≤121.05万元", "≤269万元"},  // shifted left
                      {"效益指标", "经济效益", "", "", ""},
                      {"效益指标", "社会效益", "对上线单位履职、提升作风建设的影响", "明显", "明显"},
                      {"效益指标", "社会效益", "化解社会矛盾，解决群众实际问题的程度", "明显", "明显"},
                      {"效益指标", "生态效益", "", "", ""},
                      {"效益指标", "可持续影响", "", "", ""},  // shifted left
                      {"满意度指标", "服务对象满意度", "服务对象满意度", "≥85%", "≥85%"}});
    CHECK(imported.unplaced.empty());
}

TEST_CASE("import-1.9 Jiangsu: shifted expense lines and indicator rows of the other tables") {
    const auto& file = seed_import(kJiangsu);
    REQUIRE(file.filings.size() == 5);
    const Filing& second = filing_titled(file, "政务服务信息系统运行维护费用").filing;
    check_table(second, "expenses", {"item", "half_year", "full_year"}, {{"政务服务信息系统运行维护费用", "557.56", "1239.92"}});
    // Line 94 "制度执行有效性 |  | 有效 | 有效 |": the name two cells left of its column.
    const auto& row = second.indicators[10];
    CHECK(row.level1 == "过程");
    CHECK(row.level2 == "组织实施");
    CHECK(row.name == "制度执行有效性");
    CHECK(row.targets == std::map<std::string, std::string>{{"half_year", "有效"}, {"full_year", "有效"}});
    CHECK(second.indicators[11].targets.at("half_year") == "≥1.4亿个");
    // Line 133 " | 政务服务业务专项费用 | 242.22 |  | 538.26": half-year figure one cell left.
    check_table(filing_titled(file, "政务服务业务专项费用").filing, "expenses", {"item", "half_year", "full_year"},
                {{"政务服务业务专项费用", "242.22", "538.26"}});
    check_table(filing_titled(file, "政务服务课题经费").filing, "expenses", {"item", "half_year", "full_year"},
                {{"政务服务课题研究项目", "15.25", "33.9"}});
    // The department's name as printed, with ASCII brackets and a space inside.
    CHECK(filing_titled(file, "政务服务课题经费").filing.field("department") == "江苏省数据局 (政务服务管理 办公室)");
    for (const auto& f : file.filings) CHECK(f.unplaced.empty());
}
