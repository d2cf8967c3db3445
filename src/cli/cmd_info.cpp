// `formwork info --db PATH`: what a database file holds, opened read-only so that looking
// never changes it.
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "store/schema.h"

namespace formwork::cli {

int run_info(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--json"}, {"--db"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    const std::string path = args.required("--db");
    try {
        store::Database db = store::Database::open(path, store::OpenMode::ReadOnly);
        store::FilingStore filings(db);
        const auto list = filings.list();
        std::map<std::string, int> by_template;
        for (const auto& f : list) ++by_template[f.template_id];
        if (args.has("--json")) {
            nlohmann::json j = {{"path", path},
                                {"schema_version", store::latest_schema_version()},
                                {"filings", list.size()},
                                {"templates", by_template}};
            ctx.out << json_text(j) << "\n";
            return kOk;
        }
        ctx.out << ctx.tr("数据库", "Database") << ": " << path << "\n"
                << ctx.tr("架构版本", "Schema version") << ": " << store::latest_schema_version() << "\n"
                << ctx.tr("填报数量", "Filings") << ": " << list.size() << "\n";
        for (const auto& [tpl, n] : by_template) ctx.out << "  " << tpl << ": " << n << "\n";
        return kOk;
    } catch (const store::StoreError& e) {
        ctx.err << "formwork info: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
}

}  // namespace formwork::cli
