// `formwork lint PATH...`: loads each file (or each *.lua in a folder) as a template and
// prints every problem with file and line; exit 0 when all are clean, 1 otherwise.
#include <algorithm>
#include <filesystem>
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "script/template_registry.h"

namespace formwork::cli {

namespace fs = std::filesystem;

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
    script::ScriptHost host;
    for (const auto& f : files) {
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
