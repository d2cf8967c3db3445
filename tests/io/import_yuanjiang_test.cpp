// Every figure of the Yuanjiang department-wide table and of its first project table (seed 001,
// one cell per line): labels broken over lines, label and figure in one cell ("资金总额：109.04"),
// the signature line of several "label：value" pairs, and the B prefix of project names.
#include <catch2/catch.hpp>

#include "import_support.h"

using namespace formwork;

TEST_CASE("import-1.3 Yuanjiang department: every field, figure and indicator") {
    const auto& file = seed_import(kYuanjiang);
    REQUIRE_FALSE(file.failed);
    const auto& imported = filing_titled(file, "中共沅江市委网络安全和信息化委员会办公室");
    const Filing& f = imported.filing;
    CHECK(f.template_id == "yuanjiang-department");
    CHECK(imported.first_line == 2);
    const std::map<std::string, std::string> fields = {
        {"budget_year", "2024"},  // from the title 2024年部门整体支出绩效目标表
        {"filing_unit", ""},      // 填报单位：（盖章）, stamped on paper
        {"department_name", "中共沅江市委网络安全和信息化委员会办公室"},
        {"duties", seed_cell(kYuanjiang, 37, 1)},
        {"overall_goal", seed_cell(kYuanjiang, 40, 1)},
        {"filled_by", "严飞"},
        {"filled_phone", "17763740907"},
        {"filled_date", "2024年6月20日"},
        {"unit_head", ""},
    };
    CHECK(f.fields == fields);
    // 资金总额 109.04 = 一般公共预算 109.04; 基本支出 66.16 + 项目支出 44.28 = 110.44 (as filed).
    check_table(f, "funds", {"amount"}, {{"109.04"}, {"109.04"}, {""}, {"0"}, {"0"}, {"66.16"}, {"44.28"}});
    check_indicators(f, {"value"}, {},
                     {{"产出指标", "数量指标", "开展网络舆情监测", "≥300次"},
                      {"产出指标", "数量指标", "开展网络安全专项检查", "≥1次"},
                      {"产出指标", "数量指标", "开展网宣网评任务", "≥100次"},
                      {"产出指标", "质量指标", "网民留言回复率", "≥95%"},
                      {"产出指标", "质量指标", "上级交办舆情完成率", "≥100%"},
                      {"产出指标", "质量指标", "上级下发网宣网评任务完成", "≥100%"},
                      {"产出指标", "成本指标", "日常工作成本", "≤全年预算数"},
                      {"产出指标", "时效指标", "在规定时间内完成各项工作任务", "≤通报1次"},
                      {"效益指标", "经济效益指标", "……", ""},
                      {"效益指标", "社会效益指标", "营造良好的网络舆论环境", "≤重大网络舆情1次"},
                      {"效益指标", "生态效益指标", "……", ""},
                      {"效益指标", "可持续影响指标", "……", ""},
                      {"效益指标", "社会公众或服务对象满意度", "网民留言回复满意度", "≥95%"}});
    CHECK(imported.unplaced.empty());
}

TEST_CASE("import-1.4 Yuanjiang project: every field and indicator of the first project table") {
    const auto& file = seed_import(kYuanjiang);
    const auto& imported = filing_titled(file, "B“沅江市网络安全应急指挥中心”运行专项工作经费");
    const Filing& f = imported.filing;
    CHECK(f.template_id == "yuanjiang-project");
    CHECK(imported.first_line == 131);
    const std::string goal = "落实全市网络安全应急指挥工作任务，确保全市网络安全。";
    const std::map<std::string, std::string> fields = {
        {"budget_year", "2024"},
        {"filing_unit", ""},
        {"project_name", "B“沅江市网络安全应急指挥中心”运行专项工作经费"},
        {"department", ""},  // 预算部门 printed blank
        {"annual_budget", "9.6"},
        {"superior_funds", "0"},
        {"project_period", "一年"},
        {"medium_term_goal", goal},
        {"annual_goal", goal},
        {"filled_by", "严飞"},
        {"filled_phone", "17763740907"},
        {"filled_date", "2024年6月20日"},
        {"unit_head", ""},
    };
    CHECK(f.fields == fields);
    CHECK(f.tables.empty());
    check_indicators(f, {"value"}, {"standard"},
                     {{"产出指标", "数量指标", "开展应急值班", "≥5次", ""},
                      {"产出指标", "质量指标", "403专网工作指令完成质量", "高质量完成指令≥95%", ""},
                      {"产出指标", "时效指标", "按时完成应急任务", "按时完成≥95%", ""},
                      {"产出指标", "成本指标", "控制日常运行经费", "≤9.6万元", ""},
                      {"效益指标", "经济效益指标", "……", "", ""},
                      {"效益指标", "社会效益指标", "确保不发生全市网络安全事件", "≤1次", ""},
                      {"效益指标", "生态效益指标", "……", "", ""},
                      {"效益指标", "可持续影响指标", "……", "", ""},
                      {"效益指标", "社会公众或服务对象满意度指标", "群众满意度", "≥95%", ""}});
    CHECK(imported.unplaced.empty());
}

TEST_CASE("import-1.5 Yuanjiang: project names keep their B prefix and the stray last line is kept as a note") {
    const auto& file = seed_import(kYuanjiang);
    REQUIRE(file.filings.size() == 8);
    for (std::size_t i = 1; i < file.filings.size(); ++i) {
        INFO(i);
        CHECK(file.filings[i].filing.field("project_name").rfind("B", 0) == 0);
    }
    // The file ends with a line "17" after the last signature line: nowhere to put it.
    const auto& last = file.filings.back();
    REQUIRE(last.unplaced.size() == 1);
    CHECK(last.unplaced[0].line == 830);
    CHECK(last.unplaced[0].text == "17");
    REQUIRE(last.filing.notes.size() == 1);
    CHECK(last.filing.notes[0].kind == "import");
    CHECK(last.filing.notes[0].text == kYuanjiang + ":830: 17");
}
