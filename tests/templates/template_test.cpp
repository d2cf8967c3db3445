// Templates: the seven shipped families load, every bad-template fixture is reported with
// its file and line, the registry reloads edited files, and a bad template disables only
// itself.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "lua/modules.h"
#include "templates/template_registry.h"

using namespace formwork;
using namespace formwork::script;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = FORMWORK_SOURCE_DIR;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/formwork-templates-XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
};

const char* kMinimal = R"(return form.template{
    api = 1, id = "%ID%", version = %VERSION%, title = "最小模板", family = "test",
    title_field = "name",
    blocks = { form.fields{ id = "h", fields = { form.text{ id = "name", label = "项目名称" } } } },
}
)";

std::string minimal(const std::string& id, int version) {
    std::string s = kMinimal;
    s = std::regex_replace(s, std::regex("%ID%"), id);
    return std::regex_replace(s, std::regex("%VERSION%"), std::to_string(version));
}

}  // namespace

TEST_CASE("tpl-1.1 the shipped templates load without problems") {
    TemplateRegistry registry({{kSource / "scripts/templates", "shipped"}});
    registry.refresh();
    std::set<std::string> ids;
    for (const auto& e : registry.entries()) {
        INFO(e.file);
        for (const auto& err : e.errors) INFO(err);
        CHECK(e.ok());
        if (e.ok()) ids.insert(e.spec->id);
    }
    CHECK(ids == std::set<std::string>{"anhui-project-annual", "covid-bond-project", "hebei-department", "hebei-project",
                                       "jiangsu-project", "nantong-project", "ningxia-approval", "ningxia-project",
                                       "sichuan-ganzi-goals", "suzhou-project", "yuanjiang-department", "yuanjiang-project"});
}

TEST_CASE("tpl-1.2 a shipped template becomes the FormSpec it describes") {
    ScriptHost host;
    const auto e = load_template_file(host, kSource / "scripts/templates/nantong_project.lua", "nantong_project.lua");
    REQUIRE(e.ok());
    const FormSpec& s = *e.spec;
    CHECK(s.id == "nantong-project");
    CHECK(s.year == 2024);
    CHECK(s.title_field == "project_name");
    CHECK(s.options.at("half_year_rate_base") == "half_year");
    const BlockSpec* income = s.find_block("income");
    REQUIRE(income);
    CHECK(income->kind == BlockKind::Table);
    REQUIRE(income->fixed_rows());
    CHECK(income->rows[0].id == "total");
    CHECK(income->rows[0].sum_of.size() == 1);
    const BlockSpec* expenses = s.find_block("expenses");
    REQUIRE(expenses);
    CHECK_FALSE(expenses->fixed_rows());
    CHECK(expenses->total_columns == std::vector<std::string>{"half_year", "full_year"});
    const FieldSpec* type = s.find_field("project_type");
    REQUIRE(type);
    CHECK(type->kind == ValueKind::Enum);
    CHECK(type->line > 1);
    const BlockSpec* ind = s.find_block("indicators");
    REQUIRE(ind);
    CHECK(ind->indicators.periods.size() == 2);
    CHECK(ind->indicators.tree.front().name == "决策");
}

TEST_CASE("tpl-2.1 every bad-template fixture gives its error with file and line") {
    ScriptHost host;
    int checked = 0;
    for (const auto& de : fs::directory_iterator(kSource / "tests/fixtures/bad_templates")) {
        if (de.path().extension() != ".lua") continue;
        const std::string name = de.path().filename().string();
        const std::string source = slurp(de.path());
        const auto e = load_template_source(host, "bad_templates/" + name, source);
        INFO(name);
        REQUIRE_FALSE(e.ok());
        REQUIRE_FALSE(e.errors.empty());
        // Every message starts with "file:line:".
        for (const auto& err : e.errors) CHECK_THAT(err, Catch::StartsWith("bad_templates/" + name + ":"));
        CHECK(std::regex_search(e.errors.front(), std::regex("^bad_templates/" + name + ":[0-9]+: ")));
        // A fixture may state the exact line and message it must produce.
        const std::string first_line = source.substr(0, source.find('\n'));
        if (first_line.rfind("-- expect: ", 0) == 0) {
            const std::string expected = "bad_templates/" + name + ":" + first_line.substr(11);
            const bool found = std::any_of(e.errors.begin(), e.errors.end(),
                                           [&](const std::string& err) { return err.rfind(expected, 0) == 0; });
            INFO("expected: " << expected);
            for (const auto& err : e.errors) INFO("got: " << err);
            CHECK(found);
        }
        ++checked;
    }
    CHECK(checked >= 8);
}

