// The check engine: the shipped checks and their cases, every outcome counted, script errors
// and limits as outcomes with file:line, exact Decimals in Lua, the live API with a
// department's filings, duplicate ids, and the LuaLS stubs of the check API.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "checks/check_engine.h"
#include "checks/check_lua.h"
#include "templates/template_registry.h"

using namespace formwork;
using namespace formwork::script;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = FORMWORK_SOURCE_DIR;

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/formwork-checks-XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
    void write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
};

const TemplateRegistry& shipped_templates() {
    static TemplateRegistry registry({{kSource / "scripts/templates", "shipped"}});
    static bool loaded = registry.refresh();
    (void)loaded;
    return registry;
}

std::unique_ptr<CheckEngine> engine_over(const fs::path& dir, HostOptions options = {}) {
    auto e = std::make_unique<CheckEngine>(CheckEngine::lookup_in(shipped_templates()),
                                           std::vector<CheckDir>{{dir, "shipped"}}, options);
    e->refresh();
    return e;
}

// A one-check script: `body` is the run function's body, `extra` more check fields.
std::string one_check(const std::string& id, const std::string& body, const std::string& extra = "",
                      const std::string& severity = "error") {
    return "return check.script{ api = 1, checks = { check.define{\n"
           "  id = \"" + id + "\", title = { zh = \"测试\", en = \"test\" }, severity = \"" + severity + "\",\n"
           "  templates = { \"nantong-project\" }, " + extra + "\n"
           "  run = function(f)\n" + body + "\n  end,\n} } }\n";
}

Filing nantong(std::int64_t id, const std::string& total, std::vector<std::string> lines) {
    Filing f;
    f.id = id;
    f.template_id = "nantong-project";
    f.template_version = 1;
    f.fields["project_name"] = "项目" + std::to_string(id);
    f.fields["department"] = "南通市市场监督管理局";
    Table& income = f.table("income");
    income.rows.resize(9);
    income.rows[0].cells["full_year"] = total;
    for (const auto& l : lines) f.table("expenses").rows.push_back(TableRow{{{"full_year", l}}});
    return f;
}

struct VectorSource final : FilingSource {
    std::vector<Filing> filings;
    void for_each(const std::function<void(const Filing&)>& visit) override {
        for (const auto& f : filings) visit(f);
    }
    Filing load(std::int64_t id) override {
        for (const auto& f : filings)
            if (f.id == id) return f;
        throw std::runtime_error("no filing " + std::to_string(id));
    }
};

std::size_t outcome(const CheckReport& r, Outcome o) { return r.summary.outcomes[static_cast<std::size_t>(o)]; }

}  // namespace

TEST_CASE("check-1.1 the shipped checks load and every example case holds") {
    CheckEngine engine(CheckEngine::lookup_in(shipped_templates()), {{kSource / "scripts/checks", "shipped"}});
    engine.refresh();
    for (const auto& s : engine.scripts()) {
        INFO(s.file);
        for (const auto& e : s.errors) FAIL_CHECK(e);
    }
    // The 14 rules of BRIEF.md, some split by severity.
    CHECK(engine.checks().size() >= 14);
    const auto results = engine.run_cases();
    CHECK(results.size() >= 50);
    for (const auto& r : results) {
        INFO(r.check << ": " << r.name << " (" << r.file << ":" << r.line << ")");
        for (const auto& p : r.problems) INFO(p);
        CHECK(r.passed);
    }
    for (const auto& c : engine.checks()) {
        INFO(c->id);
        CHECK_FALSE(c->cases.empty());  // every shipped check carries its cases
    }
}

