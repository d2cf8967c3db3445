// Templates over time: the `migrate` and `next_year` keys, earlier versions kept in earlier/,
// a filing's table for migrate steps and back, and migrating filings through the steps in the
// sandbox (src/templates/migration.h), the shipped templates' step from version 1 included.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "templates/filing_table.h"
#include "templates/migration.h"
#include "templates/template_registry.h"

using namespace formwork;
using namespace formwork::script;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = FORMWORK_SOURCE_DIR;

struct Folder {
    fs::path path;
    Folder() {
        char tmpl[] = "/tmp/formwork-versions-XXXXXX";
        path = mkdtemp(tmpl);
        fs::create_directories(path / "earlier");
    }
    ~Folder() { fs::remove_all(path); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Version 1 of a small form, and version 2: the contact split, 财政资金 renamed (a new id), a
// column added, 其他说明 gone, with the step between them.
const std::string kV1 = slurp(kSource / "tests/fixtures/versions/versioned_v1.lua");
const std::string kV2 = slurp(kSource / "tests/fixtures/versions/versioned_v2.lua");

Filing v1_filing() {
    Filing f;
    f.id = 3;
    f.template_id = "versioned";
    f.template_version = 1;
    f.fields = {{"budget_year", "2024"}, {"project_name", "政风热线"}, {"contact", "孙卓 025-83660026"}, {"remark", "按季度拨付"}};
    Table& funds = f.table("funds");
    funds.rows.resize(3);
    funds.rows[0].cells["amount"] = "18";
    funds.rows[1].cells["amount"] = "15";
    funds.rows[2].cells["amount"] = "3";
    f.table("expenses").rows.push_back(TableRow{{{"item", "热线运行"}, {"amount", "18"}}});
    f.indicators.push_back(Indicator{"产出指标", "数量指标", "受理件数", {{"value", "≥1000件"}}, {}});
    f.notes.push_back({"import", "未能放置的一行"});
    return f;
}

std::vector<std::string> errors_of(const std::string& source) {
    ScriptHost host;
    return load_template_source(host, "t.lua", source).errors;
}

bool mentions(const std::vector<std::string>& errors, const std::string& text) {
    return std::any_of(errors.begin(), errors.end(), [&](const std::string& e) { return e.find(text) != std::string::npos; });
}

std::string with(const std::string& source, const std::string& key_and_value) {
    const auto end = source.rfind('}');
    return source.substr(0, end) + "    " + key_and_value + ",\n}";
}

}  // namespace

TEST_CASE("tpl-versions-1.1 migrate and next_year are read and checked") {
    ScriptHost host;
    const TemplateEntry v2 = load_template_source(host, "v2.lua", kV2);
    REQUIRE(v2.ok());
    CHECK(v2.spec->migrate_steps == std::vector<int>{1});
    CHECK(v2.migrate.count(1) == 1);
    CHECK(mentions(errors_of(with(kV2, "next_year = { amounts = \"half\" }")), "next_year.amounts"));
    CHECK(mentions(errors_of(with(kV2, "next_year = { clear = { \"funds.nothing\" } }")), "no column \"nothing\""));
    CHECK(mentions(errors_of(with(kV2, "next_year = { period = { \"fields.nowhere\" } }")), "next_year.period[1]"));
    CHECK(mentions(errors_of(with(kV2, "next_year = { colour = 1 }")), "next_year.colour"));
    const TemplateEntry ny = load_template_source(
        host, "t.lua", with(kV2, "next_year = { amounts = \"clear\", clear = { \"expenses\", \"indicators.value\", \"fields.remark_none\" } }"));
    CHECK(mentions(ny.errors, "no field \"remark_none\""));
    const TemplateEntry good = load_template_source(host, "t.lua", with(kV1, "next_year = { amounts = \"clear\", clear = { \"expenses\", \"indicators.value\" }, period = { \"fields.budget_year\" } }"));
    REQUIRE(good.ok());
    CHECK(good.spec->next_year.clear_amounts);
    CHECK(good.spec->next_year.clear.size() == 2);
    // A step goes from an earlier version (1 … version - 1), keyed by that version, and is a function.
    const std::string bare = kV2.substr(0, kV2.find("    migrate = {")) + "}";
    CHECK(mentions(errors_of(with(kV1, "migrate = { [1] = function(old) return old end }")), "migrate[1]"));
    CHECK(mentions(errors_of(with(bare, "migrate = { [2] = function(old) return old end }")), "from 1 to 1"));
    CHECK(mentions(errors_of(with(bare, "migrate = { [1] = \"rename\" }")), "expected function(old)"));
    CHECK(mentions(errors_of(with(bare, "migrate = { rename = function(old) return old end }")), "keys are the versions"));
    CHECK(errors_of(with(bare, "migrate = { function(old) return old end }")).empty());  // [1] written as a list
}

TEST_CASE("tpl-versions-1.2 the registry keeps earlier versions from earlier/ and finds a filing's own") {
    Folder dir;
    dir.write("versioned.lua", kV2);
    dir.write("earlier/versioned.v1.lua", kV1);
    TemplateRegistry registry({{dir.path, "user"}});
    registry.refresh();
    REQUIRE(registry.entries().size() == 1);
    REQUIRE(registry.earlier().size() == 1);
    CHECK(registry.earlier()[0].ok());
    CHECK(registry.find("versioned")->version == 2);
    CHECK(registry.find("versioned", 1)->version == 1);
    CHECK(registry.find("versioned", 1)->find_field("remark"));
    CHECK(registry.find("versioned", 7)->version == 2);  // not kept: the current one
    CHECK(registry.migrate_step("versioned", 1) != nullptr);
    CHECK(registry.migrate_step("versioned", 2) == nullptr);

    // Not earlier than the current version, or kept twice: refused with a reason.
    std::string v2_again = kV2;
    dir.write("earlier/versioned.v2.lua", v2_again);
    dir.write("earlier/versioned.v1b.lua", kV1);
    registry.refresh();
    REQUIRE(registry.earlier().size() == 3);
    std::map<std::string, std::string> errors;
    for (const auto& e : registry.earlier())
        if (!e.ok()) errors[fs::path(e.file).filename().string()] = e.errors.back();
    CHECK(errors.size() == 2);
    CHECK(errors["versioned.v2.lua"].find("not earlier than the current version 2") != std::string::npos);
    CHECK(errors["versioned.v1b.lua"].find("already kept in") != std::string::npos);
    CHECK(registry.find("versioned", 1)->version == 1);

    // A retired template: its earlier versions still open its filings; no current one.
    fs::remove(dir.path / "versioned.lua");
    registry.refresh();
    CHECK(registry.find("versioned") == nullptr);
    CHECK(registry.find("versioned", 1)->version == 1);
}

TEST_CASE("tpl-versions-1.3 a filing's table for migrate steps, and back: the same filing when nothing changed") {
    ScriptHost host;
    const auto spec = load_template_source(host, "v1.lua", kV1).spec;
    REQUIRE(spec);
    const Filing f = v1_filing();
    const ScriptValue t = filing_table(f, spec.get());
    REQUIRE(t.get("tables"));
    const ScriptValue* funds = t.get("tables")->get("funds");
    REQUIRE(funds);
    CHECK(funds->get("fiscal")->get("amount")->as_string() == "15");  // fixed rows by id
    CHECK(t.get("tables")->get("expenses")->at(1)->get("item")->as_string() == "热线运行");  // free rows as a list
    CHECK(t.get("indicators")->at(1)->get("targets")->get("value")->as_string() == "≥1000件");
    FilingFromTable back = filing_from_table(t, *spec);
    CHECK(back.problems.empty());
    CHECK(back.unplaced.empty());
    back.filing.id = f.id;
    CHECK(back.filing.same_content(f));
}

TEST_CASE("tpl-versions-1.4 version 1 to 2: a column added, a row renamed, a field split, a field dropped kept as a note") {
    Folder dir;
    dir.write("versioned.lua", kV2);
    dir.write("earlier/versioned.v1.lua", kV1);
    TemplateRegistry registry({{dir.path, "user"}});
    registry.refresh();
    const Filing before = v1_filing();
    const MigrationResult r = migrate_filing(registry, before);
    REQUIRE(r.ok());
    CHECK(r.needed());
    CHECK(r.from_known);
    CHECK(r.filing.template_version == 2);
    CHECK(r.filing.id == before.id);
    CHECK(r.filing.field("contact_person") == "孙卓");
    CHECK(r.filing.field("contact_phone") == "025-83660026");
    CHECK(r.filing.fields.count("contact") == 0);
    CHECK(r.filing.tables.at("funds").rows[1].cell("amount") == "15");  // 一般公共预算资金
    CHECK(r.filing.tables.at("funds").rows[0].cell("amount") == "18");
    CHECK(r.filing.tables.at("expenses").rows[0].cell("item") == "热线运行");
    CHECK(r.filing.indicators == before.indicators);
    REQUIRE(r.filing.notes.size() == 2);
    CHECK(r.filing.notes[0] == before.notes[0]);
    CHECK(r.filing.notes[1].text.find("按季度拨付") != std::string::npos);
    CHECK(r.changes.count(ChangeKind::Split) == 1);
    CHECK(r.changes.count(ChangeKind::Renamed) == 1);
    CHECK(r.changes.count(ChangeKind::Noted) == 1);
    CHECK(r.changes.count(ChangeKind::Moved) == 0);
    CHECK(r.changes.changes.size() == 3);
    // A filing already at the current version needs nothing.
    const MigrationResult again = migrate_filing(registry, r.filing);
    CHECK(again.ok());
    CHECK_FALSE(again.needed());
}

TEST_CASE("tpl-versions-1.5 without a step values move by id, and without version 1's description, by the current ids") {
    Folder dir;
    std::string v2 = kV2;
    v2 = v2.substr(0, v2.find("    migrate = {")) + "}";  // no step
    dir.write("versioned.lua", v2);
    TemplateRegistry registry({{dir.path, "user"}});
    registry.refresh();
    const MigrationResult r = migrate_filing(registry, v1_filing());
    REQUIRE(r.ok());
    CHECK_FALSE(r.from_known);
    // Read by version 2's ids: row 2 is general_budget, so 15 stays in place; the contact and
    // the remark have no field: notes.
    CHECK(r.filing.tables.at("funds").rows[1].cell("amount") == "15");
    CHECK(r.changes.count(ChangeKind::Noted) == 2);
    CHECK(r.filing.notes.size() == 3);
}

TEST_CASE("tpl-versions-1.6 a failing step names its file and line, and a step returning no filing is refused") {
    Folder dir;
    dir.write("earlier/versioned.v1.lua", kV1);
    auto step = [&](const std::string& body) {
        std::string v2 = kV2;
        const auto at = v2.find("    migrate = {");
        dir.write("versioned.lua", v2.substr(0, at) + "    migrate = { [1] = function(old)\n" + body + "\n end },\n}");
        TemplateRegistry registry({{dir.path, "user"}});
        registry.refresh();
        REQUIRE(registry.entries()[0].ok());
        return migrate_filing(registry, v1_filing());
    };
    MigrationResult r = step("error(\"no\")");
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("versioned.lua:") != std::string::npos);
    CHECK(step("return 5").error.find("迁移步骤返回的不是填报") != std::string::npos);
    CHECK(step("old.fields.project_name = {} return old").error.find("fields.project_name") != std::string::npos);
    r = step("while true do end");
    CHECK_FALSE(r.ok());
    // A value the step puts where version 2 has no place is kept as a note.
    r = step("old.fields.contact_phnoe = '025-1' old.fields.remark = nil return old");
    REQUIRE(r.ok());
    CHECK(std::any_of(r.filing.notes.begin(), r.filing.notes.end(), [](const Note& n) { return n.text.find("025-1") != std::string::npos; }));
    CHECK(std::any_of(r.filing.notes.begin(), r.filing.notes.end(), [](const Note& n) { return n.text.find("按季度拨付") != std::string::npos; }));
}

