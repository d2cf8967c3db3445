// `formwork lint PATH...`: loads each file (or each *.lua in a folder) as what it is — a
// template (return form.template{…}) or a check script (return check.script{…}) — and prints
// every problem with file and line; exit 0 when all are clean, 1 otherwise. A check whose
// template patterns match no known template is a warning (the template may be the user's),
// not a failure.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "checks/check_data.h"
#include "checks/check_engine.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "lua/script_files.h"
#include "templates/template_registry.h"

namespace formwork::cli {

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p, bool& ok) {
    std::ifstream in(p, std::ios::binary);
    ok = static_cast<bool>(in);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool lint_check_script(Context& ctx, script::ScriptHost& host, const fs::path& f, const std::string& source,
                       const script::TemplateRegistry& templates) {
    const script::CheckScriptEntry e = script::load_check_source(host, f.string(), source);
    if (!e.ok()) {
        for (const auto& line : e.errors) ctx.out << line << "\n";
        return false;
    }
    std::string ids;
    for (const auto& c : e.checks) {
        ids += (ids.empty() ? "" : ", ") + c->id;
        for (const auto& pattern : c->templates) {
            const bool matches = std::any_of(templates.entries().begin(), templates.entries().end(), [&](const auto& t) {
                return t.spec && script::template_pattern_matches(pattern, t.spec->id);
            });
            if (!matches)
                ctx.out << f.string() << ":" << c->line << ": " << ctx.tr("警告", "warning") << ": " << c->id << ": "
                        << ctx.tr("模板 “", "template \"") << pattern
                        << ctx.tr("” 不匹配任何已知模板", "\" matches no known template") << "\n";
        }
    }
    // The script's own example cases, run as test-checks runs them.
    script::CheckEngine engine(script::CheckEngine::lookup_in(templates), {{f, "lint"}});
    engine.refresh();
    bool cases_ok = true;
    std::size_t passed = 0;
    const auto results = engine.run_cases();
    for (const auto& r : results) {
        if (r.passed) {
            ++passed;
            continue;
        }
        cases_ok = false;
        ctx.out << r.file << ":" << r.line << ": " << ctx.tr("示例未通过", "case failed") << ": " << r.check << ": " << r.name << "\n";
        for (const auto& p : r.problems) ctx.out << "      " << p << "\n";
        for (const auto& l : r.log) ctx.out << "      log: " << l << "\n";
    }
    ctx.out << f.string() << ": " << (cases_ok ? "ok" : ctx.tr("示例未通过", "cases failed")) << " (" << ctx.tr("检查 ", "checks ") << ids
            << ctx.tr("；示例 ", "; cases ") << passed << "/" << results.size() << ")\n";
    return cases_ok;
}

}  // namespace

int run_lint(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{}, {}});
    if (args.positional().empty()) throw UsageError(ctx.tr("缺少要检查的文件", "no file given"));
    std::vector<fs::path> files;
    bool failed = false;
    for (const auto& p : args.positional()) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<fs::path> in_dir;
            for (const auto& de : fs::directory_iterator(p, ec))
                if (de.path().extension() == ".lua") in_dir.push_back(de.path());
            std::sort(in_dir.begin(), in_dir.end());
            files.insert(files.end(), in_dir.begin(), in_dir.end());
        } else if (fs::exists(p, ec)) {
            files.emplace_back(p);
        } else {
            ctx.out << p << ": " << ctx.tr("文件不存在", "no such file") << "\n";
            failed = true;
        }
    }
    script::TemplateRegistry templates;
    bool templates_loaded = false;
    // A check script may read reference data while it loads (check.data), probe included.
    script::DataCache data{script::script_dirs("data"), {}};
    for (const auto& f : files) {
        // Run the file once to see what it returns, then read it as that; each read runs it in
        // a fresh host so that one file cannot affect the next.
        bool readable = false;
        const std::string source = slurp(f, readable);
        script::ScriptHost probe;
        probe.set_context<script::DataCache>(&data);
        auto value = readable ? probe.run(f.string(), source) : script::Result<script::ScriptValue>(script::ScriptValue());
        if (readable && value && script::script_kind(value.value()) == script::ScriptKind::Check) {
            if (!templates_loaded) {
                templates.refresh();
                templates_loaded = true;
            }
            script::ScriptHost host;
            host.set_context<script::DataCache>(&data);
            failed = !lint_check_script(ctx, host, f, source, templates) || failed;
            continue;
        }
        script::ScriptHost host;
        const script::TemplateEntry e = script::load_template_file(host, f, f.string());
        if (e.ok()) {
            ctx.out << f.string() << ": ok (" << e.spec->id << " v" << e.spec->version << ")\n";
        } else {
            failed = true;
            for (const auto& line : e.errors) ctx.out << line << "\n";
        }
    }
    return failed ? kFailed : kOk;
}

}  // namespace formwork::cli