TEST_CASE("check-1.2 every run ends in one counted outcome") {
    TempDir dir;
    dir.write("a.lua", one_check("passes", "return"));
    dir.write("b.lua", one_check("fails", "f:report(\"income.total.full_year\", \"资金总额 \" .. f:amount(\"income.total.full_year\"))"));
    dir.write("c.lua", one_check("skips", "return check.not_applicable(\"不适用\")"));
    dir.write("d.lua", one_check("lacks", "return check.insufficient(\"资金总额未填\")"));
    dir.write("e.lua", one_check("breaks", "local x = nil\n    return x.y"));
    dir.write("f.lua", one_check("loops", "while true do end"));
    auto engine = engine_over(dir.path, [] {
        HostOptions o;
        o.time_limit = std::chrono::milliseconds(50);
        return o;
    }());
    REQUIRE(engine->checks().size() == 6);
    VectorSource source;
    source.filings = {nantong(1, "18", {"19"}), nantong(2, "27", {"27"})};
    const CheckReport r = engine->check_all(source);
    CHECK(r.summary.filings == 2);
    CHECK(r.summary.runs == 12);
    CHECK(outcome(r, Outcome::Passed) == 2);
    CHECK(outcome(r, Outcome::Failed) == 2);
    CHECK(outcome(r, Outcome::NotApplicable) == 2);
    CHECK(outcome(r, Outcome::Insufficient) == 2);
    CHECK(outcome(r, Outcome::ScriptError) == 2);
    CHECK(outcome(r, Outcome::Stopped) == 2);
    REQUIRE(r.findings.size() == 2);
    CHECK(r.findings[0].filing == 1);
    CHECK(r.findings[0].path == "t/income/0/full_year");
    CHECK(r.findings[0].message_zh == "资金总额 18");
    CHECK(r.findings[0].filing_title == "项目1");
    CHECK(r.summary.severities[0] == 2);
    // Why a run could not judge is kept with file:line.
    bool error_noted = false, stop_noted = false, lack_noted = false;
    for (const auto& n : r.notes) {
        if (n.outcome == Outcome::ScriptError) error_noted = n.detail.find("e.lua:6:") != std::string::npos;
        if (n.outcome == Outcome::Stopped) stop_noted = n.detail.find("50 ms") != std::string::npos;
        if (n.outcome == Outcome::Insufficient) lack_noted = n.detail == "资金总额未填";
    }
    CHECK(error_noted);
    CHECK(stop_noted);
    CHECK(lack_noted);
}

TEST_CASE("check-1.3 findings of a run that then fails are dropped, and the next checks still run") {
    TempDir dir;
    dir.write("a.lua", one_check("half", "f:report(\"i\", \"一半\")\n    error(\"坏了\")"));
    dir.write("b.lua", one_check("after", "f:report(\"i\", \"之后\")"));
    auto engine = engine_over(dir.path);
    const CheckReport r = engine->check_filing(nantong(1, "18", {}));
    REQUIRE(r.findings.size() == 1);
    CHECK(r.findings[0].check == "after");
    CHECK(outcome(r, Outcome::ScriptError) == 1);
}

