// What a migration did to each value (core/version_changes.h): values in their place, moved,
// renamed at the same position, rewritten, split into parts, added, and every value with no
// place kept as a note, never dropped.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/version_changes.h"

using namespace formwork;

namespace {

FieldSpec field(const std::string& id, const std::string& label, ValueKind kind = ValueKind::Text) {
    FieldSpec f;
    f.id = id;
    f.label = label;
    f.kind = kind;
    return f;
}

RowSpec row(const std::string& id, const std::string& label) {
    RowSpec r;
    r.id = id;
    r.label = label;
    return r;
}

// Version 1: a header, a fixed-rows funds table, free expense lines, indicators.
FormSpec v1() {
    FormSpec s;
    s.id = "t";
    s.version = 1;
    BlockSpec header;
    header.id = "header";
    header.fields = {field("project_name", "项目名称"), field("contact", "联系人及电话"), field("remark", "其他说明")};
    BlockSpec funds;
    funds.kind = BlockKind::Table;
    funds.id = "funds";
    funds.label = "资金来源";
    funds.columns = {field("amount", "金额")};
    funds.rows = {row("total", "资金总额"), row("fiscal", "财政资金"), row("other", "其他资金")};
    BlockSpec indicators;
    indicators.kind = BlockKind::Indicators;
    indicators.id = "indicators";
    indicators.indicators.periods = {field("value", "指标值", ValueKind::Target)};
    s.blocks = {header, funds, indicators};
    return s;
}

// Version 2: the contact split in two, 其他说明 gone, a row inserted and one renamed (new id,
// same position), a column added.
FormSpec v2() {
    FormSpec s = v1();
    s.version = 2;
    s.blocks[0].fields = {field("project_name", "项目名称"), field("contact_person", "联系人"), field("contact_phone", "联系电话")};
    s.blocks[1].columns.push_back(field("last_year", "上年金额"));
    s.blocks[1].rows = {row("total", "资金总额"), row("general_budget", "一般公共预算资金"), row("other", "其他资金")};
    return s;
}

Filing old_filing() {
    Filing f;
    f.id = 7;
    f.template_id = "t";
    f.template_version = 1;
    f.fields = {{"project_name", "政风热线"}, {"contact", "孙卓 025-83660026"}, {"remark", "按季度拨付"}};
    Table& funds = f.table("funds");
    funds.rows.resize(3);
    funds.rows[0].cells["amount"] = "18";
    funds.rows[1].cells["amount"] = "15";
    funds.rows[2].cells["amount"] = "3";
    f.indicators.push_back(Indicator{"产出指标", "数量指标", "受理件数", {{"value", "≥1000件"}}, {}});
    f.notes.push_back({"import", "第 3 行未能放置"});
    return f;
}

const ValueChange* find(const VersionChanges& c, ChangeKind kind, const std::string& text) {
    for (const auto& x : c.changes)
        if (x.kind == kind && x.text == text) return &x;
    return nullptr;
}

}  // namespace

TEST_CASE("core-versions-1.1 the same filing under the same version: every value kept, nothing reported") {
    const FormSpec s = v1();
    const Filing before = old_filing();
    Filing after = before;
    const VersionChanges c = compare_versions(before, &s, after, s);
    CHECK(c.changes.empty());
    CHECK(c.kept == 10);
    CHECK(after.notes == before.notes);
}

