// grid-1.*: a block as a spreadsheet grid, without a window: copy, paste (each value checked
// for its own column, money units converted, refusals listed), fill down, clear, and the edit
// session applying a whole paste as one undo step.
#include <catch2/catch.hpp>

#include "ui/edit_session.h"
#include "ui/grid_model.h"

using namespace formwork;
using namespace formwork::ui;

namespace {

FieldSpec column(const std::string& id, ValueKind kind) {
    FieldSpec f;
    f.id = id;
    f.label = id;
    f.kind = kind;
    return f;
}

// A free-rows expense table (text, money, money) and a fixed two-row table (percent, integer).
FormSpec sample_form() {
    FormSpec form;
    form.id = "sample";
    form.money_unit = "万元";
    BlockSpec expenses;
    expenses.kind = BlockKind::Table;
    expenses.id = "expenses";
    expenses.unit = "万元";
    expenses.columns = {column("item", ValueKind::Text), column("half", ValueKind::Money), column("full", ValueKind::Money)};
    form.blocks.push_back(expenses);
    BlockSpec fixed;
    fixed.kind = BlockKind::Table;
    fixed.id = "fixed";
    fixed.columns = {column("rate", ValueKind::Percent), column("count", ValueKind::Integer)};
    fixed.rows.resize(2);
    fixed.rows[0].id = "a";
    fixed.rows[1].id = "b";
    form.blocks.push_back(fixed);
    BlockSpec indicators;
    indicators.kind = BlockKind::Indicators;
    indicators.id = "indicators";
    indicators.indicators.periods = {column("year", ValueKind::Target)};
    form.blocks.push_back(indicators);
    return form;
}

Filing sample_filing() {
    Filing f;
    Table& t = f.table("expenses");
    t.rows.resize(2);
    t.rows[0].cells = {{"item", "会议"}, {"half", "3.5"}, {"full", "7"}};
    t.rows[1].cells = {{"item", "培训"}, {"half", "1"}, {"full", "2"}};
    f.table("fixed").rows.resize(2);
    return f;
}

}  // namespace

TEST_CASE("grid-1.1 a pasted block fills cells from the cursor, each value checked for its own column") {
    const FormSpec form = sample_form();
    const GridModel grid = *GridModel::of(form.blocks[0], form);
    Filing f = sample_filing();
    const GridEdit edit = grid.paste(f, GridRange::of(0, 1, 0, 1), {{"4", "8"}, {"1", "2"}});
    REQUIRE(edit.writes.size() == 4);
    CHECK(edit.refused.empty());
    CHECK(edit.writes[0].row == 0);
    CHECK(edit.writes[0].col == 1);
    CHECK(edit.writes[0].text == "4");
    CHECK(edit.writes[3].row == 1);
    CHECK(edit.writes[3].col == 2);
    CHECK(edit.writes[3].text == "2");
}

TEST_CASE("grid-1.2 values that do not fit are refused with a reason, money with a unit is converted") {
    const FormSpec form = sample_form();
    Filing f = sample_filing();
    const GridModel expenses = *GridModel::of(form.blocks[0], form);
    const GridEdit a = expenses.paste(f, GridRange::of(0, 1, 0, 1), {{"约5", "250万", "extra"}, {"2,500元", "1.2亿元"}});
    REQUIRE(a.refused.size() == 2);
    CHECK(a.refused[0].text == "约5");
    CHECK(a.refused[0].reason == CellRefusal::Reason::NotANumber);
    CHECK(a.refused[1].reason == CellRefusal::Reason::BeyondLastColumn);
    REQUIRE(a.writes.size() == 3);
    CHECK(a.writes[0].text == "250");
    CHECK(a.writes[1].text == "0.25");
    CHECK(a.writes[2].text == "12000");
    CHECK(a.converted.size() == 3);

    const GridModel fixed = *GridModel::of(form.blocks[1], form);
    const GridEdit b = fixed.paste(f, GridRange::of(1, 0, 1, 0), {{"95%", "3.5"}, {"90", "4"}});
    REQUIRE(b.writes.size() == 1);
    CHECK(b.writes[0].text == "95%");
    REQUIRE(b.refused.size() == 3);
    CHECK(b.refused[0].reason == CellRefusal::Reason::NotAWholeNumber);
    CHECK(b.refused[1].reason == CellRefusal::Reason::BeyondLastRow);  // a fixed table does not grow
    CHECK(b.refused[2].reason == CellRefusal::Reason::BeyondLastRow);
    const GridEdit c = fixed.paste(f, GridRange::of(0, 0, 0, 0), {{"≥95%"}});
    REQUIRE(c.refused.size() == 1);
    CHECK(c.refused[0].reason == CellRefusal::Reason::NotAPercent);
}