TEST_CASE("check-1.4 money reaches Lua as exact Decimals") {
    TempDir dir;
    dir.write("a.lua", one_check("exact", R"(
    local a, b = check.dec("0.1"), check.dec("0.2")
    assert(a + b == check.dec("0.3"))
    assert(tostring(check.dec("1,239.92") - 1239) == "0.92")
    assert(check.dec("2万") == check.dec(20000))
    assert(check.dec(3) * 4 == check.dec(12))
    assert(check.dec("-1.5"):abs() == check.dec("1.5"))
    assert(check.dec("0.125"):round(2) == check.dec("0.12"))
    assert(check.dec(0) == check.dec("0.000"))
    assert(check.dec(1) < check.dec("1.000001"))
    assert(check.percent(1, 3) == check.dec("33.33"))
    assert(check.percent_of("1239.92", 45) == check.dec("557.96"))
    assert(check.within("1.005", 1, "0.005") and not check.within("1.006", 1, "0.005"))
    assert(not pcall(check.dec, 0.1))
    assert(not pcall(function() return check.dec(1) < 2 end))
    assert(("合计 " .. check.dec("19.50")) == "合计 19.5")
    assert(("%s"):format(check.dec(18)) == "18")
    assert(getmetatable(check.dec(1)) == false)
    local total = f:amount("income.total.full_year")
    assert(check.is_dec(total) and total == check.dec(18))
    local sum, numeric, blank = f:sum("expenses.full_year")
    assert(sum == check.dec("0.3") and numeric == 2 and blank == 1)
    assert(check.unit_class("元/人/天") == "money" and select(2, check.unit_class("元/人/天")))
    assert(check.to_money(550, "元", "万元") == check.dec("0.055"))
    )"));
    auto engine = engine_over(dir.path);
    const CheckReport r = engine->check_filing(nantong(1, "18", {"0.1", "0.2", "—"}));
    for (const auto& n : r.notes) INFO(n.detail);
    CHECK(outcome(r, Outcome::Passed) == 1);
}

TEST_CASE("check-1.5 the filing view gives values, labels, paths and parsed targets") {
    TempDir dir;
    dir.write("a.lua", one_check("view", R"(
    assert(f:id() == 7 and f:title() == "项目7" and f:template() == "nantong-project")
    assert(f:family() == "nantong" and f:year() == 2024)
    assert(f:option("half_year_rate_base") == "half_year" and f:option("nothing") == nil)
    assert(f:label("income.total.full_year") == "资金总额")
    assert(f:path("income.total.full_year") == "t/income/0/full_year")
    assert(f:path("expenses", 2, "full_year") == "t/expenses/1/full_year")
    assert(f:path("project_name") == "f/project_name" and f:path("fields.department") == "f/department")
    assert(f:has("expenses.half_year") and not f:has("expenses.nothing"))
    assert(f:text("t/expenses/0/full_year") == "3")
    assert(f:blank("start_year"))
    local v, why = f:amount("start_year")
    assert(v == nil and why == "blank")
    assert(f:rows("expenses") == 2 and f:cell("expenses", 2, "full_year") == "abc")
    local _, bad = f:cell_amount("expenses", 2, "full_year")
    assert(bad == "not_a_number")
    assert(f:indicators() == 1)
    local l1, l2, name = f:indicator(1)
    assert(l1 == "过程" and l2 == "资金管理" and name == "预算执行率")
    local kind, cmp, value, unit, text = f:target(1, "half_year")
    assert(kind == "numeric" and cmp == "=" and value == check.dec(45) and unit == "%" and text == "＝45%")
    assert(f:target_path(1, "full_year") == "i/0/t/full_year")
    assert(f:indicator_path(1, "l2") == "i/0/l2")
    local c1, c2 = f:category(1)
    assert(c1 == "过程" and c2 == "资金管理")
    assert(f:parse_target("是/否") == "placeholder")
    assert(f:spec().id == "nantong-project" and f:spec() == f:spec())
    assert(not pcall(f.amount, f, "expenses.full_year"))
    assert(not pcall(f.target, f, 2, "half_year"))
    )"));
    auto engine = engine_over(dir.path);
    Filing f = nantong(7, "18", {"3", "abc"});
    f.indicators.push_back({"过程", "资金管理", "预算执行率", {{"half_year", "＝45%"}, {"full_year", "=100%"}}, {}});
    const CheckReport r = engine->check_filing(f);
    for (const auto& n : r.notes) INFO(n.detail);
    CHECK(outcome(r, Outcome::Passed) == 1);
}

TEST_CASE("check-1.6 check scripts run in the same sandbox as templates") {
    TempDir dir;
    dir.write("a.lua", one_check("os", "return os.time()"));
    dir.write("b.lua", "local x = io.open('/etc/passwd')\n" + one_check("io", "return"));
    dir.write("c.lua", one_check("global", "leak = f"));
    auto engine = engine_over(dir.path);
    bool io_refused = false;
    for (const auto& s : engine->scripts())
        for (const auto& e : s.errors) io_refused = io_refused || (e.find("b.lua:1:") != std::string::npos && e.find("io") != std::string::npos);
    CHECK(io_refused);
    const CheckReport r = engine->check_filing(nantong(1, "18", {}));
    CHECK(outcome(r, Outcome::ScriptError) == 2);
}

TEST_CASE("check-1.7 a bad check script is reported with file, line and path") {
    TempDir dir;
    dir.write("bad.lua", R"(return check.script{
    api = 1,
    checks = {
        check.define{
            id = "Bad_Id", title = { zh = "坏" }, severity = "fatal",
            templates = { "*" }, runn = function() end,
        },
    },
})");
    auto engine = engine_over(dir.path);
    REQUIRE(engine->scripts().size() == 1);
    const auto& errors = engine->scripts()[0].errors;
    auto has = [&](const std::string& s) {
        return std::any_of(errors.begin(), errors.end(), [&](const std::string& e) { return e.find(s) != std::string::npos; });
    };
    CHECK(has("bad.lua:4: checks[1].id: expected kebab-case"));
    CHECK(has("bad.lua:4: checks[1].severity: expected one of error, warning, info"));
    CHECK(has("bad.lua:4: checks[1].runn: unknown key"));
    CHECK(has("bad.lua:4: checks[1].run: expected a function"));
    CHECK(engine->checks().empty());
}

TEST_CASE("check-1.8 a check id declared by two files: the first wins") {
    TempDir dir;
    dir.write("a.lua", one_check("same", "return"));
    dir.write("b.lua", one_check("same", "return"));
    auto engine = engine_over(dir.path);
    REQUIRE(engine->checks().size() == 1);
    CHECK(engine->checks()[0]->file.find("a.lua") != std::string::npos);
    REQUIRE(engine->scripts().size() == 2);
    REQUIRE(engine->scripts()[1].errors.size() == 1);
    CHECK(engine->scripts()[1].errors[0].find("is already defined in") != std::string::npos);
    // Reload after the first goes: the second's check comes back.
    fs::remove(dir.path / "a.lua");
    CHECK(engine->refresh());
    REQUIRE(engine->checks().size() == 1);
    CHECK(engine->checks()[0]->file.find("b.lua") != std::string::npos);
}

TEST_CASE("check-1.9 live: department checks see the department's other filings") {
    CheckEngine engine(CheckEngine::lookup_in(shipped_templates()), {{kSource / "scripts/checks", "shipped"}});
    engine.refresh();
    Filing dept;
    dept.id = 1;
    dept.template_id = "yuanjiang-department";
    dept.fields = {{"department_name", "示例部门"}, {"filled_by", "严飞"}, {"filled_phone", "17763740907"}};
    dept.table("funds").rows.resize(7);
    dept.table("funds").rows[0].cells["amount"] = "20";
    dept.table("funds").rows[5].cells["amount"] = "10";
    dept.table("funds").rows[6].cells["amount"] = "10";
    Filing project;
    project.id = 2;
    project.template_id = "yuanjiang-project";
    project.fields = {{"project_name", "B项目"}, {"annual_budget", "9"}, {"filled_by", "严飞"}, {"filled_phone", "17763740907"}};

    auto find = [](const CheckReport& r, const std::string& check) {
        for (const auto& f : r.findings)
            if (f.check == check) return &f;
        return static_cast<const Finding*>(nullptr);
    };
    const CheckReport alone = engine.check_filing(dept);
    CHECK(find(alone, "department-projects-sum") == nullptr);
    CHECK(outcome(alone, Outcome::Insufficient) >= 1);

    const Filing others[] = {project};
    const CheckReport with = engine.check_filing(dept, others);
    const Finding* f = find(with, "department-projects-sum");
    REQUIRE(f != nullptr);
    CHECK(f->path == "t/funds/6/amount");
    CHECK(f->message_zh.find("项目支出 10 ≠") != std::string::npos);
    CHECK(f->message_zh.find("1 张项目表") != std::string::npos);
    CHECK(engine.department_of(dept) == "示例部门|2024");
    CHECK(engine.department_of(project).empty());  // blank 预算部门: grouped through its filer
}

TEST_CASE("check-1.10 the LuaLS stubs name exactly the Filing and Decimal methods") {
    std::ifstream in(kSource / "scripts/api/check.lua");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    std::set<std::string> filing, decimal;
    const std::regex method(R"(\nfunction (Filing|Decimal):([A-Za-z_][A-Za-z0-9_]*)\s*\()");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), method); it != std::sregex_iterator(); ++it)
        ((*it)[1] == "Filing" ? filing : decimal).insert((*it)[2]);
    const auto fm = detail::filing_method_names();
    const auto dm = detail::decimal_method_names();
    CHECK(filing == std::set<std::string>(fm.begin(), fm.end()));
    CHECK(decimal == std::set<std::string>(dm.begin(), dm.end()));
}

