// fixture-*: the runtime-level bad templates (tests/fixtures/bad_templates/*.lua with a
// "-- kind:" line) each fail with their kind, file, line and message, quickly, and the host
// keeps working. The first line of a fixture says what it must produce:
//   -- expect: LINE: MESSAGE-PREFIX
//   -- kind: timeout
// (tpl-2.1 in template_test.cpp runs every fixture through the template loader as well.)
#include "script_test_support.h"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace formwork::script;
using namespace formwork::script::test;
namespace fs = std::filesystem;

TEST_CASE("fixture-8.1 every runtime bad template gives its error with file and line") {
    ScriptHost host(short_limits());
    const fs::path dir = fs::path(FORMWORK_SOURCE_DIR) / "tests/fixtures/bad_templates";
    int checked = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".lua") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        const std::string source = text.str();
        std::istringstream lines(source);
        std::string expect_line, kind_line;
        std::getline(lines, expect_line);
        std::getline(lines, kind_line);
        if (kind_line.rfind("-- kind: ", 0) != 0) continue;  // a template-language fixture
        REQUIRE(expect_line.rfind("-- expect: ", 0) == 0);
        const std::string expect = expect_line.substr(11);
        const int line = std::stoi(expect);
        const std::string message = expect.substr(expect.find(": ") + 2);
        const std::string kind = kind_line.substr(9);

        const std::string name = "tests/fixtures/bad_templates/" + entry.path().filename().string();
        INFO(name);
        Result<ScriptValue> r = ScriptValue();
        const double ms = elapsed_ms([&] { r = host.run(name, source); });
        REQUIRE(!r);
        const ScriptError& e = r.error();
        INFO(e.to_string());
        CHECK(kind_name(e.kind) == kind);
        CHECK(e.file == name);
        CHECK(e.line == line);
        CHECK(e.message.rfind(message, 0) == 0);
        CHECK(e.to_string().rfind(name + ":" + std::to_string(line) + ": " + message, 0) == 0);
        CHECK(ms < 600);
        require_usable(host);
        ++checked;
    }
    CHECK(checked >= 15);
}
