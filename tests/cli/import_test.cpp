// `formwork import`, `list` and `show` as scripts see them: exit codes, the JSON keys,
// each file all or nothing, also in bulk (a bad file leaves nothing, the others still import), --dry-run.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "run_cli.h"

namespace {

const std::string kSeeds = FORMWORK_SEEDS_DIR;

std::vector<std::string> seeds() {
    return {kSeeds + "/000_0fc43aa88057eaed.txt", kSeeds + "/001_e8aa0500ee62ffd0.txt", kSeeds + "/002_be243faf42b34df7.txt",
            kSeeds + "/003_e71277c5732aaa08.txt", kSeeds + "/004_69cafeba3764958f.txt"};
}

// A fresh directory for one test's database, removed with its files at the end.
struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/formwork-import-XXXXXX";
        REQUIRE(mkdtemp(tmpl));
        path = tmpl;
    }
    ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
    std::string file(const std::string& name) const { return path + "/" + name; }
};

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

bool exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

void raw_exec(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

}  // namespace

TEST_CASE("cli-4.1 import stores the 30 seed filings and list --json gives id, title, template, year, total, expense_total") {
    TempDir dir;
    const std::string db = dir.file("seeds.db");
    const auto r = run_cli(with({"import", "--db", db}, seeds()));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("导入 30 份填报，来自 5 个文件"));
    CHECK_THAT(r.out, Catch::Contains("信息化管理专项经费  (nantong-project)  总额 18"));
    CHECK_THAT(r.out, Catch::Contains("未能放置 " + kSeeds + "/001_e8aa0500ee62ffd0.txt:830: 17"));

    const auto l = run_cli({"list", "--db", db, "--json"});
    CHECK(l.exit_code == 0);
    const auto list = nlohmann::json::parse(l.out);
    REQUIRE(list.size() == 30);
    for (const auto& j : list) {
        CHECK(j.size() == 6);
        for (const char* key : {"id", "title", "template", "year", "total", "expense_total"}) CHECK(j.contains(key));
    }
    CHECK(list[0] == nlohmann::json{{"id", 1}, {"title", "信息化管理专项经费"}, {"template", "nantong-project"},
                                    {"year", 2024}, {"total", "18"}, {"expense_total", "19"}});
    CHECK(list[4]["title"] == "中共沅江市委网络安全和信息化委员会办公室");
    CHECK(list[4]["total"] == "109.04");
    CHECK(list[4]["expense_total"].is_null());
    CHECK(list[16]["total"] == "1239.92");
    CHECK(list[20]["template"] == "hebei-department");
    CHECK(list[20]["total"].is_null());
    CHECK(list[21]["total"] == "6.80");
    CHECK(list[21]["year"] == 2022);

    const auto plain = run_cli({"--lang", "en", "list", "--db", db});
    CHECK(plain.exit_code == 0);
    CHECK_THAT(plain.out, Catch::Contains("30 filings"));
}

TEST_CASE("cli-4.2 show prints one filing whole and --json has its fields, tables, indicators and notes") {
    TempDir dir;
    const std::string db = dir.file("seeds.db");
    REQUIRE(run_cli(with({"import", "--db", db}, seeds())).exit_code == 0);
    const auto s = run_cli({"show", "--db", db, "12", "--json"});
    CHECK(s.exit_code == 0);
    const auto j = nlohmann::json::parse(s.out);
    CHECK(j["title"] == "B网评员培训经费");
    CHECK(j["fields"]["annual_budget"] == "3.2");
    CHECK(j["indicators"].size() == 9);
    CHECK(j["indicators"][0]["targets"]["value"] == "≥1次");
    REQUIRE(j["notes"].size() == 1);
    CHECK(j["notes"][0]["kind"] == "import");
    const auto text = run_cli({"show", "--db", db, "1"});
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("资金总额  全年（程）预算数：18"));
    CHECK_THAT(text.out, Catch::Contains("产出指标 / 数量指标 / 网络安全监测服务"));
    const auto missing = run_cli({"show", "--db", db, "99"});
    CHECK(missing.exit_code == 1);
    CHECK(run_cli({"show", "--db", db, "x"}).exit_code == 2);
}

