// `formwork list --db DB [--json]`: the stored filings, one per line, or for scripts a JSON
// array of {id, title, template, year, total, expense_total}. Read-only. A damaged filing
// (stored cells that do not make a filing) is listed with what the index knows, totals null
// and a "damaged" key saying why; the exit code is then 3.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "cli/filing_json.h"
#include "core/text.h"
#include "templates/template_registry.h"
#include "store/database.h"
#include "store/filing_store.h"

namespace formwork::cli {

namespace {

std::string text_of(const nlohmann::json& v) {
    if (v.is_null()) return "-";
    return v.is_string() ? v.get<std::string>() : v.dump();
}

// `text` padded to `width` terminal columns: a CJK character takes two.
std::string pad(const std::string& text, int width) {
    int used = 0;
    for (char32_t c : text::decode_utf8(text)) used += c >= 0x1100 ? 2 : 1;
    return text + std::string(std::max(1, width - used), ' ');
}

}  // namespace

int run_list(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--json"}, {"--db"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    const std::string path = args.required("--db");
    script::TemplateRegistry registry;
    registry.refresh();
    try {
        store::Database db = store::Database::open(path, store::OpenMode::ReadOnly);
        store::FilingStore filings(db);
        std::map<std::int64_t, store::FilingSummary> stored;
        for (auto& s : filings.list()) stored[s.id] = s;
        nlohmann::json out = nlohmann::json::array();
        std::size_t damaged = 0;
        filings.for_each(
            [&](const Filing& f) {
                const auto spec = registry.find(f.template_id, f.template_version);
                const store::FilingSummary& s = stored[f.id];
                out.push_back(summary_json(f, filing_facts(f, spec.get(), s.title, s.year)));
            },
            [&](std::int64_t id, const store::StoreError& e) {
                // Listed with what the store's index still knows, and marked.
                ++damaged;
                const store::FilingSummary& s = stored[id];
                const std::string why = store::describe(e, ctx.lang);
                ctx.err << "formwork list: " << ctx.tr("填报 ", "filing ") << id << ctx.tr(" 已损坏：", " is damaged: ") << why << "\n";
                out.push_back({{"id", id}, {"title", s.title}, {"template", s.template_id},
                               {"year", s.year.empty() ? nlohmann::json() : nlohmann::json(s.year)}, {"total", nullptr},
                               {"expense_total", nullptr}, {"damaged", why}});
            });
        const int code = damaged > 0 ? kIncomplete : kOk;
        if (args.has("--json")) {
            ctx.out << json_text(out) << "\n";
            return code;
        }
        if (out.empty()) {
            ctx.out << ctx.tr("数据库中没有填报。", "The database holds no filings.") << "\n";
            return code;
        }
        ctx.out << pad("ID", 6) << pad(ctx.tr("年度", "Year"), 6) << pad(ctx.tr("模板", "Template"), 22)
                << pad(ctx.tr("总额", "Total"), 10) << pad(ctx.tr("支出合计", "Expenses"), 10) << ctx.tr("名称", "Title") << "\n";
        for (const auto& j : out)
            ctx.out << pad(std::to_string(j["id"].get<std::int64_t>()), 6) << pad(text_of(j["year"]), 6)
                    << pad(j["template"].get<std::string>(), 22) << pad(text_of(j["total"]), 10)
                    << pad(text_of(j["expense_total"]), 10) << j["title"].get<std::string>()
                    << (j.contains("damaged") ? ctx.tr("  【已损坏】", "  [damaged]") : "") << "\n";
        ctx.out << ctx.tr("共 ", "") << out.size() << ctx.tr(" 份填报", " filings");
        if (damaged) ctx.out << ctx.tr("，其中 ", ", ") << damaged << ctx.tr(" 份已损坏（formwork doctor 可检查并抢救）", " damaged (formwork doctor checks and salvages)");
        ctx.out << "\n";
        return code;
    } catch (const store::StoreError& e) {
        ctx.err << "formwork list: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
}

}  // namespace formwork::cli