TEST_CASE("check-1.11 template patterns") {
    CHECK(template_pattern_matches("*", "nantong-project"));
    CHECK(template_pattern_matches("*-project", "nantong-project"));
    CHECK_FALSE(template_pattern_matches("*-project", "hebei-department"));
    CHECK(template_pattern_matches("hebei-*", "hebei-department"));
    CHECK(template_pattern_matches("jiangsu-project", "jiangsu-project"));
    CHECK_FALSE(template_pattern_matches("jiangsu", "jiangsu-project"));
    CHECK(template_pattern_matches("*a*b*", "xaybz"));
}

TEST_CASE("check-1.12 batch options select filings, department checks still read the whole department") {
    CheckEngine engine(CheckEngine::lookup_in(shipped_templates()), {{kSource / "scripts/checks", "shipped"}});
    engine.refresh();
    VectorSource source;
    source.filings = {nantong(1, "18", {"19"}), nantong(2, "27", {"28"})};
    BatchOptions only;
    only.filing = 2;
    const CheckReport r = engine.check_all(source, only);
    CHECK(r.summary.filings == 1);
    for (const auto& f : r.findings) CHECK(f.filing == 2);
    BatchOptions other;
    other.template_id = "jiangsu-project";
    CHECK(engine.check_all(source, other).summary.filings == 0);
}

