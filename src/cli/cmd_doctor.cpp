// `formwork doctor --db DB [--salvage OUT.json] [--json]`: examines a database that misbehaves.
// Runs SQLite's integrity check, reads every stored filing and names the ones that cannot be
// read (and why), and with --salvage writes everything readable as a JSON export, which
// `formwork import` restores into a new database. Opens the file read-only: a damaged
// database is never written to. Exit 0 when all is sound, 3 when problems were found (and
// salvaged, if asked), 1 when the salvage could not be written, 2 on usage errors.
#include <map>
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "io/export.h"
#include "templates/template_registry.h"
#include "store/database.h"
#include "store/filing_store.h"

namespace formwork::cli {

namespace {

struct Damaged {
    std::int64_t id = 0;
    std::string title;
    std::string why;
};

// Every readable filing, and the damaged ones: one pass, or, when the pass itself breaks
// (a damaged page under the cell table), one filing at a time by the ids the index lists.
void read_all(store::FilingStore& store, Lang lang, std::vector<Filing>& readable, std::vector<Damaged>& damaged) {
    std::map<std::int64_t, store::FilingSummary> summaries;
    try {
        for (auto& s : store.list()) summaries[s.id] = s;
    } catch (const store::StoreError&) {
    }
    try {
        store.for_each([&](const Filing& f) { readable.push_back(f); },
                       [&](std::int64_t id, const store::StoreError& e) {
                           damaged.push_back({id, summaries[id].title, store::describe(e, lang)});
                       });
        return;
    } catch (const store::StoreError&) {
        readable.clear();
        damaged.clear();
    }
    for (const auto& [id, s] : summaries) {
        try {
            readable.push_back(store.load(id));
        } catch (const store::StoreError& e) {
            damaged.push_back({id, s.title, store::describe(e, lang)});
        }
    }
}

}  // namespace

int run_doctor(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--json"}, {"--db", "--salvage"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    const std::string path = args.required("--db");
    const auto salvage = args.value("--salvage");

    std::vector<std::string> integrity;
    std::vector<Filing> readable;
    std::vector<Damaged> damaged;
    try {
        store::Database db = store::Database::open(path, store::OpenMode::ReadOnly);
        try {
            integrity = db.integrity_problems();
        } catch (const store::StoreError& e) {
            integrity.push_back(store::describe(e, ctx.lang));
        }
        store::FilingStore store(db);
        read_all(store, ctx.lang, readable, damaged);
    } catch (const store::StoreError& e) {
        ctx.err << "formwork doctor: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }

    std::string salvaged_to;
    if (salvage && !readable.empty()) {
        script::TemplateRegistry registry;
        registry.refresh();
        std::vector<io::ExportItem> items;
        for (const auto& f : readable) items.push_back({&f, registry.find(f.template_id, f.template_version)});
        try {
            io::export_filings(items, io::ExportFormat::Json, *salvage);
            salvaged_to = *salvage;
        } catch (const io::ExportError& e) {
            ctx.err << "formwork doctor: " << io::describe(e, ctx.lang) << "\n";
            return kFailed;
        }
    }

    const bool sound = integrity.empty() && damaged.empty();
    if (args.has("--json")) {
        nlohmann::json jd = nlohmann::json::array();
        for (const auto& d : damaged) jd.push_back({{"id", d.id}, {"title", d.title}, {"error", d.why}});
        ctx.out << json_text({{"database", path},
                              {"integrity", integrity},
                              {"readable", readable.size()},
                              {"damaged", jd},
                              {"salvaged_to", salvaged_to.empty() ? nlohmann::json() : nlohmann::json(salvaged_to)},
                              {"ok", sound}})
                << "\n";
    } else {
        ctx.out << ctx.tr("数据库 ", "Database ") << path << "\n";
        if (integrity.empty()) {
            ctx.out << ctx.tr("  SQLite 完整性检查：正常\n", "  SQLite integrity check: ok\n");
        } else {
            ctx.out << ctx.tr("  SQLite 完整性检查发现问题：\n", "  SQLite integrity check found problems:\n");
            for (const auto& line : integrity) ctx.out << "    " << line << "\n";
        }
        ctx.out << "  " << readable.size() << ctx.tr(" 份填报可读取", " filings readable") << "\n";
        for (const auto& d : damaged)
            ctx.out << "  " << ctx.tr("已损坏：#", "damaged: #") << d.id << " " << d.title << "\n      " << d.why << "\n";
        if (!salvaged_to.empty())
            ctx.out << ctx.tr("  已将可读取的填报抢救到 ", "  salvaged the readable filings to ") << salvaged_to
                    << ctx.tr("（formwork import --db 新数据库 该文件 可恢复）", " (formwork import --db NEW.db that file restores them)")
                    << "\n";
        else if (!sound)
            ctx.out << ctx.tr("  加 --salvage OUT.json 可导出全部可读取的填报\n",
                              "  add --salvage OUT.json to export every readable filing\n");
    }
    return sound ? kOk : kIncomplete;
}

}  // namespace formwork::cli
