// `formwork set --db DB --filing ID [--base REV] [--json] NAME=VALUE…`: edits stored values from
// a terminal as one revision. NAME is a field id, a template reference or a cell path
// (core/cell_ref.h). The edits are based on --base (the revision the caller read, e.g. from
// `show --json`), else on the revision loaded here; a save that landed since on the same
// cells is not overwritten: exit 4 naming each cell with both values.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "core/cell_ref.h"
#include "core/filing_facts.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "templates/template_registry.h"

namespace formwork::cli {

namespace {

std::string shown(const std::optional<std::string>& v) { return v ? "“" + *v + "”" : "—"; }

nlohmann::json json_or_null(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

}  // namespace

int run_set(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--json"}, {"--db", "--filing", "--base", "--summary"}});
    const std::string path = args.required("--db");
    const std::int64_t id = positive_number(ctx, "--filing", args.required("--filing"));
    // 0: no --base, the revision loaded below.
    const std::int64_t base = args.value("--base") ? positive_number(ctx, "--base", *args.value("--base")) : 0;
    if (args.positional().empty()) throw UsageError(ctx.tr("需要 NAME=VALUE", "expected NAME=VALUE"));

    script::TemplateRegistry registry;
    registry.refresh();
    try {
        store::Database db = store::Database::open(path, store::OpenMode::OpenExisting);
        store::FilingStore filings(db);
        Filing f = filings.load(id);
        const auto spec = registry.find(f.template_id, f.template_version);
        for (const std::string& edit : args.positional()) {
            const auto eq = edit.find('=');
            if (eq == std::string::npos) throw UsageError(ctx.tr("应为 NAME=VALUE：", "expected NAME=VALUE: ") + edit);
            const auto cell = resolve_cell(f, spec.get(), edit.substr(0, eq));
            if (!cell) throw UsageError(ctx.tr("填报中没有这一项：", "the filing has no such value: ") + edit.substr(0, eq));
            try {
                f = with_cell(f, *cell, edit.substr(eq + 1));
            } catch (const std::exception&) {
                throw UsageError(ctx.tr("不是填报的单元格：", "not a cell of the filing: ") + *cell);
            }
        }
        if (base != 0) f.revision = base;
        store::SaveInfo info;
        info.summary = args.value("--summary").value_or(ctx.tr("命令行修改", "edited from the command line"));
        if (spec) {
            info.title = filing_title(f, *spec);
            if (auto y = filing_year(f, *spec)) info.year = std::to_string(*y);
        } else {
            for (const auto& s : filings.list())
                if (s.id == id) info.title = s.title, info.year = s.year;
        }
        const store::SaveResult r = filings.save(f, info);
        if (args.has("--json"))
            ctx.out << json_text({{"id", id}, {"revision", f.revision}, {"changed_cells", r.changed_cells}, {"merged", r.merged}})
                    << "\n";
        else if (r.changed())
            ctx.out << ctx.tr("已保存：填报 #", "saved: filing #") << id << ctx.tr("，修订 ", ", revision ") << r.revision
                    << ctx.tr("，改动 ", ", ") << r.changed_cells << ctx.tr(" 处", " cells changed")
                    << (r.merged ? ctx.tr("（在他人的新修订之上合并）", " (merged over a newer revision)") : "") << "\n";
        else
            ctx.out << ctx.tr("没有改动", "nothing changed") << "\n";
        return kOk;
    } catch (const store::ConflictError& e) {
        ctx.err << "formwork set: " << store::describe(e, ctx.lang) << "\n";
        for (const auto& c : e.cells())
            ctx.err << "  " << c.path << "  " << ctx.tr("我的 ", "mine ") << shown(c.mine) << "  "
                    << ctx.tr("他人的 ", "theirs ") << shown(c.theirs) << "\n";
        if (args.has("--json")) {
            nlohmann::json cells = nlohmann::json::array();
            for (const auto& c : e.cells())
                cells.push_back({{"path", c.path}, {"base", json_or_null(c.base)}, {"mine", json_or_null(c.mine)},
                                 {"theirs", json_or_null(c.theirs)}});
            ctx.out << json_text({{"id", id}, {"conflict", {{"base", e.base()}, {"head", e.head()}, {"cells", cells}}}}) << "\n";
        }
        return kConflict;
    } catch (const store::StoreError& e) {
        ctx.err << "formwork set: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
}

}  // namespace formwork::cli