TEST_CASE("check-1.13 the worked examples of scripts/README.md load and their cases hold") {
    CheckEngine engine(CheckEngine::lookup_in(shipped_templates()), {{kSource / "tests/fixtures/checks", "shipped"}});
    engine.refresh();
    REQUIRE(engine.scripts().size() == 2);  // example_check.lua, cross_year_example.lua
    for (const auto& s : engine.scripts())
        for (const auto& e : s.errors) FAIL_CHECK(e);
    for (const char* id : {"expense-line-named", "target-not-below-last-year"}) {
        INFO(id);
        const auto results = engine.run_cases(id);
        REQUIRE(results.size() == 3);
        for (const auto& r : results) {
            std::string problems;
            for (const auto& p : r.problems) problems += p + "\n";
            INFO(r.name << "\n" << problems);
            CHECK(r.passed);
        }
    }
    // The README shows each file whole.
    std::ifstream readme(kSource / "scripts/README.md");
    std::stringstream ss;
    ss << readme.rdbuf();
    for (const char* file : {"example_check.lua", "cross_year_example.lua"}) {
        INFO(file);
        std::ifstream example(kSource / "tests/fixtures/checks" / file);
        std::stringstream ex;
        ex << example.rdbuf();
        CHECK(ss.str().find(ex.str()) != std::string::npos);
    }
}

