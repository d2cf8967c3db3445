// The shell's document editing: every edit undoable and redoable, typing merged into one
// step, dirty tracking against the last save.
#include <catch2/catch.hpp>

#include "ui/edit_session.h"

using namespace formwork;
using namespace formwork::ui;

namespace {

Filing stored_filing() {
    Filing f;
    f.id = 7;
    f.template_id = "nantong-project";
    f.template_version = 1;
    f.fields["project_name"] = "信息化管理专项经费";
    f.table("expenses").rows.resize(2);
    f.table("expenses").rows[0].cells["full_year"] = "3";
    return f;
}

}  // namespace

TEST_CASE("edit-1.1 an edit can be undone and redone") {
    EditSession s(stored_filing(), nullptr);
    CHECK_FALSE(s.dirty());
    s.set_field("project_name", "消费者权益保护工作经费");
    CHECK(s.dirty());
    CHECK(s.filing().field("project_name") == "消费者权益保护工作经费");
    REQUIRE(s.undo());
    CHECK(s.filing().field("project_name") == "信息化管理专项经费");
    CHECK_FALSE(s.dirty());
    REQUIRE(s.redo());
    CHECK(s.filing().field("project_name") == "消费者权益保护工作经费");
    CHECK(s.filing().id == 7);
    CHECK(s.filing().template_id == "nantong-project");
}

TEST_CASE("edit-1.2 keystrokes in one field merge into one undo step") {
    EditSession s(stored_filing(), nullptr);
    s.set_cell("expenses", 0, "full_year", "3.", "t/expenses/0/full_year");
    s.set_cell("expenses", 0, "full_year", "3.5", "t/expenses/0/full_year");
    s.end_merge();
    s.set_cell("expenses", 1, "full_year", "1", "t/expenses/1/full_year");
    REQUIRE(s.undo());
    CHECK(s.filing().find_table("expenses")->rows[0].cell("full_year") == "3.5");
    REQUIRE(s.undo());
    CHECK(s.filing().find_table("expenses")->rows[0].cell("full_year") == "3");
    CHECK_FALSE(s.can_undo());
}

TEST_CASE("edit-1.3 rows and indicators are added, moved and removed undoably") {
    EditSession s(stored_filing(), nullptr);
    s.add_row("expenses", 2);
    CHECK(s.filing().find_table("expenses")->rows.size() == 3);
    s.move_row("expenses", 0, +1);
    CHECK(s.filing().find_table("expenses")->rows[1].cell("full_year") == "3");
    s.remove_row("expenses", 1);
    CHECK(s.filing().find_table("expenses")->rows.size() == 2);
    Indicator ind;
    ind.level1 = "产出指标";
    ind.name = "网络安全监测服务";
    s.add_indicator(0, ind);
    CHECK(s.filing().indicators.size() == 1);
    while (s.undo()) {
    }
    CHECK(s.filing().find_table("expenses")->rows.size() == 2);
    CHECK(s.filing().find_table("expenses")->rows[0].cell("full_year") == "3");
    CHECK(s.filing().indicators.empty());
    CHECK_FALSE(s.dirty());
}

TEST_CASE("edit-1.4 an edit after undo drops the redo steps, save clears dirty") {
    EditSession s(stored_filing(), nullptr);
    s.set_field("a", "1");
    s.undo();
    s.set_field("b", "2");
    CHECK_FALSE(s.can_redo());
    CHECK(s.dirty());
    s.mark_saved(7);
    CHECK_FALSE(s.dirty());
    const auto v = s.version();
    s.set_field("b", "2");  // no change: no step, no new version
    CHECK(s.version() == v);
}

TEST_CASE("edit-1.5 a new filing is unsaved from the start") {
    Filing f;
    f.template_id = "nantong-project";
    EditSession s(f, nullptr);
    CHECK(s.dirty());
}
