// `formwork test-checks [--check ID] [--json]`: runs the example cases every check declares
// beside its rule and reports each as ok or FAIL with what differed. Exit 0 when every case
// passes and every script loads, 1 otherwise. ctest runs it too (tests/cli).
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "checks/check_engine.h"
#include "templates/template_registry.h"

namespace formwork::cli {

int run_test_checks(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--json"}, {"--check"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    script::TemplateRegistry templates;
    templates.refresh();
    script::CheckEngine engine(script::CheckEngine::lookup_in(templates));
    engine.refresh();
    const std::string only = args.value("--check").value_or("");
    bool failed = false;
    std::vector<std::string> load_errors;
    for (const auto& s : engine.scripts())
        for (const auto& e : s.errors) load_errors.push_back(e);
    failed = !load_errors.empty();
    if (!only.empty()) {
        bool known = false;
        for (const auto& c : engine.checks()) known = known || c->id == only;
        if (!known) throw UsageError(ctx.tr("没有这个检查：", "no such check: ") + only);
    }
    const auto results = engine.run_cases(only);
    std::size_t passed = 0;
    for (const auto& r : results) passed += r.passed ? 1 : 0;
    failed = failed || passed != results.size();
    std::size_t without_cases = 0;
    for (const auto& c : engine.checks())
        if ((only.empty() || c->id == only) && c->cases.empty()) ++without_cases;

    if (args.has("--json")) {
        nlohmann::json cases = nlohmann::json::array();
        for (const auto& r : results)
            cases.push_back({{"check", r.check}, {"case", r.name}, {"source", r.file}, {"line", r.line},
                             {"passed", r.passed}, {"problems", r.problems}, {"log", r.log}});
        nlohmann::json out = {{"cases", cases},
                              {"summary", {{"cases", results.size()}, {"passed", passed}, {"failed", results.size() - passed},
                                           {"checks_without_cases", without_cases}, {"script_errors", load_errors}}}};
        ctx.out << json_text(out) << "\n";
        return failed ? kFailed : kOk;
    }
    for (const auto& e : load_errors) ctx.out << ctx.tr("脚本错误  ", "script error  ") << e << "\n";
    for (const auto& r : results) {
        ctx.out << (r.passed ? "ok    " : "FAIL  ") << r.check << "  " << r.name << "\n";
        if (!r.passed) {
            ctx.out << "      " << r.file << ":" << r.line << "\n";
            for (const auto& p : r.problems) ctx.out << "      " << p << "\n";
        }
        for (const auto& l : r.log) ctx.out << "      log: " << l << "\n";
    }
    ctx.out << "\n" << passed << "/" << results.size() << ctx.tr(" 个示例通过", " cases passed");
    if (without_cases) ctx.out << ctx.tr("；没有示例的检查 ", "; checks without cases ") << without_cases;
    ctx.out << "\n";
    return failed ? kFailed : kOk;
}

}  // namespace formwork::cli