TEST_CASE("check-1.14 a batch on worker threads reports what one thread reports") {
    CheckEngine engine(CheckEngine::lookup_in(shipped_templates()), {{kSource / "scripts/checks", "shipped"}});
    engine.refresh();
    VectorSource source;
    for (std::int64_t id = 1; id <= 300; ++id) {
        if (id % 50 == 0) {  // a department with one project whose budget does not match
            Filing dept;
            dept.id = id;
            dept.template_id = "yuanjiang-department";
            dept.fields = {{"department_name", "部门" + std::to_string(id)}};
            dept.table("funds").rows.resize(7);
            dept.table("funds").rows[0].cells["amount"] = "20";
            dept.table("funds").rows[5].cells["amount"] = "10";
            dept.table("funds").rows[6].cells["amount"] = "10";
            source.filings.push_back(dept);
            continue;
        }
        if (id % 50 == 1 && id > 1) {
            Filing project;
            project.id = id;
            project.template_id = "yuanjiang-project";
            project.fields = {{"project_name", "B项目"}, {"annual_budget", "9"}, {"department", "部门" + std::to_string(id - 1)}};
            source.filings.push_back(project);
            continue;
        }
        source.filings.push_back(nantong(id, std::to_string(id % 7 + 10), {"5", std::to_string(id % 5 + 3)}));
    }
    const CheckReport one = engine.check_all(source);
    BatchOptions parallel;
    parallel.jobs = 3;
    const CheckReport three = engine.check_all(source, parallel);
    CHECK(three.summary.filings == one.summary.filings);
    CHECK(three.summary.runs == one.summary.runs);
    CHECK(three.summary.outcomes == one.summary.outcomes);
    CHECK(three.summary.severities == one.summary.severities);
    REQUIRE(three.findings.size() == one.findings.size());
    for (std::size_t i = 0; i < one.findings.size(); ++i) {
        CHECK(three.findings[i].filing == one.findings[i].filing);
        CHECK(three.findings[i].check == one.findings[i].check);
        CHECK(three.findings[i].path == one.findings[i].path);
        CHECK(three.findings[i].message_zh == one.findings[i].message_zh);
    }
    bool department_found = false;
    for (const auto& f : three.findings) department_found = department_found || f.check == "department-projects-sum";
    CHECK(department_found);
}

TEST_CASE("check-1.15 check.find and f:previous() in a case across years: filters, limit, read-only results") {
    TempDir dir;
    dir.write("find.lua", R"(return check.script{ api = 1, checks = { check.define{ id = "find-test", title = { zh = "t" }, severity = "info", templates = { "jiangsu-project" },
  run = function(f)
    local same, more = check.find{ title = f:title(), year = 2023 }
    local all, truncated = check.find{ limit = 2 }
    local none = check.find{ department = "无此部门" }
    local dept = check.find{ department = "省 数据局", year = 2022 }
    f:report("project_name", ("same %d %s all %d %s none %d dept %d first %s prev %s"):format(#same, tostring(more), #all, tostring(truncated), #none, #dept,
      same[1] and same[1]:year() or "-", f:previous() and f:previous():year() or "-"))
    local ok, err = pcall(function() same[1]:report("project_name", "x") end)
    check.log(ok, err)
  end,
  cases = { check.case{ name = "find", template = "jiangsu-project",
    filings = { { year = 2024, fields = { project_name = "甲 项目", department = "省数据局" } },
                { year = 2023, fields = { project_name = "甲项目", department = "省数据局" } },
                { year = 2023, fields = { project_name = "乙", department = "省数据局" } },
                { year = 2022, fields = { project_name = "甲项目", department = "省数据局" } } },
    expect = { { path = "f/project_name", contains = "same 1 false all 2 true none 0 dept 1 first 2023 prev 2023" } } } } } } }
)");
    auto engine = engine_over(dir.path);
    for (const auto& s : engine->scripts())
        for (const auto& e : s.errors) FAIL_CHECK(e);
    const auto results = engine->run_cases("find-test");
    REQUIRE(results.size() == 1);
    std::string problems;
    for (const auto& p : results[0].problems) problems += p + "\n";
    INFO(problems);
    CHECK(results[0].passed);
    // Reporting on a filing another year's query found is refused (and the check says why).
    REQUIRE(results[0].log.size() == 1);
    CHECK(results[0].log[0].rfind("false\t", 0) == 0);
    CHECK(results[0].log[0].find("read-only") != std::string::npos);
}


