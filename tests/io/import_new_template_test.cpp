// A template with no import section (the README's worked example, a county that is not among
// the seeds) imports a plain-text export of its form by its labels alone: title, header grid,
// a fixed-row funds table, expense lines (one shifted), a spending plan and indicators.
#include <catch2/catch.hpp>

#include "import_support.h"
#include "lua/script_host.h"
#include "templates/template_registry.h"

using namespace formwork;

TEST_CASE("import-5.1 a new region's template gets import for free") {
    script::ScriptHost host;
    const auto entry = script::load_template_file(host, FORMWORK_SOURCE_DIR "/tests/fixtures/templates/example_county.lua",
                                                  "example_county.lua");
    REQUIRE(entry.ok());
    // Detected among the shipped templates by its title and labels.
    std::vector<std::shared_ptr<const FormSpec>> specs = {entry.spec};
    script::TemplateRegistry registry(std::vector<script::TemplateDir>{{FORMWORK_SOURCE_DIR "/scripts/templates", "shipped"}});
    registry.refresh();
    for (const auto& e : registry.entries()) specs.push_back(e.spec);
    const io::Importer importer(specs);

    const std::string text =
        "2025年示例县项目支出绩效目标表\n"
        "项目名称\t示例项目\t主管单位\t示例县财政局\n"
        "项目类型\t一次性项目\t联系人及电话\t张三 0000-1234567\n"
        "开始年度\t2025\t结束年度\t2025\n"
        "资金来源（万元）\t\t金额\n"
        "\t资金总额\t10\n"
        "\t财政资金\t8\n"
        "\t其他资金\t2\n"
        "支出明细\t支出内容\t全年预算数\n"
        "\t\t设备采购\t6\n"
        "\t培训\t4\n"
        "资金支出计划（%）\t6月底\t12月底\n"
        "\t50%\t100%\n"
        "年度绩效目标\t完成示例项目。\n"
        "一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据\n"
        "产出指标\t数量指标\t培训人次\t≥100人次\t年度计划\n"
        "\t质量指标\t合格率\t≥95%\t年度计划\n"
        "满意度指标\t服务对象满意度指标\t满意度\t≥90%\t调查\n";
    const auto r = importer.import_text("county.txt", text);
    REQUIRE_FALSE(r.failed);
    REQUIRE(r.filings.size() == 1);
    const auto& f = r.filings[0];
    CHECK(f.filing.template_id == "example-county-project");
    CHECK(f.unplaced.empty());
    const std::map<std::string, std::string> fields = {
        {"project_name", "示例项目"}, {"department", "示例县财政局"}, {"project_type", "一次性项目"},
        {"contact", "张三 0000-1234567"}, {"start_year", "2025"}, {"end_year", "2025"}, {"annual_goal", "完成示例项目。"}};
    CHECK(f.filing.fields == fields);
    check_table(f.filing, "funds", {"amount"}, {{"10"}, {"8"}, {"2"}});
    check_table(f.filing, "expenses", {"item", "full_year"}, {{"设备采购", "6"}, {"培训", "4"}});
    check_table(f.filing, "spending_plan", {"jun", "dec"}, {{"50%", "100%"}});
    check_indicators(f.filing, {"value"}, {"basis"},
                     {{"产出指标", "数量指标", "培训人次", "≥100人次", "年度计划"},
                      {"产出指标", "质量指标", "合格率", "≥95%", "年度计划"},
                      {"满意度指标", "服务对象满意度指标", "满意度", "≥90%", "调查"}});
}
