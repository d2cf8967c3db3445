// Every figure of one Suzhou filing (seed 002, the first table): the mid-term and annual halves
// printed side by side — two label/figure pairs per funds row, the goals' labels on one row and
// their texts on the next, and an indicator table whose right half repeats level 2 and the
// name beside the annual value — with several rows shifted by a column.
#include <catch2/catch.hpp>

#include "import_support.h"

using namespace formwork;

TEST_CASE("import-1.6 Suzhou: every field, figure and indicator of 网络内容建设工作经费及网络综合治理") {
    const auto& file = seed_import(kSuzhou);
    REQUIRE_FALSE(file.failed);
    REQUIRE(file.filings.size() == 3);
    const auto& imported = filing_titled(file, "网络内容建设工作经费及网络综合治理");
    const Filing& f = imported.filing;
    CHECK(f.template_id == "suzhou-project");
    const std::map<std::string, std::string> fields = {
        {"budget_year", "2023"},  // "(2023年度)" under the title
        {"project_name", "网络内容建设工作经费及网络综合治理"},
        {"implementing_unit", "中共宿州市委网络安全和信息化委员会办公室"},
        {"project_type", "延续项目"},
        {"project_period", "长期"},
        {"medium_term_goal", seed_cell(kSuzhou, 14, 1)},
        {"annual_goal", seed_cell(kSuzhou, 14, 5)},
    };
    CHECK(f.fields == fields);
    check_table(f, "income", {"mid_term", "annual"}, {{"450", "150"}, {"450", "150"}, {"", ""}});
    const std::string rules = "严格执行相关财经法规、制度等规定";
    check_indicators(f, {"mid_term", "annual"}, {},
                     {{"产出指标", "数量指标", "开展网络文化活动次数", "≥9次", "≥3次"},
                      {"产出指标", "数量指标", "组织开展网上重大主题宣传", "≥30次", "≥10次"},
                      {"产出指标", "数量指标", "开展网络公益活动", "≥3次", "≥1次"},
                      {"产出指标", "数量指标", "管理属地网站、微信公众号、微博号", "≥4万家", "≥4万家"},
                      {"产出指标", "数量指标", "开展执法督查", "≥6次", "≥2次"},
                      {"产出指标", "数量指标", "开展普法宣传", "≥6次", "≥2次"},
                      {"产出指标", "数量指标", "培训人数", "≥150人次", "≥50人次"},  // shifted left
                      {"产出指标", "质量指标", "违法违规网站账号处置率", "100%", "100%"},
                      {"产出指标", "质量指标", "网上重大主题宣传市内主要新闻网站覆盖率", "100%", "100%"},
                      {"产出指标", "质量指标", "经费支出合规性", rules, rules},
                      {"产出指标", "时效指标", "属地网络平台账号巡查", "7×24小时全年", "7×24小时全年"},  // shifted
                      {"产出指标", "时效指标", "重大主题宣传", "全年", "全年"},
                      {"产出指标", "时效指标", "开展网络生态治理工作", "全年", "全年"},
                      {"产出指标", "时效指标", "网络文化活动", "全年", "全年"},
                      {"产出指标", "成本指标", "培训成本", "严格执行培训费相关规定", "严格执行培训费相关规定"},
                      {"效益指标", "经济效益指标", "不适用", "", ""},
                      {"效益指标", "社会效益指标", "对提升网上正面宣传报道的到达率、阅读率、点赞率、转发量的影响程度", "较高", "较高"},
                      {"效益指标", "社会效益指标", "我市网上正面宣传的传播力、引导力、影响力、公信力", "显著提升", "显著提升"},
                      {"效益指标", "生态效益指标", "不适用", "", ""},
                      {"效益指标", "可持续影响指标", "对提升依法管网治网水平的影响程度", "较高", "较高"},  // two cells left
                      {"效益指标", "可持续影响指标", "网上正能量和主旋律覆盖范围", "持续扩大", "持续扩大"},  // two right
                      {"满意度指标", "服务对象满意度指标", "培训学员满意度", "满意度≥95%", "满意度≥95%"}});
    CHECK(imported.unplaced.empty());
}

TEST_CASE("import-1.7 Suzhou: a funds row printed one cell further right still pairs label and figure") {
    const auto& file = seed_import(kSuzhou);
    check_table(filing_titled(file, "网络安全和信息化工作经费").filing, "income", {"mid_term", "annual"},
                {{"90", "30"}, {"90", "30"}, {"", ""}});
    check_table(filing_titled(file, "网络媒体协会运行经费").filing, "income", {"mid_term", "annual"},
                {{"15", "5"}, {"15", "5"}, {"", ""}});
    // 项目日期 is this form's other spelling of 项目期.
    CHECK(filing_titled(file, "网络媒体协会运行经费").filing.field("project_period") == "长期");
}
