// `formwork copy --next-year --db DB ID [--force] [--json]`: next year's filing of a
// continuing project, made from filing ID (core/next_year.h) and stored as a new filing. A
// filing of an earlier template version is copied as the current version would hold it (the
// source itself is left as it is). Refused, unless --force, when the project period does not
// cover the new year or the store already holds that project's filing of the new year.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.h"
#include "cli/change_json.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "core/filing_facts.h"
#include "core/next_year.h"
#include "core/text.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "templates/migration.h"

namespace formwork::cli {

namespace {

std::string period_text(const NextYearCopy& c) {
    auto y = [](const std::optional<int>& v) { return v ? std::to_string(*v) : std::string("?"); };
    return y(c.period_start) + "—" + y(c.period_end);
}

nlohmann::json year_or_null(const std::optional<int>& y) { return y ? nlohmann::json(*y) : nlohmann::json(); }

}  // namespace

int run_copy(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--next-year", "--force", "--json"}, {"--db"}});
    if (!args.has("--next-year"))
        throw UsageError(ctx.tr("请用 --next-year（由本年度填报生成下一年度的填报）",
                                "give --next-year (next year's filing from this year's)"));
    if (args.positional().size() != 1) throw UsageError(ctx.tr("需要一个填报编号", "expected one filing id"));
    const std::string path = args.required("--db");
    const std::int64_t id = positive_number(ctx, ctx.tr("填报编号", "the filing id"), args.positional()[0]);
    const bool force = args.has("--force");

    script::TemplateRegistry registry;
    registry.refresh();
    try {
        store::Database db = store::Database::open(path, store::OpenMode::OpenExisting);
        store::FilingStore store(db);
        const Filing source = store.load(id);
        // Next year's filing is made with the current version of the template.
        const script::MigrationResult current = script::migrate_filing(registry, source, ctx.lang);
        if (!current.ok()) {
            ctx.err << "formwork copy: " << current.error << "\n";
            return kFailed;
        }
        const FormSpec& spec = *current.to_spec;
        NextYearCopy copy = next_year_copy(current.filing, spec);
        if (copy.refusal == NextYearCopy::Refusal::NoYearField) {
            ctx.err << "formwork copy: " << ctx.tr("模板 ", "template ") << spec.id
                    << ctx.tr(" 没有预算年度字段，无法区分下一年度的填报", " has no budget-year field: next year's filing could not be told from this one")
                    << "\n";
            return kFailed;
        }
        if (copy.refusal == NextYearCopy::Refusal::NoYear) {
            ctx.err << "formwork copy: " << ctx.tr("填报 #", "filing #") << id << ctx.tr(" 的预算年度（", " has no budget year in ")
                    << spec.year_field << ctx.tr("）不是年份", "") << "\n";
            return kFailed;
        }
        const std::string title = filing_title(copy.filing, spec);
        std::vector<std::string> refusals;
        if (!copy.covers)
            refusals.push_back(std::string(ctx.tr("项目期 ", "the project period ")) + period_text(copy) +
                               ctx.tr(" 不含 ", " does not include ") + std::to_string(copy.year));
        for (const auto& s : store.list())
            if (s.template_id == spec.id && s.year == std::to_string(copy.year) && text::trim_utf8(s.title) == title && !title.empty())
                refusals.push_back(std::string(ctx.tr("已有这个项目 ", "the store already holds this project's ")) + std::to_string(copy.year) +
                                   ctx.tr(" 年度的填报 #", " filing, #") + std::to_string(s.id));
        if (!refusals.empty() && !force) {
            for (const auto& r : refusals)
                ctx.err << "formwork copy: " << r << ctx.tr("；--force 仍然创建", "; --force makes it anyway") << "\n";
            return kFailed;
        }
        const std::string summary = std::string(ctx.tr("由填报 #", "copied from filing #")) + std::to_string(id) +
                                    ctx.tr(" 复制为 ", " as ") + std::to_string(copy.year) + ctx.tr(" 年度", "");
        store.save(copy.filing, {title, std::to_string(copy.year), summary});

        if (args.has("--json")) {
            nlohmann::json j;
            j["source"] = id;
            j["id"] = copy.filing.id;
            j["title"] = title;
            j["template"] = spec.id;
            j["version"] = spec.version;
            j["year"] = copy.year;
            j["cleared"] = copy.cleared;
            j["notes_left"] = copy.notes_left;
            j["period"] = {{"start", year_or_null(copy.period_start)}, {"end", year_or_null(copy.period_end)}, {"covers", copy.covers}};
            j["migrated_from"] = current.needed() ? nlohmann::json(current.from) : nlohmann::json();
            j["migration_changes"] = changes_json(current.changes);
            j["forced"] = nlohmann::json::array();
            for (const auto& r : refusals) j["forced"].push_back(r);
            ctx.out << json_text(j) << "\n";
            return kOk;
        }
        ctx.out << ctx.tr("已创建填报 #", "Created filing #") << copy.filing.id << ctx.tr("：", ": ") << title << ctx.tr("，", ", ")
                << copy.year << ctx.tr(" 年度（由 #", " (from #") << id << ctx.tr("，模板 ", ", template ") << spec.id
                << ctx.tr(" 第 ", " version ") << spec.version << ctx.tr(" 版）", ")") << "\n";
        if (current.needed())
            ctx.out << "  " << ctx.tr("原填报按第 ", "the source was filed with version ") << current.from
                    << ctx.tr(" 版填写，已按当前版本复制（原填报未改动）", "; copied as the current version holds it (the source is unchanged)") << "\n";
        ctx.out << "  " << (spec.next_year.clear_amounts ? ctx.tr("金额已清空（模板设定）", "amounts cleared (as the template says)")
                                                         : ctx.tr("金额保留（模板设定）", "amounts kept (as the template says)"));
        if (!copy.cleared.empty()) ctx.out << ctx.tr("，清空 ", ", ") << copy.cleared.size() << ctx.tr(" 项", " values cleared");
        ctx.out << "\n";
        if (copy.period_start || copy.period_end)
            ctx.out << "  " << ctx.tr("项目期 ", "project period ") << period_text(copy)
                    << (copy.covers ? ctx.tr("，包含 ", ", includes ") : ctx.tr("，不含 ", ", does not include ")) << copy.year << "\n";
        for (const auto& r : refusals) ctx.out << "  " << ctx.tr("已强制创建：", "made with --force: ") << r << "\n";
        if (copy.notes_left) ctx.out << "  " << copy.notes_left << ctx.tr(" 条备注属于原填报，未复制", " note(s) of the source were not copied") << "\n";
        return kOk;
    } catch (const store::StoreError& e) {
        ctx.err << "formwork copy: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
}

}  // namespace formwork::cli