TEST_CASE("cli-4.3 a bad file fails alone: the others import, nothing of it is stored, exit 1, a cut-off form is refused, its file's complete one taken") {
    TempDir dir;
    const std::string db = dir.file("mixed.db");
    const std::string empty = dir.file("empty.txt"), cut = dir.file("cut.txt");
    std::ofstream(empty).close();
    {
        std::ifstream in(seeds()[0]);
        std::ofstream out(cut);
        std::string line;
        for (int n = 0; n < 70 && std::getline(in, line); ++n) out << line << "\n";  // stops in the 2nd form's funds
    }
    const auto r = run_cli({"import", "--db", db, seeds()[2], empty, cut, seeds()[3]});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(empty + ": 文件是空的"));
    CHECK_THAT(r.err, Catch::Contains(cut + ":70: 未导入这份表格：文件在第 70 行中断"));
    CHECK_THAT(r.out, Catch::Contains("导入 9 份填报，来自 3 个文件；1 个文件失败；1 份表格未导入"));
    const auto list = nlohmann::json::parse(run_cli({"list", "--db", db, "--json"}).out);
    CHECK(list.size() == 9);  // 3 Suzhou + the complete first Nantong form of the cut file + 5 Jiangsu
}

TEST_CASE("cli-4.4 import --dry-run writes nothing and --json reports files, filings and unplaced cells") {
    TempDir dir;
    const std::string db = dir.file("never.db");
    const auto r = run_cli(with({"import", "--db", db, "--dry-run", "--json"}, seeds()));
    CHECK(r.exit_code == 0);
    CHECK_FALSE(exists(db));
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["filings"] == 30);
    CHECK(j["failed"] == 0);
    CHECK(j["dry_run"] == true);
    REQUIRE(j["files"].size() == 5);
    const auto& yuanjiang = j["files"][1];
    CHECK(yuanjiang["ok"] == true);
    REQUIRE(yuanjiang["filings"].size() == 8);
    CHECK(yuanjiang["filings"][0]["id"].is_null());
    CHECK(yuanjiang["filings"][7]["unplaced"] == nlohmann::json::array({{{"line", 830}, {"text", "17"}}}));
    // --dry-run needs no database at all.
    CHECK(run_cli({"import", "--dry-run", seeds()[2]}).exit_code == 0);
}

TEST_CASE("cli-4.5 import usage errors exit 2") {
    CHECK(run_cli({"import", "--db", "/tmp/formwork-x.db"}).exit_code == 2);                     // no files
    CHECK(run_cli({"import", seeds()[0]}).exit_code == 2);                                       // no --db
    CHECK(run_cli({"import", "--db", "/tmp/formwork-x.db", "--bogus", seeds()[0]}).exit_code == 2);
    const auto r = run_cli({"import", "--dry-run", "--template", "no-such", seeds()[0]});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("no-such"));
    CHECK(run_cli({"list"}).exit_code == 2);
    CHECK(run_cli({"show", "--db", "/tmp/formwork-x.db"}).exit_code == 2);
    CHECK_FALSE(exists("/tmp/formwork-x.db"));
}

TEST_CASE("cli-4.9 money written with a unit: 250万 in a 万元 form is 250 万元, and a ≤300万元 cap over it is reported (#11)") {
    // 金寨's 申报表 (samples/corpus/14) with its budget written "250万" and the cost cap ≤300万元.
    std::ifstream in(FORMWORK_SOURCE_DIR "/samples/corpus/14_anhui-jinzhai-devzone-property-2021.txt");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string page = ss.str();
    auto variant = [&](const std::string& budget) {
        std::string s = page;
        auto replace = [&](const std::string& from, const std::string& to) {
            const auto at = s.find(from);
            REQUIRE(at != std::string::npos);
            s.replace(at, from.size(), to);
        };
        replace("年度资金总额: 1125", "年度资金总额: " + budget);
        replace("其中:财政拨款 1125", "其中:财政拨款 " + budget);
        replace("≤1125万元", "≤300万元");
        return s;
    };
    TempDir dir;
    auto check_of = [&](const std::string& budget, const std::string& name) {
        const std::string file = dir.file(name + ".txt"), db = dir.file(name + ".db");
        std::ofstream(file) << variant(budget);
        const auto imported = run_cli({"import", "--db", db, "--json", file});
        INFO(imported.err);
        REQUIRE(imported.exit_code == 0);
        const auto j = nlohmann::json::parse(imported.out);
        const auto& filing = j["files"][0]["filings"][0];
        CHECK(filing["total"] == "250");
        const auto r = run_cli({"check", "--db", db, "--json"});
        INFO(r.err);
        REQUIRE(r.exit_code == 1);
        std::vector<std::string> caps;
        const auto report = nlohmann::json::parse(r.out);
        for (const auto& f : report["findings"])
            if (f["check"] == "cost-cap-within-budget") caps.push_back(f["message"].get<std::string>());
        return std::make_pair(filing, caps);
    };
    const auto [with_unit, caps_with_unit] = check_of("250万", "unit");
    const auto [plain, caps_plain] = check_of("250", "plain");
    REQUIRE(caps_with_unit.size() == 1);
    CHECK_THAT(caps_with_unit[0], Catch::Contains("≤300万元") && Catch::Contains("250") && Catch::Contains("多 50 万元"));
    CHECK(caps_with_unit == caps_plain);  // exactly as when the budget is filed as "250"
    // The conversion is said, with the text as filed.
    REQUIRE(with_unit["conversions"].size() == 2);
    CHECK_THAT(with_unit["conversions"][0]["text"].get<std::string>(), Catch::Contains("“250万” 换算为 250（万元）"));
    CHECK(plain["conversions"].empty());
}