TEST_CASE("core-versions-1.2 moved, renamed, split, added, and a value with no place becomes a note") {
    const FormSpec a = v1(), b = v2();
    const Filing before = old_filing();
    Filing after = before;
    after.template_version = 2;
    after.fields.erase("contact");
    after.fields.erase("remark");  // no place in version 2, and the step did not keep it
    after.fields["contact_person"] = "孙卓";
    after.fields["contact_phone"] = "025-83660026";
    after.tables["funds"].rows[1].cells["last_year"] = "14";  // a value the step added
    const VersionChanges c = compare_versions(before, &a, after, b);

    const ValueChange* split = find(c, ChangeKind::Split, "孙卓 025-83660026");
    REQUIRE(split);
    REQUIRE(split->parts.size() == 2);
    CHECK(split->parts[0].path == "f/contact_person");
    CHECK(split->parts[1].text == "025-83660026");
    CHECK(split->from_label == "联系人及电话");

    // Same position, new id and label: renamed.
    const ValueChange* renamed = find(c, ChangeKind::Renamed, "15");
    REQUIRE(renamed);
    CHECK(renamed->from_label == "资金来源 · 财政资金 · 金额");
    CHECK(renamed->to_label == "资金来源 · 一般公共预算资金 · 金额");

    const ValueChange* added = find(c, ChangeKind::Added, "14");
    REQUIRE(added);
    CHECK(added->to_path == "t/funds/1/last_year");

    const ValueChange* noted = find(c, ChangeKind::Noted, "按季度拨付");
    REQUIRE(noted);
    CHECK(noted->from_path == "f/remark");
    CHECK(c.notes_added == 1);
    REQUIRE(after.notes.size() == 2);
    CHECK(after.notes[0] == before.notes[0]);
    CHECK(after.notes[1].kind == "migrate");
    CHECK(after.notes[1].text.find("其他说明") != std::string::npos);
    CHECK(after.notes[1].text.find("按季度拨付") != std::string::npos);
    CHECK(noted->to_path == "n/1");

    CHECK(c.kept == 7);  // the name, 18, 3 and the indicator's four parts
    CHECK(c.count(ChangeKind::Moved) == 0);
    CHECK(describe_change(*split, Lang::Zh) == "拆分  联系人及电话「孙卓 025-83660026」 → 联系人「孙卓」、联系电话「025-83660026」");
    CHECK(describe_change(*noted, Lang::En).rfind("to a note", 0) == 0);
}

TEST_CASE("core-versions-1.3 a value moved elsewhere, one rewritten, one merged into another, an old note removed") {
    const FormSpec s = v1();
    const Filing before = old_filing();
    Filing after = before;
    after.fields["remark"] = "孙卓 025-83660026";  // the contact moved to 其他说明 …
    after.fields.erase("contact");
    after.fields["project_name"] = "政风热线（2024）";  // … the name rewritten (it holds the old one)
    after.notes.clear();                              // a step that drops notes does not lose them
    const VersionChanges c = compare_versions(before, &s, after, s);
    const ValueChange* moved = find(c, ChangeKind::Moved, "孙卓 025-83660026");
    REQUIRE(moved);
    CHECK(moved->from_path == "f/contact");
    CHECK(moved->to_path == "f/remark");
    // 其他说明 "按季度拨付" has no place now (its field holds the contact): a note.
    CHECK(find(c, ChangeKind::Noted, "按季度拨付"));
    const ValueChange* changed = find(c, ChangeKind::Changed, "政风热线");
    REQUIRE(changed);
    CHECK(changed->new_text == "政风热线（2024）");
    CHECK(find(c, ChangeKind::Noted, "第 3 行未能放置"));
    CHECK(std::any_of(after.notes.begin(), after.notes.end(), [](const Note& n) { return n.text == "第 3 行未能放置"; }));
}

TEST_CASE("core-versions-1.4 a value a step put where the new version has no place is kept as a note") {
    const FormSpec a = v1(), b = v2();
    const Filing before = old_filing();
    Filing after = before;
    after.fields.erase("remark");
    // The step wrote a text of its own to a misspelt field, and left the old contact field.
    const std::vector<UnplacedValue> unplaced = {{"f/contact", "contact", "孙卓 025-83660026"},
                                                 {"f/contact_phnoe", "contact_phnoe", "025-9999"}};
    after.fields.erase("contact");
    const VersionChanges c = compare_versions(before, &a, after, b, unplaced);
    CHECK(find(c, ChangeKind::Noted, "孙卓 025-83660026"));  // the old value, not placed anywhere
    CHECK(find(c, ChangeKind::Noted, "025-9999"));           // the step's value at no place
    CHECK(find(c, ChangeKind::Noted, "按季度拨付"));
    CHECK(c.notes_added == 3);
}

TEST_CASE("core-versions-1.5 a row inserted before others: the values keep their row ids, nothing moves") {
    FormSpec a = v1(), b = v1();
    b.version = 2;
    b.blocks[1].rows.insert(b.blocks[1].rows.begin() + 1, row("carried_over", "上年结转"));
    const Filing before = old_filing();
    Filing after = before;
    after.tables["funds"].rows.insert(after.tables["funds"].rows.begin() + 1, TableRow{});
    const VersionChanges c = compare_versions(before, &a, after, b);
    CHECK(c.changes.empty());
    CHECK(c.kept == 10);
}