TEST_CASE("tpl-2.2 the worked example of scripts/README.md loads") {
    ScriptHost host;
    const auto e = load_template_file(host, kSource / "tests/fixtures/templates/example_county.lua", "example_county.lua");
    for (const auto& err : e.errors) INFO(err);
    REQUIRE(e.ok());
    CHECK(e.spec->id == "example-county-project");
    CHECK(e.spec->title_en == "Example county project spending targets");
    CHECK(e.spec->region_en == "Example County");
}

TEST_CASE("tpl-3.1 the registry reloads an edited template and forgets a removed one") {
    TempDir dir;
    std::ofstream(dir.path / "a.lua") << minimal("alpha", 1);
    TemplateRegistry registry({{dir.path, "user"}});
    CHECK(registry.refresh());
    REQUIRE(registry.find("alpha"));
    CHECK(registry.find("alpha")->version == 1);
    CHECK_FALSE(registry.refresh());  // nothing changed

    std::ofstream(dir.path / "a.lua") << minimal("alpha", 22);  // a different size
    CHECK(registry.refresh());
    CHECK(registry.find("alpha")->version == 22);

    fs::remove(dir.path / "a.lua");
    CHECK(registry.refresh());
    CHECK_FALSE(registry.find("alpha"));
}

TEST_CASE("tpl-3.2 a bad template disables only itself") {
    TempDir dir;
    std::ofstream(dir.path / "good.lua") << minimal("good", 1);
    std::ofstream(dir.path / "loops.lua") << "while true do end\n";
    std::ofstream(dir.path / "syntax.lua") << "return form.template{ api = 1,\n  id = \n";
    TemplateRegistry registry({{dir.path, "user"}});
    registry.refresh();
    CHECK(registry.find("good"));
    int errors = 0;
    for (const auto& e : registry.entries()) errors += !e.ok();
    CHECK(errors == 2);
}

TEST_CASE("tpl-3.3 two files with one id: the second is disabled, naming the first") {
    TempDir dir;
    std::ofstream(dir.path / "a.lua") << minimal("same", 1);
    std::ofstream(dir.path / "b.lua") << minimal("same", 2);
    TemplateRegistry registry({{dir.path, "user"}});
    registry.refresh();
    REQUIRE(registry.find("same"));
    CHECK(registry.find("same")->version == 1);
    bool named = false;
    for (const auto& e : registry.entries())
        for (const auto& err : e.errors) named |= err.find("already defined in") != std::string::npos;
    CHECK(named);
    fs::remove(dir.path / "a.lua");  // the survivor takes over
    registry.refresh();
    REQUIRE(registry.find("same"));
    CHECK(registry.find("same")->version == 2);
}

TEST_CASE("tpl-4.1 the LuaLS stubs and the bound modules name the same functions") {
    std::map<std::string, std::set<std::string>> stubs;
    const std::regex fn(R"(^function ([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\s*\()");
    for (const auto& de : fs::directory_iterator(kSource / "scripts/api")) {
        if (de.path().extension() != ".lua") continue;
        std::istringstream in(slurp(de.path()));
        for (std::string line; std::getline(in, line);) {
            std::smatch m;
            if (std::regex_search(line, m, fn)) stubs[m[1]].insert(m[2]);
        }
    }
    std::map<std::string, std::set<std::string>> bound;
    for (const auto& m : bound_modules()) bound[m.name] = std::set<std::string>(m.functions.begin(), m.functions.end());
    for (const auto& [module, functions] : bound) {
        INFO("module " << module);
        CHECK(stubs[module] == functions);
    }
    for (const auto& [module, functions] : stubs) {
        INFO("stub module " << module);
        CHECK(bound.count(module));
    }
}
