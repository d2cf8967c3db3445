// analyst-*: issue 13, analysts' checks second edition, through `formwork check` and `lint` as
// an analyst runs them: the shipped cross-year check on the two-year database, a user check
// that reads reference data and requires a user library (and the refusals of files outside
// their folders), per-finding severity and its exit code, check.log under --verbose, the
// scopes, --check/--template/--year, and lint running a script's cases.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "run_cli.h"
#include "temp_dir.h"
#include "two_year_db.h"
#include "user_folder.h"

namespace fs = std::filesystem;
using namespace formwork::test;

namespace {

const std::string kSeeds = FORMWORK_SEEDS_DIR;

std::vector<std::string> seed_files() {
    return {kSeeds + "/000_0fc43aa88057eaed.txt", kSeeds + "/001_e8aa0500ee62ffd0.txt", kSeeds + "/002_be243faf42b34df7.txt",
            kSeeds + "/003_e71277c5732aaa08.txt", kSeeds + "/004_69cafeba3764958f.txt"};
}

// The seeds, and with `two_years` their 2023 copies (two_year_db.h), in a fresh database.
std::string seed_db(const TempDir& dir, bool two_years) {
    const std::string db = dir.file("seeds.db");
    std::vector<std::string> args{"import", "--db", db};
    for (const auto& f : seed_files()) args.push_back(f);
    REQUIRE(run_cli(args).exit_code == 0);
    if (two_years) add_previous_year(db);
    return db;
}

nlohmann::json check_json(const std::vector<std::string>& args, int expected_exit, const std::map<std::string, std::string>& env = {}) {
    std::vector<std::string> all{"check", "--json"};
    all.insert(all.end(), args.begin(), args.end());
    const auto r = run_cli(all, env);
    INFO(r.err.substr(0, 3000));
    INFO(r.out.substr(0, 3000));
    CHECK(r.exit_code == expected_exit);
    return nlohmann::json::parse(r.out);
}

const char* const kUserLibrary = R"(-- A bureau's shared helpers.
local M = {}
function M.tag(text) return "【本局】" .. text end
return M
)";

// A bureau's limits per template, and a check that reads them, the shipped indicator library
// and a user library; a total over twice the limit is an error, over it a warning.
const char* const kLimitsCsv = "template,max_total\r\nnantong-project,12\r\n\"jiangsu-project\",\"1,000\"\r\n";

const char* const kLimitCheck = R"(local rules = require "bureau_rules"
local library = check.data("indicator-library")
local limits = {}
for _, row in ipairs(check.data("bureau-limits")) do
    limits[row.template] = check.dec((row.max_total:gsub(",", "")))
end
return check.script{ api = 1, checks = { check.define{
    id = "bureau-limit", title = { zh = "本局限额" }, severity = "warning", templates = { "*" },
    run = function(f)
        local limit = limits[f:template()]
        if not limit then return check.not_applicable() end
        local ref = f:spec().total
        local total = f:amount(ref)
        if total == nil then return check.insufficient() end
        check.log("filing", f:id(), "total", total, "limit", limit, "library", #library)
        if total > limit then
            f:report(ref, rules.tag(("资金总额 %s 超过限额 %s"):format(total, limit)), nil,
                     { severity = total > limit * 2 and "error" or "warning" })
        end
    end,
} } }
)";

