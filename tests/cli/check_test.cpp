// `formwork check`, `checks`, `test-checks` and `lint` of check scripts as scripts see them.
// The main case is issue 5's "done when": the five seeds, imported, checked — every known
// mistake found with its numbers, and no error where the filing is right.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "run_cli.h"

namespace {

const std::string kSeeds = FORMWORK_SEEDS_DIR;

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/formwork-check-XXXXXX";
        REQUIRE(mkdtemp(tmpl));
        path = tmpl;
    }
    ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
    std::string file(const std::string& name) const { return path + "/" + name; }
};

// The seeds imported into a fresh database, once for all the tests of this file.
const std::string& seed_db() {
    static TempDir dir;
    static const std::string db = [] {
        const std::string path = dir.file("seeds.db");
        const auto r = run_cli({"import", "--db", path, kSeeds + "/000_0fc43aa88057eaed.txt", kSeeds + "/001_e8aa0500ee62ffd0.txt",
                                kSeeds + "/002_be243faf42b34df7.txt", kSeeds + "/003_e71277c5732aaa08.txt",
                                kSeeds + "/004_69cafeba3764958f.txt"});
        REQUIRE(r.exit_code == 0);
        return path;
    }();
    return db;
}

nlohmann::json check_json(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"check", "--db", seed_db(), "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_cli(args);
    INFO(r.err);
    REQUIRE((r.exit_code == 0 || r.exit_code == 1));
    return nlohmann::json::parse(r.out);
}

// Findings of one check, as "title | path | message" lines.
std::vector<std::string> findings_of(const nlohmann::json& j, const std::string& check) {
    std::vector<std::string> out;
    for (const auto& f : j["findings"])
        if (f["check"] == check)
            out.push_back(f["filing_title"].get<std::string>() + " | " + f["path"].get<std::string>() + " | " +
                          f["message"].get<std::string>());
    return out;
}

