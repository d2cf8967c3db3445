// Next year's draft of a filing (core/next_year.h): the year one later in the form it was
// written, amounts kept or cleared as the template's next_year section says, the project
// period checked, notes left behind, and refusals where no year can be told.
#include <catch2/catch.hpp>

#include "core/next_year.h"

using namespace formwork;

namespace {

FieldSpec field(const std::string& id, const std::string& label, ValueKind kind = ValueKind::Text) {
    FieldSpec f;
    f.id = id;
    f.label = label;
    f.kind = kind;
    return f;
}

FormSpec spec() {
    FormSpec s;
    s.id = "p";
    s.year_field = "budget_year";
    BlockSpec header;
    header.id = "header";
    header.fields = {field("budget_year", "年度", ValueKind::Year), field("project_name", "项目名称"),
                     field("start_year", "开始时间", ValueKind::Year), field("end_year", "完成时间", ValueKind::Year),
                     field("annual_budget", "年度预算", ValueKind::Money), field("contact", "联系人")};
    BlockSpec expenses;
    expenses.kind = BlockKind::Table;
    expenses.id = "expenses";
    expenses.columns = {field("item", "支出项目"), field("full_year", "全年预算数", ValueKind::Money)};
    BlockSpec indicators;
    indicators.kind = BlockKind::Indicators;
    indicators.id = "indicators";
    indicators.indicators.periods = {field("half_year", "半年", ValueKind::Target), field("full_year", "全年", ValueKind::Target)};
    s.blocks = {header, expenses, indicators};
    return s;
}

Filing filing() {
    Filing f;
    f.id = 16;
    f.template_id = "p";
    f.fields = {{"budget_year", "2024年"}, {"project_name", "政风热线"}, {"start_year", "2022"}, {"end_year", "2026年"},
                {"annual_budget", "269"}, {"contact", "孙卓"}};
    f.table("expenses").rows.push_back(TableRow{{{"item", "热线运行"}, {"full_year", "269"}}});
    f.indicators.push_back(Indicator{"产出指标", "数量指标", "受理件数", {{"half_year", "≥500件"}, {"full_year", "≥1000件"}}, {}});
    f.notes.push_back({"import", "未能放置"});
    return f;
}

}  // namespace

TEST_CASE("core-next-year-1.1 year + 1 in the filed form, amounts kept by default, notes left, period checked") {
    const NextYearCopy c = next_year_copy(filing(), spec());
    REQUIRE(c.ok());
    CHECK(c.filing.id == 0);
    CHECK(c.year == 2025);
    CHECK(c.filing.field("budget_year") == "2025年");
    CHECK(c.filing.field("annual_budget") == "269");
    CHECK(c.filing.tables.at("expenses").rows[0].cell("full_year") == "269");
    CHECK(c.cleared.empty());
    CHECK(c.filing.notes.empty());
    CHECK(c.notes_left == 1);
    CHECK(c.period_start == 2022);
    CHECK(c.period_end == 2026);
    CHECK(c.covers);
}

TEST_CASE("core-next-year-1.2 amounts = clear, and a clear list of fields, columns and periods") {
    FormSpec s = spec();
    s.next_year.clear_amounts = true;
    s.next_year.clear = {"fields.contact", "indicators.half_year"};
    const NextYearCopy c = next_year_copy(filing(), s);
    REQUIRE(c.ok());
    CHECK(c.filing.fields.count("annual_budget") == 0);
    CHECK(c.filing.fields.count("contact") == 0);
    CHECK(c.filing.tables.at("expenses").rows[0].cell("full_year").empty());
    CHECK(c.filing.tables.at("expenses").rows[0].cell("item") == "热线运行");  // only amounts go
    CHECK(c.filing.indicators[0].targets.count("half_year") == 0);
    CHECK(c.filing.indicators[0].targets.at("full_year") == "≥1000件");
    CHECK(c.cleared == std::vector<std::string>{"f/annual_budget", "t/expenses/0/full_year", "f/contact", "i/0/t/half_year"});
    // A whole free-rows table: next year's lines are new ones.
    s.next_year.clear = {"expenses"};
    CHECK(next_year_copy(filing(), s).filing.tables.at("expenses").rows.empty());
}

TEST_CASE("core-next-year-1.3 the period: outside it, a printed period, none") {
    Filing f = filing();
    f.fields["end_year"] = "2024";
    NextYearCopy c = next_year_copy(f, spec());
    REQUIRE(c.ok());
    CHECK_FALSE(c.covers);
    FormSpec s = spec();
    s.next_year.period = {"fields.contact"};
    f.fields["contact"] = "2023-2025";
    c = next_year_copy(f, s);
    CHECK(c.period_start == 2023);
    CHECK(c.period_end == 2025);
    CHECK(c.covers);
    f.fields.erase("start_year");
    f.fields.erase("end_year");
    c = next_year_copy(f, spec());
    CHECK_FALSE(c.period_start);
    CHECK(c.covers);  // nothing to check against
    CHECK(period_fields(spec()) == std::vector<std::string>{"start_year", "end_year"});
}

TEST_CASE("core-next-year-1.4 no year field, or no year in it: no draft") {
    FormSpec s = spec();
    s.year_field.clear();
    CHECK(next_year_copy(filing(), s).refusal == NextYearCopy::Refusal::NoYearField);
    Filing f = filing();
    f.fields["budget_year"] = "明年";
    CHECK(next_year_copy(f, spec()).refusal == NextYearCopy::Refusal::NoYear);
}