std::multiset<std::string> findings_of(const nlohmann::json& j, const std::string& check) {
    std::multiset<std::string> out;
    for (const auto& f : j["findings"])
        if (f["check"] == check)
            out.insert(std::to_string(f["filing"].get<long>()) + " " + f["severity"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("analyst-1.1 two years: the shipped cross-year check finds each changed total, on this year's filing") {
    TempDir dir;
    const std::string db = seed_db(dir, true);
    const auto j = check_json({"--db", db, "--check", "total-changed-from-previous-year"}, 0);
    std::multiset<std::string> expected;
    for (const auto& c : previous_year_copies())
        if (c.changed) expected.insert(std::to_string(c.seed_id) + " " + c.severity);
    CHECK(findings_of(j, "total-changed-from-previous-year") == expected);
    for (const auto& f : j["findings"]) {
        if (f["filing"] == 6) {
            CHECK(f["message"].get<std::string>().find("9.6") != std::string::npos);
            CHECK(f["message"].get<std::string>().find("上一年度（2023 年") != std::string::npos);
            CHECK(f["message"].get<std::string>().find("140%") != std::string::npos);
        }
    }
    // Only the one check ran; the copies (2023) have no year before them.
    CHECK(j["summary"]["checks"] == 1);
    CHECK(j["summary"]["outcomes"]["failed"] == 3);
    const auto y2023 = check_json({"--db", db, "--check", "total-changed-from-previous-year", "--year", "2023"}, 0);
    // The copies and Suzhou's three (2023 too) have no year before them.
    CHECK(y2023["summary"]["filings"] == previous_year_copies().size() + 3);
    CHECK(y2023["findings"].empty());
    CHECK(y2023["summary"]["outcomes"]["not_applicable"] == previous_year_copies().size() + 3);
    // --template narrows to one template's filings: Jiangsu's one changed total.
    const auto jiangsu = check_json({"--db", db, "--check", "total-changed-from-previous-year", "--template", "jiangsu-project"}, 0);
    CHECK(findings_of(jiangsu, "total-changed-from-previous-year") == std::multiset<std::string>{"17 info"});
    // Without the 2023 copies nothing is found.
    TempDir one_year;
    const auto plain = check_json({"--db", seed_db(one_year, false), "--check", "total-changed-from-previous-year"}, 0);
    CHECK(plain["findings"].empty());
}

TEST_CASE("analyst-1.2 a user check reads reference data and a user library, severity per finding, check.log only under --verbose") {
    TempDir dir;
    const std::string db = seed_db(dir, false);
    UserFolder user;
    user.write("lib", "bureau_rules", kUserLibrary);
    user.write_file("data", "bureau-limits.csv", kLimitsCsv);
    user.write("checks", "bureau_limit", kLimitCheck);

    std::vector<std::string> args{"check", "--db", db, "--check", "bureau-limit", "--json", "--verbose"};
    const auto r = run_cli(args, user.env());
    INFO(r.err.substr(0, 3000));
    CHECK(r.exit_code == 1);  // one finding raised to error
    const auto j = nlohmann::json::parse(r.out);  // stdout stays JSON under --verbose
    // Nantong (limit 12): 18, 27, 22, 18; Jiangsu (limit 1,000): 1239.92, 2344.98.
    CHECK(findings_of(j, "bureau-limit") ==
          std::multiset<std::string>{"1 warning", "2 error", "3 warning", "4 warning", "17 warning", "19 error"});
    for (const auto& f : j["findings"]) CHECK(f["message"].get<std::string>().rfind("【本局】资金总额", 0) == 0);
    CHECK(r.err.find("filing\t2\ttotal\t27\tlimit\t12\tlibrary\t") != std::string::npos);
    CHECK(j["summary"]["severities"]["error"] == 2);

    const auto quiet = run_cli({"check", "--db", db, "--check", "bureau-limit", "--json"}, user.env());
    CHECK(quiet.err.find("filing\t") == std::string::npos);

    // The user's data replaces the shipped data of the same name.
    user.write_file("data", "indicator-library.csv", "level1,level2,name\n产出指标,数量指标,只此一项\n");
    const auto replaced = run_cli({"check", "--db", db, "--check", "bureau-limit", "--verbose", "--filing", "1"}, user.env());
    CHECK(replaced.err.find("library\t1") != std::string::npos);
}

TEST_CASE("analyst-1.3 check.data and require refuse paths and links to files outside their folders") {
    TempDir dir;
    const std::string db = seed_db(dir, false);
    TempDir outside;
    std::ofstream(outside.file("secret.csv")) << "a,b\n1,2\n";
    std::ofstream(outside.file("secret.lua")) << "return { leaked = true }\n";
    UserFolder user;
    fs::create_directories(user.root / "formwork/lib");
    fs::create_directories(user.root / "formwork/data");
    fs::create_symlink(outside.file("secret.csv"), user.root / "formwork/data/linked.csv");
    fs::create_symlink(outside.file("secret.lua"), user.root / "formwork/lib/linked.lua");

    const std::vector<std::pair<std::string, std::string>> attempts{
        {"check.data(\"../../../../" + outside.path.substr(1) + "/secret\")", "is not a data name"},
        {"check.data(\"" + outside.file("secret") + "\")", "is not a data name"},
        {"check.data(\"linked\")", "outside"},
        {"require \"../../../../" + outside.path.substr(1) + "/secret\"", "is not a library name"},
        {"require \"linked\"", "outside"},
        {"check.data(\"no-such-list\")", "no-such-list.csv or no-such-list.json in"},
    };
    for (std::size_t i = 0; i < attempts.size(); ++i)
        user.write("checks", "reach_" + std::to_string(i),
                   "local x = " + attempts[i].first + "\nreturn check.script{ api = 1, checks = { check.define{ id = \"reach-" +
                       std::to_string(i) + "\", title = { zh = \"越界\" }, severity = \"error\", templates = { \"*\" }, run = function(f) end } } }\n");
    const auto r = run_cli({"check", "--db", db, "--json"}, user.env());
    CHECK(r.exit_code == 3);
    const auto j = nlohmann::json::parse(r.out);
    std::string errors;
    for (const auto& e : j["summary"]["script_errors"]) errors += e.dump() + "\n";
    for (std::size_t i = 0; i < attempts.size(); ++i) {
        INFO(attempts[i].first);
        const std::string file = "reach_" + std::to_string(i) + ".lua";
        const auto at = errors.find(file);
        REQUIRE(at != std::string::npos);
        const std::string line = errors.substr(at, errors.find('\n', at) - at);
        INFO(line);
        CHECK(line.find(attempts[i].second) != std::string::npos);
    }
    CHECK(errors.find("leaked") == std::string::npos);
    // The shipped checks still ran on every filing.
    CHECK(j["summary"]["filings"] == 30);
    CHECK(j["findings"].size() > 10);
}

TEST_CASE("analyst-1.4 scopes: year, all and group see the filings they should") {
    TempDir dir;
    const std::string db = seed_db(dir, true);
    UserFolder user;
    user.write("checks", "scopes", R"(local function count(filings, id)
    local first = filings[1]
    first:report("fields." .. first:spec().title_field, ("%s %d"):format(id, #filings))
end
return check.script{ api = 1, checks = {
    check.define{ id = "per-year", title = { zh = "按年度" }, severity = "info", templates = { "*" }, scope = "year",
                  run = function(fs) count(fs, "year " .. fs[1]:year()) end },
    check.define{ id = "per-all", title = { zh = "全部" }, severity = "info", templates = { "*" }, scope = "all",
                  run = function(fs) count(fs, "all") end },
    check.define{ id = "per-template", title = { zh = "按模板" }, severity = "info", templates = { "*" }, scope = "group",
                  group = function(f) return f:template() end,
                  run = function(fs) count(fs, fs[1]:template()) end },
} }
)");
    const auto j = check_json({"--db", db, "--check", "per-year,per-all,per-template"}, 0, user.env());
    std::set<std::string> messages;
    for (const auto& f : j["findings"]) messages.insert(f["message"].get<std::string>());
    // 30 seeds (2022: 10 Hebei, 2023: 3 Suzhou, 2024: 17) and six 2023 copies.
    CHECK(messages == std::set<std::string>{"year 2022 10", "year 2023 9", "year 2024 17", "all 36",
                                            "hebei-department 1", "hebei-project 9", "jiangsu-project 8", "nantong-project 6",
                                            "suzhou-project 3", "yuanjiang-department 1", "yuanjiang-project 8"});
}

TEST_CASE("analyst-1.5 lint runs a check script's cases and fails on a case that does not hold") {
    TempDir dir;
    const std::string good = dir.file("good.lua"), bad = dir.file("bad.lua");
    const std::string script = R"(return check.script{ api = 1, checks = { check.define{
    id = "name-given", title = { zh = "填写项目名称" }, severity = "error", templates = { "jiangsu-project" },
    run = function(f)
        if f:blank("project_name") then f:report("project_name", "项目名称未填") end
    end,
    cases = {
        check.case{ name = "填了", template = "jiangsu-project", filing = { fields = { project_name = "政风热线" } } },
        check.case{ name = "没填", template = "jiangsu-project", filing = { fields = { project_name = "" } },
                    expect = { { path = "f/project_name", contains = "%s" } } },
    } } } }
)";
    auto with = [&](const std::string& word) {
        std::string s = script;
        s.replace(s.find("%s"), 2, word);
        return s;
    };
    std::ofstream(good) << with("未填");
    std::ofstream(bad) << with("不存在的话");
    const auto ok = run_cli({"lint", good});
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.find("2/2") != std::string::npos);
    const auto failed = run_cli({"lint", bad});
    CHECK(failed.exit_code != 0);
    CHECK(failed.out.find("没填") != std::string::npos);
    CHECK(failed.out.find("1/2") != std::string::npos);
}
