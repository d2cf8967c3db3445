// `formwork checks [--json]`: the checks Formwork found, with severity, templates and status,
// so an analyst sees at once whether a new or edited check script loaded.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.h"
#include "cli/check_output.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "checks/check_engine.h"
#include "templates/template_registry.h"

namespace formwork::cli {

int run_checks(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--json"}, {}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    script::TemplateRegistry templates;
    templates.refresh();
    script::CheckEngine engine(script::CheckEngine::lookup_in(templates));
    engine.refresh();
    auto join = [](const std::vector<std::string>& items, const char* sep) {
        std::string out;
        for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
        return out;
    };
    if (args.has("--json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : engine.scripts()) {
            const std::string error = join(s.errors, "\n");
            for (const auto& c : s.loaded) {
                bool active = false;
                for (const auto& k : s.checks) active = active || k == c;
                out.push_back({{"id", c->id},
                               {"title", ctx.lang == Lang::En ? c->title_en : c->title_zh},
                               {"severity", script::to_string(c->severity)},
                               {"scope", script::to_string(c->scope)},
                               {"templates", c->templates},
                               {"cases", c->cases.size()},
                               {"source", s.file},
                               {"line", c->line},
                               {"status", active ? "ok" : "error"},
                               {"error", active ? nlohmann::json() : nlohmann::json(error)}});
            }
            if (s.loaded.empty())
                out.push_back({{"id", nullptr}, {"title", nullptr}, {"severity", nullptr}, {"scope", nullptr},
                               {"templates", nullptr}, {"cases", 0}, {"source", s.file}, {"line", 0},
                               {"status", "error"}, {"error", error}});
        }
        ctx.out << json_text(out) << "\n";
        return kOk;
    }
    if (engine.scripts().empty()) {
        ctx.out << ctx.tr("没有找到检查脚本。查找位置：", "No check scripts found. Looked in:") << "\n";
        for (const auto& d : script::default_check_dirs()) ctx.out << "  " << d.path.string() << "\n";
        return kOk;
    }
    for (const auto& s : engine.scripts()) {
        for (const auto& c : s.checks) {
            std::string head = std::string("ok     ") + c->id;
            if (head.size() < 40) head.resize(40, ' ');
            ctx.out << head << " " << severity_word(ctx, c->severity) << "  " << (ctx.lang == Lang::En ? c->title_en : c->title_zh)
                    << "  [" << join(c->templates, ", ") << "]"
                    << (c->scope == script::CheckScope::Department ? ctx.tr("  （按部门）", "  (per department)") : "") << "  "
                    << s.file << ":" << c->line << "\n";
        }
        if (!s.ok()) {
            ctx.out << ctx.tr("错误   ", "error  ") << s.file << "\n";
            for (const auto& e : s.errors) ctx.out << "         " << e << "\n";
        }
    }
    return kOk;
}

}  // namespace formwork::cli
