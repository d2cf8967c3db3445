// cli-migrate-*: issue 18's "done when" through the command line. Filings stored under
// version 1 of a template (tests/fixtures/versions), the template changed to version 2 (a
// column added, a row renamed, a field split, a field dropped) with version 1 kept in
// earlier/: old filings show, check and export under version 1; `migrate --dry-run` changes
// nothing; `migrate` puts every value where version 2 expects it or in a note, as a new
// revision whose predecessor restores the filing as it was; `copy --next-year`; and the
// shipped templates' step from version 1 on a seed filing stamped version 1.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/filing_cells.h"
#include "run_cli.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "temp_dir.h"
#include "user_folder.h"

namespace fs = std::filesystem;
using namespace formwork;
using namespace formwork::test;

namespace {

const fs::path kSource = FORMWORK_SOURCE_DIR;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Three filings of version 1: a contact that splits, one that does not (a name only), and one
// with nothing in the dropped field.
const char* const kFilingsV1 = R"({"format": "formwork-filings", "format_version": 1, "filings": [
 {"template": {"id": "versioned", "version": 1},
  "fields": {"budget_year": "2024", "project_name": "政风热线", "project_period": "2023-2025",
             "contact": "孙卓 025-83660026", "remark": "按季度拨付"},
  "tables": {"funds": [{"cells": {"amount": "18"}}, {"cells": {"amount": "15"}}, {"cells": {"amount": "3"}}],
             "expenses": [{"cells": {"item": "热线运行", "amount": "18"}}]},
  "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "受理件数", "targets": {"value": "≥1000件"}}],
  "notes": [{"kind": "import", "text": "第 3 行未能放置"}]},
 {"template": {"id": "versioned", "version": 1},
  "fields": {"budget_year": "2024", "project_name": "信息化运维", "contact": "王五"},
  "tables": {"funds": [{"cells": {"amount": "9"}}, {"cells": {"amount": "9"}}, {"cells": {"amount": "0"}}]}},
 {"template": {"id": "versioned", "version": 1},
  "fields": {"budget_year": "2024", "project_name": "档案数字化", "project_period": "2024", "contact": "李四 0513-1234567"},
  "tables": {"funds": [{"cells": {"amount": "5"}}, {"cells": {"amount": "5"}}, {"cells": {"amount": ""}}]}}
]})";

struct Setup {
    TempDir dir;
    UserFolder user;
    std::string db = dir.file("versions.db");

    // The filings stored while version 1 is the current one, then version 2 installed with
    // version 1 kept in earlier/.
    Setup() {
        user.write("templates", "versioned", slurp(kSource / "tests/fixtures/versions/versioned_v1.lua"));
        std::ofstream(dir.file("v1.json")) << kFilingsV1;
        const auto r = run_cli({"import", "--db", db, dir.file("v1.json")}, user.env());
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        user.write("templates", "versioned", slurp(kSource / "tests/fixtures/versions/versioned_v2.lua"));
        fs::create_directories(user.root / "formwork/templates/earlier");
        std::ofstream(user.root / "formwork/templates/earlier/versioned_v1.lua") << slurp(kSource / "tests/fixtures/versions/versioned_v1.lua");
    }

    CliResult run(std::vector<std::string> args) const { return run_cli(args, user.env()); }

    std::vector<Filing> filings() const {
        auto database = store::Database::open(db, store::OpenMode::ReadOnly);
        store::FilingStore store(database);
        std::vector<Filing> out;
        store.for_each([&](const Filing& f) { out.push_back(f); });
        return out;
    }
};

// Every non-blank value of `before` is in `after`: as a value, inside a note, or (a split) as
// values that together make it.
void every_value_kept(const Filing& before, const Filing& after) {
    const FilingCells old_cells = to_cells(before), new_cells = to_cells(after);
    std::vector<std::string> texts, notes;
    for (const auto& [path, text] : new_cells) (path.rfind("n/", 0) == 0 ? notes : texts).push_back(text);
    for (const auto& [path, text] : old_cells) {
        const bool note_kind = path.rfind("n/", 0) == 0 && path.find("/kind") != std::string::npos;
        if (text.empty() || path.find('#') != std::string::npos || note_kind) continue;
        INFO(path << " = " << text);
        bool kept = std::find(texts.begin(), texts.end(), text) != texts.end();
        for (const auto& n : notes) kept = kept || n.find(text) != std::string::npos;
        if (!kept) {  // a split: parts found among the new values
            std::string rest = text;
            for (const auto& t : texts)
                if (!t.empty() && t.size() < text.size())
                    if (const auto at = rest.find(t); at != std::string::npos) rest.replace(at, t.size(), "");
            kept = rest.find_first_not_of(" ") == std::string::npos;
        }
        CHECK(kept);
    }
}

}  // namespace