TEST_CASE("tpl-versions-1.7 two steps, the first kept in version 2's file under earlier/") {
    Folder dir;
    dir.write("earlier/versioned.v1.lua", kV1);
    dir.write("earlier/versioned.v2.lua", kV2);
    std::string v3 = kV2;
    v3.replace(v3.find("version = 2"), 11, "version = 3");
    v3 = v3.substr(0, v3.find("    migrate = {")) +
         "    migrate = { [2] = function(old) old.fields.project_name = old.fields.project_name .. '（续）' return old end },\n}";
    dir.write("versioned.lua", v3);
    TemplateRegistry registry({{dir.path, "user"}});
    registry.refresh();
    const MigrationResult r = migrate_filing(registry, v1_filing());
    REQUIRE(r.ok());
    CHECK(r.to == 3);
    CHECK(r.filing.field("contact_person") == "孙卓");
    CHECK(r.filing.field("project_name") == "政风热线（续）");
}

TEST_CASE("tpl-versions-1.9 scripts/README.md shows the worked example of version 2 whole") {
    CHECK(slurp(kSource / "scripts/README.md").find(kV2) != std::string::npos);
}

TEST_CASE("tpl-versions-1.8 the shipped templates: version 1 kept for each bumped one, its step fills the year") {
    TemplateRegistry registry({{kSource / "scripts/templates", "shipped"}});
    registry.refresh();
    std::set<std::string> kept;
    for (const auto& e : registry.earlier()) {
        INFO(e.file);
        for (const auto& err : e.errors) INFO(err);
        CHECK(e.ok());
        if (e.ok()) kept.insert(e.spec->id + " v" + std::to_string(e.spec->version));
    }
    CHECK(kept == std::set<std::string>{"jiangsu-project v1", "nantong-project v1", "suzhou-project v1", "yuanjiang-department v1",
                                        "yuanjiang-project v1"});
    for (const auto& e : registry.entries()) {
        REQUIRE(e.ok());
        // Every version below the current one is kept, and has a step to the next.
        for (int v = 1; v < e.spec->version; ++v) {
            CHECK(registry.find(e.spec->id, v)->version == v);
            CHECK(registry.migrate_step(e.spec->id, v));
        }
    }
    // A Jiangsu filing of version 1 that left 年度 blank: the step writes the template's year.
    Filing f;
    f.id = 16;
    f.template_id = "jiangsu-project";
    f.template_version = 1;
    f.fields["project_name"] = "政风热线";
    MigrationResult r = migrate_filing(registry, f);
    REQUIRE(r.ok());
    CHECK(r.filing.field("budget_year") == "2024");
    REQUIRE(r.changes.changes.size() == 1);
    CHECK(r.changes.changes[0].kind == ChangeKind::Added);
    CHECK(r.changes.changes[0].to_label == "年度");
    // One that has it keeps it.
    f.fields["budget_year"] = "2023";
    r = migrate_filing(registry, f);
    REQUIRE(r.ok());
    CHECK(r.filing.field("budget_year") == "2023");
    CHECK(r.changes.changes.empty());
}
