// `formwork report` (issue 19) read back as a reader would: the overview of the seeds through
// pdftotext and unzip agrees with `formwork check --json`, names every department, is the same
// file twice; and a warning the reviewer accepted stops counting until its value is edited.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "run_cli.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "store/review_store.h"

namespace {

const std::string kSeeds = FORMWORK_SEEDS_DIR;

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/formwork-report-cli-XXXXXX";
        REQUIRE(mkdtemp(tmpl));
        path = tmpl;
    }
    ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
    std::string file(const std::string& name) const { return path + "/" + name; }
};

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

std::string seed_db(const TempDir& dir) {
    const std::string db = dir.file("seeds.db");
    const auto r = run_cli({"import", "--db", db, kSeeds + "/000_0fc43aa88057eaed.txt", kSeeds + "/001_e8aa0500ee62ffd0.txt",
                            kSeeds + "/002_be243faf42b34df7.txt", kSeeds + "/003_e71277c5732aaa08.txt",
                            kSeeds + "/004_69cafeba3764958f.txt"});
    REQUIRE(r.exit_code == 0);
    return db;
}

std::string without_spaces(std::string s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\f') out += c;
    return out;
}

// The number in column B of the summary sheet's row `row` (汇总: 2 filings, 3 errors,
// 4 warnings, 5 infos, 6 accepted).
long summary_cell(const std::string& xlsx, int row) {
    const std::string sheet = shell("unzip -p '" + xlsx + "' xl/worksheets/sheet1.xml");
    std::smatch m;
    REQUIRE(std::regex_search(sheet, m, std::regex("<c r=\"B" + std::to_string(row) + "\"[^>]*><v>([0-9]+)</v>")));
    return std::stol(m[1]);
}

nlohmann::json check_summary(const std::string& db) {
    const auto r = run_cli({"check", "--db", db, "--json"});
    return nlohmann::json::parse(r.out)["summary"];
}

}  // namespace

TEST_CASE("cli-report-1.1 the overview of the seeds agrees with formwork check and names every department") {
    TempDir dir;
    const std::string db = seed_db(dir);
    const auto summary = check_summary(db);
    REQUIRE(summary["filings"] == 30);
    const long errors = summary["severities"]["error"], warnings = summary["severities"]["warning"];

    REQUIRE(run_cli({"report", "--db", db, "--all", "--format", "pdf", "-o", dir.file("a.pdf")}).exit_code == 0);
    const std::string text = shell("pdftotext -layout -enc UTF-8 '" + dir.file("a.pdf") + "' -");
    CHECK_THAT(text, Catch::Contains("预算绩效目标审核情况汇总"));
    CHECK_THAT(without_spaces(text), Catch::Contains("30份" + std::to_string(errors) + std::to_string(warnings)));
    CHECK(std::regex_search(text, std::regex("30 份 +" + std::to_string(errors) + " +" + std::to_string(warnings) + " ")));
    std::set<std::string> departments;
    {
        auto database = formwork::store::Database::open(db, formwork::store::OpenMode::ReadOnly);
        formwork::store::FilingStore store(database);
        store.for_each([&](const formwork::Filing& f) {
            for (const char* id : {"department_name", "department", "implementing_unit"})
                if (!f.field(id).empty()) {
                    departments.insert(f.field(id));
                    break;
                }
        });
    }
    CHECK(departments.size() >= 5);
    for (const auto& d : departments) {
        INFO(d);
        CHECK_THAT(without_spaces(text), Catch::Contains(without_spaces(d)));
    }
    // One page per filing after the overview, each with a verdict.
    std::size_t verdicts = 0;
    for (std::size_t at = 0; (at = text.find("建议审核意见", at)) != std::string::npos; ++at) ++verdicts;
    CHECK(verdicts == 30);

    REQUIRE(run_cli({"report", "--db", db, "--all", "--format", "xlsx", "-o", dir.file("a.xlsx")}).exit_code == 0);
    CHECK(summary_cell(dir.file("a.xlsx"), 2) == 30);
    CHECK(summary_cell(dir.file("a.xlsx"), 3) == errors);
    CHECK(summary_cell(dir.file("a.xlsx"), 4) == warnings);
    const std::string strings = without_spaces(shell("unzip -p '" + dir.file("a.xlsx") + "' xl/sharedStrings.xml"));
    for (const auto& d : departments) CHECK_THAT(strings, Catch::Contains(without_spaces(d)));
    CHECK(shell("unzip -Z1 '" + dir.file("a.xlsx") + "'").find("xl/charts/chart1.xml") != std::string::npos);

    // Reproducible: the same database gives the same bytes.
    REQUIRE(run_cli({"report", "--db", db, "--all", "--format", "pdf", "-o", dir.file("b.pdf")}).exit_code == 0);
    CHECK(slurp(dir.file("a.pdf")) == slurp(dir.file("b.pdf")));
    const auto again = run_cli({"report", "--db", db, "--all", "--format", "xlsx", "-o", dir.file("b.xlsx")});
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(slurp(dir.file("a.xlsx")) == slurp(dir.file("b.xlsx")));
}

TEST_CASE("cli-report-1.2 one filing: title, verdict and usage errors") {
    TempDir dir;
    const std::string db = seed_db(dir);
    REQUIRE(run_cli({"report", "--db", db, "--filing", "17", "--format", "pdf", "-o", dir.file("f.pdf")}).exit_code == 0);
    const std::string text = shell("pdftotext -raw -enc UTF-8 '" + dir.file("f.pdf") + "' -");
    CHECK_THAT(text, Catch::Contains("政务服务信息系统运行维护费用"));
    CHECK_THAT(text, Catch::Contains("建议审核意见"));
    CHECK(text.find("审核情况汇总") == std::string::npos);
    CHECK(run_cli({"report", "--db", db, "--format", "pdf", "-o", dir.file("x.pdf")}).exit_code == 2);
    CHECK(run_cli({"report", "--db", db, "--all", "--format", "doc", "-o", dir.file("x.pdf")}).exit_code == 2);
}

