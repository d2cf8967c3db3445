// `formwork migrate --db DB [--template ID] [--dry-run] [--json]`: moves every stored filing
// filed with an earlier version of its template to the current version (src/templates/
// migration.h), each as a new revision whose predecessor can be restored, and reports per
// filing what happened to its values. --dry-run opens the database read-only and writes
// nothing. Filings already at the current version are counted, not listed.
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.h"
#include "cli/change_json.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "core/filing_facts.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "templates/migration.h"

namespace formwork::cli {

namespace {

struct Outcome {
    Filing before;  // as stored
    std::string title;
    script::MigrationResult result;
    std::string status;  // migrated, would_migrate, failed, skipped
    std::int64_t revision = 0;
    std::int64_t revision_before = 0;
};

std::string year_text(const Filing& f, const FormSpec& spec) {
    const auto y = filing_year(f, spec);
    return y ? std::to_string(*y) : std::string();
}

void print_text(Context& ctx, const Outcome& o) {
    const auto& r = o.result;
    ctx.out << "#" << o.before.id << "  " << o.title << "  " << o.before.template_id << "  ";
    if (o.status == "skipped" || o.status == "failed") {
        ctx.out << (o.status == "failed" ? ctx.tr("未能迁移：", "could not migrate: ") : ctx.tr("跳过：", "skipped: ")) << r.error << "\n";
        return;
    }
    ctx.out << ctx.tr("第 ", "version ") << r.from << ctx.tr(" 版 → 第 ", " → ") << r.to << ctx.tr(" 版", "");
    if (o.status == "migrated")
        ctx.out << ctx.tr("：已迁移，修订 ", ": migrated, revision ") << o.revision << ctx.tr("（迁移前的修订 ", " (the revision before, ")
                << o.revision_before << ctx.tr(" 可以恢复）", ", can be restored)");
    else
        ctx.out << ctx.tr("：将迁移（试运行，未写入）", ": would migrate (dry run, nothing written)");
    ctx.out << "\n";
    if (!r.from_known)
        ctx.out << "    " << ctx.tr("注意：没有保留第 ", "note: the description of version ") << r.from
                << ctx.tr(" 版的模板描述，按当前版本的编号读取原值", " is not kept; the old values were read by the current version's ids") << "\n";
    for (const auto& c : r.changes.changes) ctx.out << "    " << describe_change(c, ctx.lang) << "\n";
    if (r.changes.changes.empty()) ctx.out << "    " << ctx.tr("所有值位置不变", "every value stays where it was") << "\n";
}

nlohmann::json outcome_json(const Outcome& o) {
    const auto& r = o.result;
    nlohmann::json j;
    j["id"] = o.before.id;
    j["title"] = o.title;
    j["template"] = o.before.template_id;
    j["from_version"] = r.from;
    j["to_version"] = r.to ? nlohmann::json(r.to) : nlohmann::json();
    j["status"] = o.status;
    j["from_version_known"] = r.from_known;
    j["revision"] = o.revision ? nlohmann::json(o.revision) : nlohmann::json();
    j["revision_before"] = o.revision_before ? nlohmann::json(o.revision_before) : nlohmann::json();
    j["kept"] = r.changes.kept;
    j["notes_added"] = r.changes.notes_added;
    j["changes"] = changes_json(r.changes);
    j["error"] = r.error.empty() ? nlohmann::json() : nlohmann::json(r.error);
    return j;
}

}  // namespace

int run_migrate(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--dry-run", "--json"}, {"--db", "--template"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    const std::string path = args.required("--db");
    const auto only = args.value("--template");
    const bool dry_run = args.has("--dry-run");

    script::TemplateRegistry registry;
    registry.refresh();
    std::vector<Outcome> outcomes;
    std::size_t current = 0, damaged = 0;
    try {
        store::Database db = store::Database::open(path, dry_run ? store::OpenMode::ReadOnly : store::OpenMode::OpenExisting);
        store::FilingStore store(db);
        std::map<std::int64_t, store::FilingSummary> stored;
        for (auto& s : store.list()) stored[s.id] = s;
        // One pass reads every filing (the store's read transaction), the writes come after it.
        store.for_each(
            [&](const Filing& f) {
                if (only && f.template_id != *only) return;
                Outcome o{f, stored[f.id].title, script::migrate_filing(registry, f, ctx.lang), "", 0, stored[f.id].head_revision};
                if (o.result.ok() && !o.result.needed()) {
                    ++current;
                    return;
                }
                o.status = !o.result.ok() ? (o.result.to == 0 || o.result.from > o.result.to ? "skipped" : "failed")
                                          : dry_run ? "would_migrate" : "migrated";
                outcomes.push_back(std::move(o));
            },
            [&](std::int64_t id, const store::StoreError& e) {
                ++damaged;
                ctx.err << "formwork migrate: " << ctx.tr("填报 ", "filing ") << id << ctx.tr(" 已损坏，未迁移：", " is damaged and was not migrated: ")
                        << store::describe(e, ctx.lang) << "\n";
            });
        if (!dry_run) {
            // All of them in one transaction: a write that fails leaves every filing as it was.
            store::FilingStore::Batch batch(store);
            for (auto& o : outcomes) {
                if (o.status != "migrated") continue;
                Filing f = o.result.filing;
                const FormSpec& spec = *o.result.to_spec;
                const std::string summary = std::string(ctx.tr("迁移到模板第 ", "migrated to template version ")) +
                                            std::to_string(o.result.to) + ctx.tr(" 版", "");
                o.revision = store.save(f, {filing_title(f, spec), year_text(f, spec), summary}).revision;
            }
            batch.commit();
        }
    } catch (const store::StoreError& e) {
        ctx.err << "formwork migrate: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }

    std::size_t moved = 0, failed = 0, skipped = 0;
    for (const auto& o : outcomes) {
        moved += o.status == "migrated" || o.status == "would_migrate";
        failed += o.status == "failed";
        skipped += o.status == "skipped";
    }
    const int code = failed > 0 && moved == 0 ? kFailed : (failed + skipped + damaged > 0 ? kIncomplete : kOk);
    if (args.has("--json")) {
        nlohmann::json out;
        out["dry_run"] = dry_run;
        out["filings"] = nlohmann::json::array();
        for (const auto& o : outcomes) out["filings"].push_back(outcome_json(o));
        out["summary"] = {{"migrated", dry_run ? 0 : moved}, {"would_migrate", dry_run ? moved : 0}, {"current", current},
                          {"failed", failed}, {"skipped", skipped}, {"damaged", damaged}};
        ctx.out << json_text(out) << "\n";
        return code;
    }
    for (const auto& o : outcomes) print_text(ctx, o);
    ctx.out << (dry_run ? ctx.tr("试运行：", "Dry run: ") : "") << moved
            << (dry_run ? ctx.tr(" 份填报将迁移", " filing(s) would be migrated") : ctx.tr(" 份填报已迁移", " filing(s) migrated"))
            << ctx.tr("，", ", ") << current << ctx.tr(" 份已是当前版本", " already current");
    if (failed) ctx.out << ctx.tr("，", ", ") << failed << ctx.tr(" 份未能迁移", " failed");
    if (skipped) ctx.out << ctx.tr("，", ", ") << skipped << ctx.tr(" 份跳过", " skipped");
    if (damaged) ctx.out << ctx.tr("，", ", ") << damaged << ctx.tr(" 份已损坏", " damaged");
    ctx.out << "\n";
    return code;
}

}  // namespace formwork::cli