TEST_CASE("cli-migrate-1.1 old filings show, check and export under version 1, and --dry-run writes nothing") {
    Setup s;
    const auto before = s.filings();
    REQUIRE(before.size() == 3);
    CHECK(before[0].template_version == 1);

    const auto show = s.run({"show", "--db", s.db, "1"});
    CHECK(show.out.find("versioned v1") != std::string::npos);
    CHECK(show.out.find("联系人及电话：孙卓 025-83660026") != std::string::npos);  // version 1's own label
    CHECK(show.out.find("其他说明：按季度拨付") != std::string::npos);
    const auto xlsx = s.run({"export", "--db", s.db, "--all", "--format", "xlsx", "-o", s.dir.file("v1.xlsx")});
    CHECK(xlsx.exit_code == 0);
    CHECK(xlsx.err.find("not kept") == std::string::npos);
    CHECK(xlsx.err.find("未保留") == std::string::npos);  // laid out with version 1, which is kept
    const auto check = s.run({"check", "--db", s.db, "--json"});
    CHECK(nlohmann::json::parse(check.out)["summary"]["skipped_filings"] == 0);

    const auto main_file = slurp(s.db);
    const auto dry = s.run({"migrate", "--db", s.db, "--dry-run", "--json"});
    INFO(dry.err);
    REQUIRE(dry.exit_code == 0);
    const auto j = nlohmann::json::parse(dry.out);
    CHECK(j["dry_run"] == true);
    CHECK(j["summary"]["would_migrate"] == 3);
    CHECK(j["summary"]["migrated"] == 0);
    REQUIRE(j["filings"].size() == 3);
    for (const auto& f : j["filings"]) {
        CHECK(f["status"] == "would_migrate");
        CHECK(f["from_version"] == 1);
        CHECK(f["to_version"] == 2);
        CHECK(f["revision"].is_null());
    }
    // Nothing changed: the same filings, the same revisions, the same bytes.
    const auto after = s.filings();
    REQUIRE(after.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(after[i].same_content(before[i]));
    CHECK(slurp(s.db) == main_file);
    auto database = store::Database::open(s.db, store::OpenMode::ReadOnly);
    store::FilingStore store(database);
    for (const auto& f : before) CHECK(store.revisions(f.id).size() == 1);
}

TEST_CASE("cli-migrate-1.2 migrate: every value where version 2 expects it or in a note, and the revision before restores it") {
    Setup s;
    const auto before = s.filings();
    const auto r = s.run({"migrate", "--db", s.db, "--json"});
    INFO(r.err << r.out.substr(0, 4000));
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["summary"]["migrated"] == 3);
    const auto& first = j["filings"][0];
    CHECK(first["status"] == "migrated");
    CHECK(first["revision_before"] == 1);
    REQUIRE(first["revision"].is_number());
    std::map<std::string, nlohmann::json> by_kind;
    for (const auto& c : first["changes"]) by_kind[c["kind"].get<std::string>()] = c;
    REQUIRE(by_kind.count("split"));
    CHECK(by_kind["split"]["from_label"] == "联系人及电话");
    CHECK(by_kind["split"]["parts"].size() == 2);
    REQUIRE(by_kind.count("renamed"));
    CHECK(by_kind["renamed"]["value"] == "15");
    CHECK(by_kind["renamed"]["to_label"] == "资金来源 · 一般公共预算资金 · 金额");
    REQUIRE(by_kind.count("noted"));
    CHECK(by_kind["noted"]["value"] == "按季度拨付");

    const auto after = s.filings();
    REQUIRE(after.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        INFO("filing " << before[i].id);
        CHECK(after[i].template_version == 2);
        every_value_kept(before[i], after[i]);
    }
    // Where version 2 expects them.
    CHECK(after[0].field("contact_person") == "孙卓");
    CHECK(after[0].field("contact_phone") == "025-83660026");
    CHECK(after[0].fields.count("remark") == 0);
    CHECK(after[0].tables.at("funds").rows[1].cell("amount") == "15");
    CHECK(after[0].notes.front().text == "第 3 行未能放置");
    // "王五" has no phone to split off: no field of version 2 takes it whole, so it is a note.
    CHECK(after[1].fields.count("contact_person") == 0);
    CHECK(after[1].notes.size() == 1);
    CHECK(after[1].notes[0].text.find("王五") != std::string::npos);
    CHECK(after[2].field("contact_phone") == "0513-1234567");

    // The text report says the same, and a second run has nothing to do.
    const auto again = s.run({"migrate", "--db", s.db});
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("0 份填报已迁移，3 份已是当前版本") != std::string::npos);
    CHECK(s.run({"show", "--db", s.db, "1"}).out.find("联系人：孙卓") != std::string::npos);

    // The revision before the migration brings the filing back as it was (version 1 included).
    {
        auto database = store::Database::open(s.db, store::OpenMode::OpenExisting);
        store::FilingStore store(database);
        const auto revisions = store.revisions(1);
        REQUIRE(revisions.size() == 2);
        CHECK(revisions[0].summary == "迁移到模板第 2 版");
        CHECK(store.restore(1, first["revision_before"].get<std::int64_t>()).changed());
        CHECK(store.load(1).same_content(before[0]));
    }
    CHECK(s.run({"show", "--db", s.db, "1"}).out.find("versioned v1") != std::string::npos);
    const auto one = nlohmann::json::parse(s.run({"migrate", "--db", s.db, "--template", "versioned", "--dry-run", "--json"}).out);
    CHECK(one["summary"]["would_migrate"] == 1);
    CHECK(nlohmann::json::parse(s.run({"migrate", "--db", s.db, "--template", "other", "--json"}).out)["summary"]["current"] == 0);
}

