// Every figure of the Hebei department-wide narrative and of its first project table (seed 004):
// numbered headings as sub-goal rows, "绩效目标：…" lines, paragraphs that continue a long
// text, a department name taken from the file's unit line (with a note), an unlabelled unit
// line and fund-usage text, and the cumulative spending plan under its heads.
#include <catch2/catch.hpp>

#include "import_support.h"

using namespace formwork;

namespace {

// The seed line without its "label：" prefix.
std::string after_label(int line, const std::string& label) {
    const std::string text = seed_cell(kHebei, line, 0);
    REQUIRE(text.rfind(label + "：", 0) == 0);
    return text.substr(label.size() + std::string("：").size());
}

}  // namespace

TEST_CASE("import-1.10 Hebei department: the narrative, its 15 sub-goals and the department name") {
    const auto& file = seed_import(kHebei);
    REQUIRE_FALSE(file.failed);
    const auto& imported = file.filings.at(0);
    const Filing& f = imported.filing;
    CHECK(f.template_id == "hebei-department");
    CHECK(imported.first_line == 2);
    std::string safeguards;
    for (int line = 55; line <= 63; ++line) safeguards += (safeguards.empty() ? "" : "\n") + seed_cell(kHebei, line, 0);
    const std::map<std::string, std::string> fields = {
        {"department_name", "414001市场监管部门市场监督管理局本级"},
        {"overall_goal", seed_cell(kHebei, 5, 0) + "\n" + seed_cell(kHebei, 6, 0)},
        {"safeguards", safeguards},
    };
    CHECK(f.fields == fields);
    // Not printed in this part: taken from the unit line of the first project table, and said so.
    REQUIRE(f.notes.size() == 1);
    CHECK(f.notes[0].text == kHebei + ":74: 部门名称：414001市场监管部门市场监督管理局本级（本表未印，取自同一文件）");

    const std::vector<std::string> names = {"市场综合监督管理", "市场主体登记与监管", "流通领域商品质量监督管理",
                                            "商标与知识产权监督管理", "市场监管综合执法", "综合业务管理",
                                            "综合事务管理", "标准计量与价格监督管理", "产品质量监督管理",
                                            "认证认可监督管理", "质量管理", "特种设备监督管理",
                                            "食品安全监管", "药品安全监管", "化妆品安全监管"};
    Rows sub_goals;
    for (int i = 0; i < 15; ++i)
        sub_goals.push_back({names[i], after_label(9 + 3 * i, "绩效目标"), after_label(10 + 3 * i, "绩效指标")});
    check_table(f, "sub_goals", {"name", "goal", "indicator"}, sub_goals);
    CHECK(sub_goals[0][2] == "监管执法计划完成率≥90%");
    CHECK(sub_goals[11][2] == "全区重大特种设备事故=0");
    CHECK(imported.unplaced.empty());
}

TEST_CASE("import-1.11 Hebei project: every field, figure, plan point and indicator of 车辆保险费") {
    const auto& file = seed_import(kHebei);
    const auto& imported = filing_titled(file, "车辆保险费");
    const Filing& f = imported.filing;
    CHECK(f.template_id == "hebei-project");
    CHECK(imported.first_line == 73);
    const std::map<std::string, std::string> fields = {
        {"department", "414001市场监管部门市场监督管理局本级"},  // the unlabelled unit line
        {"project_code", "13030322P00LDLE10006G"},
        {"project_name", "车辆保险费"},
        {"fund_usage", "缴纳单位公务用车保险"},  // unlabelled, under 预算规模及资金用途
        {"annual_goal", "1.缴纳车辆保险，保障公务用车的正常运行。"},
    };
    CHECK(f.fields == fields);
    // 预算数 6.80 and 其中：财政资金 6.80, kept with their trailing zero; 其他资金 blank.
    check_table(f, "budget", {"amount"}, {{"6.80"}, {"6.80"}, {""}});
    check_table(f, "spending_plan", {"mar", "jun", "oct", "dec"}, {{"25%", "50%", "75%", "100%"}});
    check_indicators(f, {"value"}, {"description", "basis"},
                     {{"产出指标", "质量指标", "公车保险缴纳率", "≥95百分比", "按时缴纳公务用车保险的比例", "年度工作计划"},
                      {"产出指标", "数量指标", "管理车辆数（辆）", "17辆", "单位管理车辆数目", "年度工作计划"},
                      {"产出指标", "时效指标", "按项目计划完成工作", "100百分比", "按照工作要求按时完成预定计划", "年度工作计划"},
                      {"产出指标", "成本指标", "项目控制预算数", "是/否", "不超过财政支持经费", "年度工作计划"},
                      {"效益指标", "经济效益指标", "提高工作效率", "是/否", "使用公车是否能提高工作效率", "年度工作计划"},
                      {"满意度指标", "服务对象满意度指标", "使用对象满意率", "≥95百分比",
                       "调查中单位人员满意和较满意的人数占调查总人数的比率", "年度工作计划"}});
    CHECK(imported.unplaced.empty());
    CHECK(f.notes.empty());
}

TEST_CASE("import-1.12 Hebei: a spending plan with its early points left blank") {
    const auto& file = seed_import(kHebei);
    check_table(filing_titled(file, "食品安全协管员补助经费").filing, "spending_plan", {"mar", "jun", "oct", "dec"},
                {{"", "", "", "100%"}});
    check_table(filing_titled(file, "双随机抽查工作经费").filing, "spending_plan", {"mar", "jun", "oct", "dec"},
                {{"", "50%", "50%", "100%"}});
    check_table(filing_titled(file, "市场监管经费").filing, "spending_plan", {"mar", "jun", "oct", "dec"},
                {{"25%", "61%", "75%", "100%"}});
}