TEST_CASE("grid-1.3 a free table and the indicator table grow when a paste runs past their last row") {
    const FormSpec form = sample_form();
    EditSession session(sample_filing(), std::make_shared<FormSpec>(form));
    const GridModel expenses = *GridModel::of(form.blocks[0], form);
    const GridEdit e = expenses.paste(session.filing(), GridRange::of(1, 0, 1, 0), {{"差旅", "1", "2"}, {"印刷", "3", "4"}});
    CHECK(e.refused.empty());
    session.edit_together([&](Filing& f) {
        for (const auto& w : e.writes) expenses.set(f, w.row, w.col, w.text);
    });
    CHECK(expenses.rows(session.filing()) == 3);
    CHECK(expenses.text(session.filing(), 2, 0) == "印刷");

    const GridModel indicators = *GridModel::of(form.blocks[2], form);
    REQUIRE(indicators.columns().size() == 4);  // l1, l2, name, t/year
    const GridEdit i = indicators.paste(session.filing(), GridRange::of(0, 0, 0, 0), {{"产出指标", "数量指标", "培训人数", "≥100人"}});
    CHECK(i.refused.empty());
    session.edit_together([&](Filing& f) {
        for (const auto& w : i.writes) indicators.set(f, w.row, w.col, w.text);
    });
    REQUIRE(session.filing().indicators.size() == 1);
    CHECK(session.filing().indicators[0].targets.at("year") == "≥100人");
    CHECK(indicators.path(0, 3) == "i/0/t/year");
    CHECK(expenses.path(2, 1) == "t/expenses/2/half");

    // Both pastes are one step each.
    REQUIRE(session.undo());
    CHECK(session.filing().indicators.empty());
    REQUIRE(session.undo());
    CHECK(expenses.rows(session.filing()) == 2);
    CHECK(expenses.text(session.filing(), 1, 0) == "培训");
    CHECK_FALSE(session.can_undo());
}

TEST_CASE("grid-1.4 one value pasted over a selection fills it, fill down copies the top row, clear blanks a block, copy reads it") {
    const FormSpec form = sample_form();
    const Filing f = sample_filing();
    const GridModel grid = *GridModel::of(form.blocks[0], form);
    const GridEdit one = grid.paste(f, GridRange::of(0, 1, 1, 2), {{"9"}});
    CHECK(one.writes.size() == 4);
    const GridEdit down = grid.fill_down(f, GridRange::of(0, 1, 1, 2));
    REQUIRE(down.writes.size() == 2);
    CHECK(down.writes[0].row == 1);
    CHECK(down.writes[0].text == "3.5");
    CHECK(down.writes[1].text == "7");
    const GridEdit from_above = grid.fill_down(f, GridRange::of(1, 0, 1, 0));
    REQUIRE(from_above.writes.size() == 1);
    CHECK(from_above.writes[0].text == "会议");
    CHECK(grid.fill_down(f, GridRange::of(0, 0, 0, 2)).writes.empty());  // nothing above the first row
    CHECK(grid.clear(f, GridRange::of(0, 0, 5, 1)).writes.size() == 4);   // rows past the end are not added
    CHECK(grid.copy(f, GridRange::of(0, 1, 1, 2)) == io::CellBlock{{"3.5", "7"}, {"1", "2"}});
}