TEST_CASE("check-1.16 f:template_version(): a filing is checked under the version it was filed with") {
    TempDir dir;
    dir.write("version.lua", R"(return check.script{ api = 1, checks = { check.define{ id = "version-test", title = { zh = "t" }, severity = "info", templates = { "jiangsu-project" },
  run = function(f)
    local required = "-"
    for _, field in ipairs(f:spec().fields) do
      if field.id == "budget_year" then required = tostring(field.required) end
    end
    f:report("project_name", ("filed v%d spec v%d 年度 required %s"):format(f:template_version(), f:spec().version, required))
  end,
  cases = {
    check.case{ name = "version 1", template = "jiangsu-project", filing = { version = 1, fields = { project_name = "甲" } },
                expect = { { path = "f/project_name", contains = "filed v1 spec v1 年度 required false" } } },
    check.case{ name = "current", template = "jiangsu-project", filing = { fields = { project_name = "甲" } },
                expect = { { path = "f/project_name", contains = "filed v2 spec v2 年度 required true" } } },
  } } } }
)");
    auto engine = engine_over(dir.path);
    for (const auto& s : engine->scripts())
        for (const auto& e : s.errors) FAIL_CHECK(e);
    for (const auto& r : engine->run_cases("version-test")) {
        std::string problems;
        for (const auto& p : r.problems) problems += p + "\n";
        INFO(r.name << "\n" << problems);
        CHECK(r.passed);
    }
    // Live, one engine: the two versions' f:spec() tables are not mixed up.
    Filing f;
    f.id = 1;
    f.template_id = "jiangsu-project";
    f.fields["project_name"] = "甲";
    for (int version : {1, 2, 1}) {
        f.template_version = version;
        const auto report = engine->check_filing(f);
        REQUIRE(report.findings.size() == 1);
        const std::string v = std::to_string(version);
        CHECK(report.findings[0].message_zh ==
              "filed v" + v + " spec v" + v + " 年度 required " + (version == 1 ? "false" : "true"));
    }
}

TEST_CASE("check-1.17 a batch read in one language keeps that message only, the same text either way") {
    TempDir dir;
    dir.write("two.lua", R"(return check.script{ api = 1, checks = { check.define{ id = "two-languages", title = { zh = "t" }, severity = "info", templates = { "*" },
  run = function(f)
    f:report("project_name", "中文说明", "English text")
    f:report("f/department", "只有中文")
  end } } }
)");
    auto engine = engine_over(dir.path);
    VectorSource source;
    for (std::int64_t id = 1; id <= 40; ++id) source.filings.push_back(nantong(id, "18", {"18"}));
    const CheckReport both = engine->check_all(source);
    REQUIRE(both.findings.size() == 80);
    for (unsigned jobs : {1u, 3u}) {
        INFO("jobs " << jobs);
        BatchOptions zh, en;
        zh.jobs = en.jobs = jobs;
        zh.message_lang = Lang::Zh;
        en.message_lang = Lang::En;
        const CheckReport in_zh = engine->check_all(source, zh), in_en = engine->check_all(source, en);
        REQUIRE(in_zh.findings.size() == both.findings.size());
        REQUIRE(in_en.findings.size() == both.findings.size());
        for (std::size_t i = 0; i < both.findings.size(); ++i) {
            CHECK(in_zh.findings[i].message(Lang::Zh) == both.findings[i].message(Lang::Zh));
            CHECK(in_en.findings[i].message(Lang::En) == both.findings[i].message(Lang::En));
            CHECK(in_zh.findings[i].message_en.empty());  // not kept
            CHECK(in_en.findings[i].message_zh.empty());
        }
    }
    CHECK(both.findings[0].message(Lang::En) == "English text");
    CHECK(both.findings[1].message(Lang::En) == "只有中文");  // no English given: the Chinese
    CHECK(both.findings[1].message_en.empty());            // held once
    // A live check after a one-language batch has both again.
    const CheckReport after = engine->check_all(source);
    CHECK(after.findings[0].message_zh == "中文说明");
    CHECK(after.findings[0].message_en == "English text");
}
