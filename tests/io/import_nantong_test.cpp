// Every figure of one Nantong filing (seed 000, the first table: 信息化管理专项经费), read from
// the seed by hand: header grid, the income block, the expense lines (whose full-year figures
// add up to 19 while the filed total is 18, kept as filed), the goals and all 21 indicator rows.
#include <catch2/catch.hpp>

#include "import_support.h"

using namespace formwork;

TEST_CASE("import-1.1 Nantong: every field, figure and indicator of 信息化管理专项经费") {
    const auto& file = seed_import(kNantong);
    REQUIRE_FALSE(file.failed);
    const auto& imported = filing_titled(file, "信息化管理专项经费");
    const Filing& f = imported.filing;
    CHECK(f.template_id == "nantong-project");
    CHECK(imported.first_line == 3);

    const std::map<std::string, std::string> fields = {
        {"budget_year", "2024"},
        {"project_name", "信息化管理专项经费"},
        {"department", "南通市市场监督管理局"},
        {"project_type", "常年安排项目"},
        {"project_level", "市本级"},
        {"start_year", "2024"},
        {"end_year", "2024"},
        {"implementing_unit", "南通市市场监管局网络受理中心"},
        {"contact", "00"},
        {"necessity", seed_cell(kNantong, 11, 1)},
        {"feasibility", seed_cell(kNantong, 12, 1)},
        {"content", seed_cell(kNantong, 13, 1)},
        {"medium_term_goal", seed_cell(kNantong, 29, 1)},
        {"annual_goal", seed_cell(kNantong, 31, 2)},
    };
    CHECK(f.fields == fields);
    CHECK(f.field("necessity").rfind("信息化管理是全局市场监管业务工作顺利开展保障", 0) == 0);

    // 资金总额 18 = 财政拨款 小计 18 = 一般公共预算资金 18; blank rows stay blank.
    check_table(f, "income", {"full_year"},
                {{"18"}, {"18"}, {"18"}, {""}, {""}, {""}, {"0"}, {"0"}, {"0"}});
    // The lines add up to 19 (3 + 4 + 2 + 10); the filed total stays 18.
    check_table(f, "expenses", {"item", "half_year", "full_year"},
                {{"市局电子政务外网安全监测服务费", "1.5", "3"},
                 {"开展市场监管系统网络安全知识宣传、组织桌面应急演练活动，委托第三方策划、搭建场景、组织实战演练需经费", "2", "4"},
                 {"组织信息化网络管理员参加省局运维技术交流培训相关费用", "1", "2"},
                 {"视频会议项目专线、会议保障、设备硬件维修服务费用", "5", "10"}});

    check_indicators(f, {"half_year", "full_year"}, {},
                     {{"决策", "项目立项", "立项依据充分性", "充分", "充分"},
                      {"决策", "项目立项", "立项程序规范性", "规范", "规范"},
                      {"决策", "绩效目标", "绩效目标合理性", "合理", "合理"},
                      {"决策", "绩效目标", "绩效指标明确性", "明确", "明确"},
                      {"决策", "资金投入", "预算编制科学性", "科学", "科学"},
                      {"决策", "资金投入", "资金分配合理性", "合理", "合理"},
                      {"过程", "资金管理", "资金到位率", "序时进度", "100%"},
                      {"过程", "资金管理", "预算执行率", "=100%", "=100%"},
                      {"过程", "资金管理", "资金使用合规性", "合规", "合规"},
                      {"过程", "组织实施", "管理制度健全性", "健全", "健全"},
                      {"过程", "组织实施", "制度执行有效性", "有效", "有效"},
                      {"产出指标", "数量指标", "网络安全监测服务", "=100%", "=100%"},
                      {"产出指标", "数量指标", "数据共享需求", "=100%", "=100%"},
                      {"产出指标", "质量指标", "共享数据质量情况", "≥90%", "≥90%"},
                      {"产出指标", "时效指标", "网络安全监测服务实时性", "实时", "实时"},
                      {"产出指标", "成本指标", "", "", ""},
                      {"效益指标", "经济效益", "", "", ""},
                      {"效益指标", "社会效益", "提升消费者对消费维权法律法规的知晓度", "较高", "较高"},
                      {"效益指标", "生态效益", "", "", ""},
                      {"效益指标", "可持续影响", "", "", ""},
                      {"满意度指标", "服务对象满意度", "数据共享单位满意度", "=100%", "=100%"}});
    CHECK(imported.unplaced.empty());
    CHECK(f.notes.empty());
}

TEST_CASE("import-1.2 Nantong: expense lines printed a column left or right land in their columns") {
    const auto& file = seed_import(kNantong);
    // Lines 77-78 are shifted right by one cell, 79-81 left by one (no leading cells).
    check_table(filing_titled(file, "消费者权益保护工作经费").filing, "expenses", {"item", "half_year", "full_year"},
                {{"3.15国际消费者权益日活动", "3.5", "7"},
                 {"12315消费者投诉举报受理工作经费", "0.75", "1.5"},
                 {"消费维权业务研讨活动需工作经费", "1.75", "3.5"},
                 {"开展商品比较试验、商品鉴定、消费调查、体察活动需工作经费", "5", "10"},
                 {"开展调解投诉发布消费提示工作，通过大众传播媒介揭露、批评损害消费者合法权益需工作经费", "3", "6"}});
    // Line 120 prints 资金总额's figure one cell further right than line 15 does.
    const Filing& third = filing_titled(file, "网络及广告监测经费").filing;
    CHECK(third.tables.at("income").rows[0].cell("full_year") == "22");
    CHECK(third.tables.at("income").rows[7].cell("full_year") == "0");
    // The file's last line has no line break: its row still counts.
    const Filing& last = filing_titled(file, "网络设备设施运行与维护费").filing;
    REQUIRE(!last.indicators.empty());
    CHECK(last.indicators.back().name == "服务对象满意度");
    CHECK(last.indicators.back().targets.at("full_year") == "≥90%");
}
