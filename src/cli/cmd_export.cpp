// `formwork export --db DB (--filing ID | --all) --format xlsx|pdf|json|csv -o PATH`: writes
// stored filings as a spreadsheet or PDF in their family's layout, or as JSON or CSV data.
// The output appears complete or not at all (src/io/export.h); the database is only read.
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "io/export.h"
#include "templates/template_registry.h"
#include "store/database.h"
#include "store/filing_store.h"

namespace formwork::cli {

int run_export(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--all"}, {"--db", "--filing", "--format", "-o", "--output"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    const std::string db_path = args.required("--db");
    const std::string format_name = args.required("--format");
    const auto format = io::parse_export_format(format_name);
    if (!format) throw UsageError(ctx.tr("--format 只接受 xlsx、pdf、json 或 csv，而不是 ", "--format takes xlsx, pdf, json or csv, not ") + format_name);
    const auto out = args.value("-o") ? args.value("-o") : args.value("--output");
    if (!out || out->empty()) throw UsageError(ctx.tr("缺少输出文件 -o PATH", "missing the output file -o PATH"));
    if (args.has("--all") == args.has("--filing"))
        throw UsageError(ctx.tr("请指定 --filing ID 或 --all（二选一）", "give either --filing ID or --all"));
    const std::int64_t only = args.has("--filing") ? positive_number(ctx, "--filing", *args.value("--filing")) : 0;

    std::vector<Filing> filings;
    std::size_t damaged = 0;
    try {
        store::Database db = store::Database::open(db_path, store::OpenMode::ReadOnly);
        store::FilingStore store(db);
        if (only) filings.push_back(store.load(only));
        else
            store.for_each([&](const Filing& f) { filings.push_back(f); },
                           [&](std::int64_t id, const store::StoreError& e) {
                               ++damaged;
                               ctx.err << "formwork export: " << ctx.tr("填报 ", "filing ") << id
                                       << ctx.tr(" 已损坏，未导出：", " is damaged and was not exported: ")
                                       << store::describe(e, ctx.lang) << "\n";
                           });
    } catch (const store::StoreError& e) {
        ctx.err << "formwork export: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }

    script::TemplateRegistry registry;
    registry.refresh();
    std::vector<io::ExportItem> items;
    for (const auto& f : filings) {
        // Laid out with the version it was filed with; when that version's description is not
        // kept, with the installed one, and say so.
        items.push_back({&f, registry.find(f.template_id, f.template_version)});
        const auto& spec = items.back().spec;
        if (spec && spec->version != f.template_version && (*format == io::ExportFormat::Xlsx || *format == io::ExportFormat::Pdf))
            ctx.err << "formwork export: " << ctx.tr("注意：填报 #", "note: filing #") << f.id << ctx.tr(" 按模板 ", " was filed with template ")
                    << f.template_id << ctx.tr(" 第 ", " version ") << f.template_version
                    << ctx.tr(" 版填写（该版本的描述未保留），按当前第 ", " (whose description is not kept); laid out with the installed version ")
                    << spec->version << ctx.tr(" 版的版式导出", "") << "\n";
    }
    try {
        io::export_filings(items, *format, *out);
    } catch (const io::ExportError& e) {
        ctx.err << "formwork export: " << io::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
    ctx.out << ctx.tr("已导出 ", "Exported ") << items.size() << ctx.tr(" 份填报到 ", " filing(s) to ") << *out << "\n";
    return damaged > 0 ? kIncomplete : kOk;
}

}  // namespace formwork::cli