TEST_CASE("cli-4.10 in a bulk import a file the database refuses fails alone: its savepoint is undone, the files before and after it are kept") {
    TempDir dir;
    const std::string db = dir.file("bulk.db"), control = dir.file("control.db");
    REQUIRE(run_cli({"import", "--db", db, seeds()[1]}).exit_code == 0);
    const std::size_t first = nlohmann::json::parse(run_cli({"list", "--db", db, "--json"}).out).size();
    // The database itself refuses the Jiangsu filings (seed 003): the save fails inside the
    // bulk transaction, after other files were saved in it.
    raw_exec(db, "CREATE TRIGGER refuse_jiangsu BEFORE INSERT ON filings WHEN NEW.template_id LIKE 'jiangsu%'"
                 " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
    const auto r = run_cli({"import", "--db", db, "--json", seeds()[2], seeds()[3], seeds()[0]});
    CHECK(r.exit_code == 1);
    const auto out = nlohmann::json::parse(r.out);
    REQUIRE(out["files"].size() == 3);
    CHECK(out["files"][0]["ok"] == true);
    CHECK(out["files"][1]["ok"] == false);
    CHECK_THAT(out["files"][1]["error"].get<std::string>(), Catch::Contains("refused by the test"));
    CHECK(out["files"][1]["filings"].empty());
    CHECK(out["files"][2]["ok"] == true);
    CHECK(out["failed"] == 1);

    REQUIRE(run_cli({"import", "--db", control, seeds()[2], seeds()[0]}).exit_code == 0);
    const auto kept = nlohmann::json::parse(run_cli({"list", "--db", db, "--json"}).out);
    const auto expected = nlohmann::json::parse(run_cli({"list", "--db", control, "--json"}).out);
    CHECK(kept.size() == first + expected.size());
    for (const auto& f : kept) CHECK(f["template"].get<std::string>().rfind("jiangsu", 0) != 0);
    // Every stored filing is whole: the checks read them all.
    CHECK(run_cli({"check", "--db", db}).exit_code != 2);
}

TEST_CASE("cli-4.11 more files than one bulk transaction holds: all are stored, listed in file order with their ids in order") {
    TempDir dir;
    const std::string db = dir.file("many.db");
    std::vector<std::string> files;
    for (int i = 0; i < 300; ++i) {
        const std::string f = dir.file("copy" + std::to_string(1000 + i) + ".txt");
        std::ifstream in(seeds()[2], std::ios::binary);
        std::ofstream(f, std::ios::binary) << in.rdbuf();
        files.push_back(f);
    }
    const auto r = run_cli(with({"import", "--db", db}, files));
    REQUIRE(r.exit_code == 0);
    // Each file's line, in the order given, each followed by its filings with rising ids.
    std::size_t at = 0;
    long last_id = 0;
    for (const auto& f : files) {
        const std::size_t p = r.out.find(f + "  (", at);
        REQUIRE(p != std::string::npos);
        at = p + f.size();
        const std::size_t hash = r.out.find("  #", at);
        REQUIRE(hash != std::string::npos);
        const long id = std::stol(r.out.substr(hash + 3));
        CHECK(id > last_id);
        last_id = id;
    }
    const auto list = nlohmann::json::parse(run_cli({"list", "--db", db, "--json"}).out);
    CHECK(list.size() == 300 * 3);
    CHECK(list.back()["id"] == last_id + 2);
}
