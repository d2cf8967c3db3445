// `formwork export` as scripts see it: every format from a database of the real seeds, exit
// codes 0/1/2, no output file after a failure, and the JSON round trip through `formwork
// import` (a re-imported database exports byte for byte the same JSON).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_cli.h"
#include "store/database.h"
#include "store/filing_store.h"

namespace {

const std::string kSeeds = FORMWORK_SEEDS_DIR;

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/formwork-export-cli-XXXXXX";
        REQUIRE(mkdtemp(tmpl));
        path = tmpl;
    }
    ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
    std::string file(const std::string& name) const { return path + "/" + name; }
};

bool exists(const std::string& path) { return access(path.c_str(), F_OK) == 0; }

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string shell(const std::string& command) {
    FILE* p = popen(command.c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
    return out;
}

// A database holding the 30 filings of the five seed documents.
std::string seed_db(const TempDir& dir) {
    const std::string db = dir.file("seeds.db");
    const auto r = run_cli({"import", "--db", db, kSeeds + "/000_0fc43aa88057eaed.txt", kSeeds + "/001_e8aa0500ee62ffd0.txt",
                            kSeeds + "/002_be243faf42b34df7.txt", kSeeds + "/003_e71277c5732aaa08.txt",
                            kSeeds + "/004_69cafeba3764958f.txt"});
    REQUIRE(r.exit_code == 0);
    return db;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += what.size()) ++n;
    return n;
}

}  // namespace

TEST_CASE("cli-export-1.1 --all in each format from a database of the seeds") {
    TempDir dir;
    const std::string db = seed_db(dir);
    for (const char* format : {"xlsx", "pdf", "json", "csv"}) {
        INFO(format);
        const std::string out = dir.file(std::string("all.") + format);
        const auto r = run_cli({"export", "--db", db, "--all", "--format", format, "-o", out});
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.out, Catch::Contains("30"));
        CHECK(exists(out));
    }
    CHECK(count(shell("unzip -Z1 '" + dir.file("all.xlsx") + "'"), "xl/worksheets/sheet") == 30);
    CHECK(count(shell("pdftotext -raw -enc UTF-8 '" + dir.file("all.pdf") + "' -"), "第 1 页 / 共") == 30);
    const auto doc = nlohmann::json::parse(slurp(dir.file("all.json")));
    CHECK(doc["filings"].size() == 30);
    CHECK(slurp(dir.file("all.csv")).rfind("\xEF\xBB\xBF填报编号,模板,区块,行,列,值,路径\r\n", 0) == 0);
}

TEST_CASE("cli-export-1.2 one filing: its figures in the PDF's text and the xlsx's cells") {
    TempDir dir;
    const std::string db = seed_db(dir);
    // Filing 17: Jiangsu, 政务服务信息系统运行维护费用, total 1239.92.
    REQUIRE(run_cli({"export", "--db", db, "--filing", "17", "--format", "pdf", "-o", dir.file("f.pdf")}).exit_code == 0);
    const std::string text = shell("pdftotext -raw -enc UTF-8 '" + dir.file("f.pdf") + "' -");
    CHECK_THAT(text, Catch::Contains("政务服务信息系统运行维护费用"));
    CHECK_THAT(text, Catch::Contains("1239.92"));
    REQUIRE(run_cli({"export", "--db", db, "--filing=17", "--format=xlsx", "--output", dir.file("f.xlsx")}).exit_code == 0);
    const std::string sheet = shell("unzip -p '" + dir.file("f.xlsx") + "' xl/worksheets/sheet1.xml");
    CHECK_THAT(sheet, Catch::Contains("<v>1239.92</v>"));
}