bool any_contains(const std::vector<std::string>& lines, std::initializer_list<const char*> parts) {
    for (const auto& l : lines) {
        bool all = true;
        for (const char* p : parts) all = all && l.find(p) != std::string::npos;
        if (all) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("check-3.1 the seeds: every known mistake is found with its numbers") {
    const auto j = check_json();
    // Rule 2: Nantong expense lines 19 / 28 / 24 against 资金总额 18 / 27 / 22; the fourth adds up.
    const auto expenses = findings_of(j, "expenses-add-up");
    CHECK(expenses.size() == 3);
    CHECK(any_contains(expenses, {"信息化管理专项经费", "t/income/0/full_year", "支出合计 19 ≠ 资金总额 18（差 1）"}));
    CHECK(any_contains(expenses, {"消费者权益保护工作经费", "支出合计 28 ≠ 资金总额 27（差 1）"}));
    CHECK(any_contains(expenses, {"网络及广告监测经费", "支出合计 24 ≠ 资金总额 22（差 2）"}));
    // Rule 5: the Yuanjiang department split and its seven project tables.
    const auto split = findings_of(j, "department-split-adds-up");
    REQUIRE(split.size() == 1);
    CHECK(any_contains(split, {"t/funds/0/amount", "109.04", "66.16", "44.28", "110.44"}));
    const auto projects = findings_of(j, "department-projects-sum");
    REQUIRE(projects.size() == 1);
    CHECK(any_contains(projects, {"t/funds/6/amount", "项目支出 44.28", "7 张项目表", "42.88"}));
    // Rule 7: two Jiangsu projects ran 2021—2023.
    const auto period = findings_of(j, "budget-year-in-period");
    CHECK(period.size() == 2);
    CHECK(any_contains(period, {"政风热线", "f/end_year", "2021—2023", "2024"}));
    CHECK(any_contains(period, {"政务服务业务专项费用", "2021—2023"}));
    // Rule 10: 工资及保险发放准确率 7人.
    const auto units = findings_of(j, "target-unit-fits");
    REQUIRE(units.size() == 1);
    CHECK(any_contains(units, {"人事代理专项补助经费", "工资及保险发放准确率", "7人"}));
    // Rule 11: a rate under 成本指标, a 万元 cap under 数量指标 that exceeds the budget.
    CHECK(any_contains(findings_of(j, "cost-indicator-placement"), {"运维工单按时办结率", "≥95%"}));
    CHECK(any_contains(findings_of(j, "cost-indicator-placement"), {"政务服务课题经费", "≤80万元", "数量指标"}));
    CHECK(any_contains(findings_of(j, "cost-cap-within-budget"), {"政务服务课题经费", "≤80万元", "33.9"}));
    // Rule 4: 557.56 / 1239.92 = 44.97 % against =45 %.
    const auto rate = findings_of(j, "half-year-rate-agrees");
    REQUIRE(rate.size() == 1);
    CHECK(any_contains(rate, {"政务服务信息系统运行维护费用", "44.97%", "=45%", "557.96"}));
    // Rule 12: 3月底 blank and flat at 50% to 10月底.
    const auto plan = findings_of(j, "spending-plan-gaps");
    CHECK(any_contains(plan, {"双随机抽查工作经费", "t/spending_plan/0/mar", "3月底"}));
    CHECK(any_contains(plan, {"双随机抽查工作经费", "t/spending_plan/0/oct", "50%"}));
    // Rule 9: placeholders 是/否 and ……
    CHECK(any_contains(findings_of(j, "target-placeholder"), {"车辆保险费", "是/否"}));
    CHECK(any_contains(findings_of(j, "target-placeholder"), {"经济效益指标", "……"}));
    // Rule 13: the Yuanjiang projects' blank 预算部门, Nantong's phone "00".
    CHECK(findings_of(j, "required-fields").size() == 7);
    CHECK(any_contains(findings_of(j, "phone-format"), {"信息化管理专项经费", "“00”"}));
}

TEST_CASE("check-3.2 the seeds: no error where the filing is right") {
    const auto j = check_json();
    // Nantong's half-year 100% is a share of the half-year plan: rule 4 does not fire there.
    for (const auto& f : findings_of(j, "half-year-rate-agrees")) CHECK(f.find("政务服务信息系统运行维护费用") != std::string::npos);
    // The fourth Nantong filing adds up (8 + 5 + 3 + 2 = 18); every income block and Hebei
    // budget adds up; Suzhou's mid-term covers its annual figures.
    for (const char* check : {"income-adds-up", "budget-stated-twice", "mid-term-funds-cover-annual",
                              "mid-term-targets-cover-annual", "expense-half-within-full", "spending-plan-cumulative"})
        CHECK(findings_of(j, check).empty());
    CHECK_FALSE(any_contains(findings_of(j, "expenses-add-up"), {"网络设备设施运行与维护费"}));
    // Every run ended somewhere, none in a script error or a stop.
    const auto& s = j["summary"];
    CHECK(s["filings"] == 30);
    CHECK(s["outcomes"]["script_error"] == 0);
    CHECK(s["outcomes"]["stopped"] == 0);
    std::size_t total = 0;
    for (const auto& [k, v] : s["outcomes"].items()) total += v.get<std::size_t>();
    CHECK(total == s["runs"].get<std::size_t>());
    std::size_t errors = 0;
    for (const auto& f : j["findings"]) errors += f["severity"] == "error";
    CHECK(s["severities"]["error"] == errors);
}

TEST_CASE("check-3.3 check: the JSON keys, exit codes, filters and --lang en") {
    const auto j = check_json();
    REQUIRE(j.contains("findings"));
    REQUIRE(j.contains("summary"));
    const auto& f = j["findings"][0];
    for (const char* key : {"filing", "filing_title", "template", "check", "severity", "path", "message"})
        CHECK(f.contains(key));
    for (const char* key : {"filings", "checks", "runs", "outcomes", "severities"}) CHECK(j["summary"].contains(key));
    for (const char* key : {"passed", "failed", "not_applicable", "insufficient_data", "script_error", "stopped"})
        CHECK(j["summary"]["outcomes"].contains(key));

    const auto one = check_json({"--filing", "4"});
    CHECK(one["summary"]["filings"] == 1);
    for (const auto& x : one["findings"]) CHECK(x["filing"] == 4);
    const auto suzhou = check_json({"--template", "suzhou-project"});
    CHECK(suzhou["summary"]["filings"] == 3);
    CHECK(suzhou["summary"]["severities"]["error"] == 0);

    const auto en = check_json({"--lang", "en", "--filing", "1"});
    CHECK(any_contains(findings_of(en, "expenses-add-up"), {"expense lines add up to 19 ≠ 资金总额 18"}));

    const auto text = run_cli({"check", "--db", seed_db(), "--filing", "1"});
    CHECK(text.exit_code == 1);
    CHECK(text.out.find("支出合计 19 ≠ 资金总额 18（差 1）") != std::string::npos);
    CHECK(text.out.find("汇总") != std::string::npos);
    CHECK(run_cli({"check", "--db", seed_db(), "--template", "suzhou-project"}).exit_code == 0);

    CHECK(run_cli({"check"}).exit_code == 2);
    CHECK(run_cli({"check", "--db", seed_db(), "--filing", "x"}).exit_code == 2);
    CHECK(run_cli({"check", "--db", seed_db(), "--filing", "999"}).exit_code == 2);
    CHECK(run_cli({"check", "--db", "/tmp/formwork-no-such.db"}).exit_code == 2);
    CHECK(run_cli({"check", "--db", seed_db(), "--bogus"}).exit_code == 2);
}

TEST_CASE("check-3.6 check --json is streamed, and is the same value as the whole object") {
    const auto j = check_json({"--filing", "5"});
    CHECK(j["findings"].size() >= 2);
    const auto none = check_json({"--template", "suzhou-project", "--filing", "1"});
    CHECK(none["findings"].empty());
    CHECK(none["summary"]["filings"] == 0);
}

TEST_CASE("check-3.4 checks lists every check, test-checks runs their cases") {
    const auto r = run_cli({"checks", "--json"});
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    std::map<std::string, std::string> severity;
    for (const auto& c : j) {
        CHECK(c["status"] == "ok");
        severity[c["id"].get<std::string>()] = c["severity"].get<std::string>();
    }
    CHECK(severity["expenses-add-up"] == "error");
    CHECK(severity["target-placeholder"] == "warning");
    CHECK(severity.size() >= 14);
    const auto t = run_cli({"test-checks"});
    INFO(t.out);
    CHECK(t.exit_code == 0);
    CHECK(run_cli({"test-checks", "--check", "no-such-check"}).exit_code == 2);
}

TEST_CASE("check-3.5 lint reads a check script as a check script") {
    TempDir dir;
    const std::string good = dir.file("good.lua"), bad = dir.file("bad.lua");
    std::ofstream(good) << "return check.script{ api = 1, checks = { check.define{ id = \"x-y\", title = { zh = \"甲\" },\n"
                           "  severity = \"info\", templates = { \"no-such-*\" }, run = function(f) end } } }\n";
    std::ofstream(bad) << "return check.script{ api = 1, checks = { check.define{ id = \"x\", title = { zh = \"甲\" },\n"
                          "  severity = \"fatal\", templates = { \"*\" }, run = function(f) end } } }\n";
    const auto ok = run_cli({"lint", good});
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.find("ok (检查 x-y；示例 0/0)") != std::string::npos);
    CHECK(ok.out.find("no-such-*") != std::string::npos);  // the warning about the pattern
    const auto no = run_cli({"lint", bad});
    CHECK(no.exit_code == 1);
    CHECK(no.out.find("bad.lua:1: checks[1].severity") != std::string::npos);
    CHECK(run_cli({"lint", std::string(FORMWORK_SOURCE_DIR) + "/scripts/checks"}).exit_code == 0);
}