TEST_CASE("cli-report-1.5 --error-verdict: a filing with an error is sent back by default, or passed once amended") {
    TempDir dir;
    const std::string db = seed_db(dir);
    const auto r = run_cli({"check", "--db", db, "--filing", "17", "--json"});
    REQUIRE(nlohmann::json::parse(r.out)["summary"]["severities"]["error"].get<long>() > 0);
    auto verdict = [&](std::vector<std::string> extra) {
        std::vector<std::string> args = {"report", "--db", db, "--filing", "17", "--format", "pdf", "-o", dir.file("v.pdf")};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto run = run_cli(args);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        const std::string text = without_spaces(shell("pdftotext -raw -enc UTF-8 '" + dir.file("v.pdf") + "' -"));
        const auto at = text.find("建议审核意见");
        REQUIRE(at != std::string::npos);
        return text.substr(at + std::string("建议审核意见").size(), 15);
    };
    CHECK_THAT(verdict({}), Catch::StartsWith("退回"));
    CHECK_THAT(verdict({"--error-verdict", "return"}), Catch::StartsWith("退回"));
    CHECK_THAT(verdict({"--error-verdict", "修改后通过"}), Catch::StartsWith("修改后通过"));
    CHECK_THAT(verdict({"--error-verdict", "amend"}), Catch::StartsWith("修改后通过"));
    CHECK(run_cli({"report", "--db", db, "--filing", "17", "--format", "pdf", "-o", dir.file("x.pdf"), "--error-verdict", "通过"}).exit_code == 2);
}

TEST_CASE("cli-report-1.3 an accepted warning stops counting and comes back when its value is edited") {
    TempDir dir;
    const std::string db = seed_db(dir);
    const auto findings = nlohmann::json::parse(run_cli({"check", "--db", db, "--json"}).out)["findings"];
    nlohmann::json warning;
    for (const auto& f : findings)
        if (f["severity"] == "warning" && f["check"] == "target-placeholder") {
            warning = f;
            break;
        }
    REQUIRE(warning.is_object());
    const std::int64_t id = warning["filing"];
    const std::string check = warning["check"], path = warning["path"];
    const long warnings = check_summary(db)["severities"]["warning"];
    {
        auto database = formwork::store::Database::open(db, formwork::store::OpenMode::CreateOrOpen);
        formwork::store::FilingStore store(database);
        formwork::store::ReviewStore reviews(database);
        reviews.accept(store.load(id), check, path);
        reviews.set_note(id, "", "", "请补充指标值的测算依据。");
    }
    REQUIRE(run_cli({"report", "--db", db, "--all", "--format", "xlsx", "-o", dir.file("a.xlsx")}).exit_code == 0);
    CHECK(summary_cell(dir.file("a.xlsx"), 4) == warnings - 1);
    CHECK(summary_cell(dir.file("a.xlsx"), 6) == 1);
    CHECK_THAT(shell("unzip -p '" + dir.file("a.xlsx") + "' xl/sharedStrings.xml"), Catch::Contains("请补充指标值的测算依据。"));
    // `formwork check` is not changed by a mark.
    CHECK(check_summary(db)["severities"]["warning"] == warnings);

    {
        // An edit of the value (a trailing space: the warning still holds) brings it back.
        auto database = formwork::store::Database::open(db, formwork::store::OpenMode::CreateOrOpen);
        formwork::store::FilingStore store(database);
        formwork::Filing f = store.load(id);
        std::smatch m;
        REQUIRE(std::regex_match(path, m, std::regex("i/([0-9]+)/(name|t/(.+))")));
        formwork::Filing edited = f;
        auto& indicator = edited.indicators.at(std::stoul(m[1]));
        if (m[2] == "name") indicator.name += " ";
        else indicator.targets[m[3]] += " ";
        formwork::store::SaveInfo info;
        for (const auto& summary : store.list())
            if (summary.id == id) {
                info.title = summary.title;
                info.year = summary.year;
            }
        info.summary = "edit";
        store.save(edited, info);
    }
    const auto again = run_cli({"report", "--db", db, "--all", "--format", "xlsx", "-o", dir.file("b.xlsx")});
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(summary_cell(dir.file("b.xlsx"), 4) == warnings);
    CHECK(summary_cell(dir.file("b.xlsx"), 6) == 0);
}

TEST_CASE("cli-report-1.4 formwork review sets and lists the marks the report reads") {
    TempDir dir;
    const std::string db = seed_db(dir);
    CHECK(run_cli({"review", "--db", db, "--filing", "1", "--note", "资金测算依据不足。"}).exit_code == 0);
    CHECK(run_cli({"review", "--db", db, "--filing", "1", "--check", "x", "--path", "f/title", "--accept"}).exit_code == 0);
    const auto listed = run_cli({"review", "--db", db, "--filing", "1"});
    CHECK(listed.exit_code == 0);
    CHECK_THAT(listed.out, Catch::Contains("资金测算依据不足。"));
    CHECK_THAT(listed.out, Catch::Contains("f/title"));
    CHECK(run_cli({"review", "--db", db, "--filing", "1", "--accept"}).exit_code == 2);
    REQUIRE(run_cli({"report", "--db", db, "--filing", "1", "--format", "pdf", "-o", dir.file("f.pdf")}).exit_code == 0);
    CHECK_THAT(shell("pdftotext -raw -enc UTF-8 '" + dir.file("f.pdf") + "' -"), Catch::Contains("资金测算依据不足。"));
}