TEST_CASE("cli-export-1.3 a JSON export imports back exactly: exporting the copy gives the same JSON") {
    TempDir dir;
    const std::string db = seed_db(dir);
    REQUIRE(run_cli({"export", "--db", db, "--all", "--format", "json", "-o", dir.file("a.json")}).exit_code == 0);
    const auto imported = run_cli({"import", "--db", dir.file("copy.db"), dir.file("a.json")});
    CHECK(imported.exit_code == 0);
    CHECK_THAT(imported.out, Catch::Contains("30"));
    REQUIRE(run_cli({"export", "--db", dir.file("copy.db"), "--all", "--format", "json", "-o", dir.file("b.json")}).exit_code == 0);
    CHECK(slurp(dir.file("a.json")) == slurp(dir.file("b.json")));
    // A broken JSON file fails alone, naming where, and stores nothing.
    std::ofstream(dir.file("bad.json")) << R"({"format": "formwork-filings", "format_version": 1, "filings": [{"template": 3}]})";
    const auto bad = run_cli({"import", "--db", dir.file("copy.db"), dir.file("bad.json")});
    CHECK(bad.exit_code == 1);
    CHECK_THAT(bad.err, Catch::Contains("/filings/0/template"));
}

TEST_CASE("cli-export-1.4 usage errors exit 2, failures exit 1, and no file is written") {
    TempDir dir;
    const std::string db = seed_db(dir);
    const std::string out = dir.file("out.pdf");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"export", "--all", "--format", "pdf", "-o", out},                                // no --db
             {"export", "--db", db, "--format", "pdf", "-o", out},                             // neither --filing nor --all
             {"export", "--db", db, "--all", "--filing", "1", "--format", "pdf", "-o", out},   // both
             {"export", "--db", db, "--all", "--format", "docx", "-o", out},                   // unknown format
             {"export", "--db", db, "--all", "--format", "pdf"},                               // no output
             {"export", "--db", db, "--filing", "x1", "--format", "pdf", "-o", out},           // not an id
             {"export", "--db", db, "--all", "--format", "pdf", "-o", out, "--bogus"},         // unknown flag
             {"export", "--db", db, "--all", "--format", "pdf", "-o", out, "extra"},           // stray argument
         }) {
        const auto r = run_cli(args);
        INFO(r.err);
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.err, Catch::Contains("formwork export"));
    }
    const auto missing_db = run_cli({"export", "--db", dir.file("none.db"), "--all", "--format", "pdf", "-o", out});
    CHECK(missing_db.exit_code == 1);
    CHECK_THAT(missing_db.err, Catch::Contains(dir.file("none.db")));
    const auto missing_filing = run_cli({"export", "--db", db, "--filing", "999", "--format", "pdf", "-o", out});
    CHECK(missing_filing.exit_code == 1);
    CHECK_THAT(missing_filing.err, Catch::Contains("999"));
    const auto bad_folder = run_cli({"export", "--db", db, "--all", "--format", "xlsx", "-o", dir.file("no/such/dir.xlsx")});
    CHECK(bad_folder.exit_code == 1);
    CHECK_THAT(bad_folder.err, Catch::Contains(dir.file("no/such/dir.xlsx")));
    CHECK_FALSE(exists(out));
}

TEST_CASE("cli-export-1.5 a filing whose template is not installed: data formats work, layouts refuse") {
    TempDir dir;
    const std::string db = dir.file("orphan.db");
    {
        auto database = formwork::store::Database::open(db, formwork::store::OpenMode::CreateOrOpen);
        formwork::store::FilingStore store(database);
        formwork::Filing f;
        f.template_id = "retired-template";
        f.template_version = 2;
        f.fields["project_name"] = "旧项目";
        store.save(f, {"旧项目", "2020", "test"});
    }
    CHECK(run_cli({"export", "--db", db, "--all", "--format", "json", "-o", dir.file("o.json")}).exit_code == 0);
    CHECK(run_cli({"export", "--db", db, "--all", "--format", "csv", "-o", dir.file("o.csv")}).exit_code == 0);
    const auto r = run_cli({"export", "--db", db, "--all", "--format", "xlsx", "-o", dir.file("o.xlsx")});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("retired-template"));
    CHECK_FALSE(exists(dir.file("o.xlsx")));
    // An empty database has nothing to export.
    const std::string empty = dir.file("empty.db");
    formwork::store::Database::open(empty, formwork::store::OpenMode::CreateOrOpen);
    CHECK(run_cli({"export", "--db", empty, "--all", "--format", "json", "-o", dir.file("e.json")}).exit_code == 1);
    CHECK_FALSE(exists(dir.file("e.json")));
}