TEST_CASE("cli-migrate-1.3 a step that fails: the filing is named with file:line, the others still move (exit 3)") {
    Setup s;
    std::string v2 = slurp(kSource / "tests/fixtures/versions/versioned_v2.lua");
    v2.replace(v2.find("local person"), 0, "if old.fields.project_name == \"信息化运维\" then error(\"不能迁移\") end\n            ");
    s.user.write("templates", "versioned", v2);
    const auto r = s.run({"migrate", "--db", s.db});
    CHECK(r.exit_code == 3);
    CHECK(r.out.find("#2  信息化运维  versioned  未能迁移") != std::string::npos);
    CHECK(r.out.find("versioned.lua:") != std::string::npos);
    CHECK(r.out.find("2 份填报已迁移") != std::string::npos);
    CHECK(s.filings()[1].template_version == 1);
}

TEST_CASE("cli-migrate-1.4 copy --next-year: year + 1, amounts cleared as the template says, the period checked") {
    Setup s;
    // From an old filing: copied as version 2 holds it, the source left as it is.
    const auto r = s.run({"copy", "--next-year", "--db", s.db, "--json", "1"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["source"] == 1);
    CHECK(j["year"] == 2025);
    CHECK(j["version"] == 2);
    CHECK(j["migrated_from"] == 1);
    CHECK(j["period"]["covers"] == true);
    CHECK(j["notes_left"] == 2);  // the import note and the migration's note of 其他说明 stay with the source
    const auto filings = s.filings();
    REQUIRE(filings.size() == 4);
    const Filing& copy = filings[3];
    CHECK(copy.id == j["id"].get<std::int64_t>());
    CHECK(copy.template_version == 2);
    CHECK(copy.field("budget_year") == "2025");
    CHECK(copy.field("contact_person") == "孙卓");
    CHECK(copy.tables.at("funds").rows[0].cell("amount").empty());  // amounts = "clear"
    CHECK(copy.tables.at("expenses").rows[0].cell("item") == "热线运行");
    CHECK(copy.notes.empty());
    CHECK(filings[0].template_version == 1);
    // Again: the project's 2025 filing exists now.
    const auto twice = s.run({"copy", "--next-year", "--db", s.db, "1"});
    CHECK(twice.exit_code == 1);
    CHECK(twice.err.find("#4") != std::string::npos);
    // 档案数字化's period is 2024 alone: 2025 is outside it, unless --force.
    const auto outside = s.run({"copy", "--next-year", "--db", s.db, "3"});
    CHECK(outside.exit_code == 1);
    CHECK(outside.err.find("2024—2024") != std::string::npos);
    const auto forced = s.run({"copy", "--next-year", "--force", "--db", s.db, "3"});
    CHECK(forced.exit_code == 0);
    CHECK(forced.out.find("已强制创建") != std::string::npos);
    CHECK(s.run({"copy", "--db", s.db, "3"}).exit_code == 2);
}

TEST_CASE("cli-migrate-1.5 a seed filing stamped version 1 of a bumped shipped template: 年度 filled by its step") {
    TempDir dir;
    const std::string db = dir.file("seeds.db");
    REQUIRE(run_cli({"import", "--db", db, std::string(FORMWORK_SEEDS_DIR) + "/003_e71277c5732aaa08.txt"}).exit_code == 0);
    REQUIRE(run_cli({"export", "--db", db, "--filing", "1", "--format", "json", "-o", dir.file("j.json")}).exit_code == 0);
    auto doc = nlohmann::json::parse(slurp(dir.file("j.json")));
    auto& f = doc["filings"][0];
    CHECK(f["template"]["version"] == 2);
    f["template"]["version"] = 1;  // as it was stored before 年度 existed
    f["fields"].erase("budget_year");
    std::ofstream(dir.file("old.json")) << doc.dump();
    const std::string old_db = dir.file("old.db");
    REQUIRE(run_cli({"import", "--db", old_db, dir.file("old.json")}).exit_code == 0);
    CHECK(run_cli({"show", "--db", old_db, "1"}).out.find("jiangsu-project v1") != std::string::npos);
    const auto r = run_cli({"migrate", "--db", old_db});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("新增  年度：2024") != std::string::npos);
    const auto shown = nlohmann::json::parse(run_cli({"show", "--db", old_db, "--json", "1"}).out);
    CHECK(shown["template_version"] == 2);
    CHECK(shown["fields"]["budget_year"] == "2024");
}
