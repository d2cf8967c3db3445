// `formwork report --db DB [--filing ID | --all] [--template ID] [--year N] --format pdf|xlsx
// -o OUT [--error-verdict 退回|修改后通过]`: the reviewer's report (issue 19), built by
// review/report_build (the shell's File > Report… builds the same). Exit 0 written, 1 the file
// could not be written, 2 usage, 3 written but some work could not be done.
#include <algorithm>
#include <ostream>
#include <thread>

#include "cli/args.h"
#include "cli/commands.h"
#include "io/export.h"
#include "io/report.h"
#include "review/report_build.h"
#include "store/store_error.h"

namespace formwork::cli {

int run_report(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--all"}, {"--db", "--filing", "--template", "--year", "--format", "-o", "--output", "--error-verdict"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    review::ReportRequest request;
    request.db_path = args.required("--db");
    const std::string format = args.required("--format");
    if (format != "pdf" && format != "xlsx")
        throw UsageError(ctx.tr("--format 只接受 pdf 或 xlsx，而不是 ", "--format takes pdf or xlsx, not ") + format);
    const auto out = args.value("-o") ? args.value("-o") : args.value("--output");
    if (!out || out->empty()) throw UsageError(ctx.tr("缺少输出文件 -o PATH", "missing the output file -o PATH"));
    if (args.has("--all") == args.has("--filing"))
        throw UsageError(ctx.tr("请指定 --filing ID 或 --all（二选一）", "give either --filing ID or --all"));
    if (auto v = args.value("--error-verdict")) {
        if (*v == "退回" || *v == "return") request.on_error = io::ErrorVerdict::Return;
        else if (*v == "修改后通过" || *v == "amend") request.on_error = io::ErrorVerdict::Amend;
        else
            throw UsageError(ctx.tr("--error-verdict 只接受 退回（return）或 修改后通过（amend），而不是 ",
                                    "--error-verdict takes 退回 (return) or 修改后通过 (amend), not ") + *v);
    }
    if (auto id = args.value("--filing")) request.filing = positive_number(ctx, "--filing", *id);
    request.template_id = args.value("--template");
    if (auto year = args.value("--year")) request.year = static_cast<int>(positive_number(ctx, "--year", *year));
    request.overview = args.has("--all");
    request.jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);

    review::BuiltReport built;
    try {
        built = review::build_report(request);
    } catch (const store::StoreError& e) {
        ctx.err << "formwork report: " << store::describe(e, ctx.lang) << "\n";
        return kUsage;
    }
    if (built.no_checks) {
        ctx.err << "formwork report: " << ctx.tr("没有可用的检查脚本", "no usable check script") << "\n";
        return kUsage;
    }
    for (const auto& p : built.problems) ctx.err << "formwork report: " << p << "\n";
    if (built.damaged > 0)
        ctx.err << "formwork report: " << built.damaged << ctx.tr(" 份填报已损坏，未列入", " damaged filing(s) left out") << "\n";
    try {
        if (format == "pdf") io::write_report_pdf(built.report, *out);
        else io::write_report_xlsx(built.report, *out);
    } catch (const io::ExportError& e) {
        ctx.err << "formwork report: " << io::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
    ctx.out << ctx.tr("已写出 ", "Wrote ") << built.report.filings.size() << ctx.tr(" 份填报的审核意见到 ", " filing(s)' review to ") << *out << "\n";
    return built.incomplete() ? kIncomplete : kOk;
}

}  // namespace formwork::cli
