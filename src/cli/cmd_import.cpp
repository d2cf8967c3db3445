// `formwork import --db DB [--template ID] [--separator S] [--sheet NAME|N] [--force] [--dry-run]
// [--json] FILE...`: reads filing documents (text in any layout, xlsx, docx, HTML, a JSON
// export; the reader is picked by content) into the database, each file all or nothing (a
// file that fails leaves nothing behind; the other files still import). A form that is cut off
// or holds too little of its template is refused, unless --force. Exit 1 when a file failed,
// 3 when some forms were refused while others of their files imported, 0 otherwise.
// Many files are read at once on worker threads (io/import_ahead.h) and saved in bulk: one
// transaction per kFilesPerCommit files, each file in its own savepoint, so that a file that
// fails to save is undone alone; what the files say is printed once their transaction commits.
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <sstream>
#include <thread>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "cli/filing_json.h"
#include "core/filing_facts.h"
#include "io/import_ahead.h"
#include "io/import_files.h"
#include "io/importer.h"
#include "templates/template_registry.h"
#include "store/database.h"
#include "store/filing_store.h"

namespace formwork::cli {

namespace {

// Progress on a terminal only: a line rewritten in place on stderr, never in a pipe or a log.
class Progress {
public:
    explicit Progress(std::size_t total) : on_(isatty(STDERR_FILENO) && total > 1), total_(total) {}
    ~Progress() { clear(); }
    void show(std::size_t done, const std::string& file) {
        if (!on_) return;
        std::cerr << "\r\033[K[" << done + 1 << "/" << total_ << "] " << file << std::flush;
    }
    void clear() {
        if (on_) std::cerr << "\r\033[K" << std::flush;
    }

private:
    bool on_;
    std::size_t total_;
};

// Files saved per transaction in bulk: one commit (one fsync) for many files, while a crash or a
// failing disk loses no more than these.
constexpr std::size_t kFilesPerCommit = 256;

}  // namespace

int run_import(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--json", "--dry-run", "--force"}, {"--db", "--template", "--separator", "--sheet"}});
    const bool dry_run = args.has("--dry-run"), json = args.has("--json");
    if (args.positional().empty()) throw UsageError(ctx.tr("缺少要导入的文件", "no files to import"));
    const std::optional<std::string> db_path = dry_run ? args.value("--db") : args.required("--db");
    const std::string forced = args.value("--template").value_or("");
    io::ImportOptions options;
    options.template_id = forced;
    options.force = args.has("--force");
    options.sheet = args.value("--sheet");
    if (auto sep = args.value("--separator")) {
        options.layout = io::text_layout_named(*sep);
        if (!options.layout)
            throw UsageError(ctx.tr("--separator 只接受 tab、pipe、spaces 或 lines，而不是 ", "--separator takes tab, pipe, spaces or lines, not ") + *sep);
    }

    script::TemplateRegistry registry;
    registry.refresh();
    std::vector<std::shared_ptr<const FormSpec>> specs;
    for (const auto& e : registry.entries())
        if (e.ok()) specs.push_back(e.spec);
    io::Importer importer(specs);
    if (!forced.empty() && !importer.has_template(forced))
        throw UsageError(ctx.tr("没有这个模板：", "no such template: ") + forced);

    std::optional<store::Database> db;
    std::optional<store::FilingStore> filings;
    if (!dry_run) {
        try {
            db.emplace(store::Database::open(*db_path, store::OpenMode::CreateOrOpen));
            if (auto why = io::refuse_damaged_database(*db, ctx.lang)) {
                ctx.err << "formwork import: " << *why << "\n";
                return kFailed;
            }
            filings.emplace(*db);
        } catch (const store::StoreError& e) {
            ctx.err << "formwork import: " << store::describe(e, ctx.lang) << "\n";
            return kFailed;
        }
    }

    nlohmann::json out_files = nlohmann::json::array();
    std::size_t imported = 0, failed = 0, refused = 0;
    const std::vector<std::string>& paths = args.positional();
    Progress progress(paths.size());
    const unsigned jobs = paths.size() > 1 ? std::clamp(std::thread::hardware_concurrency(), 1u, 8u) : 0;
    io::ImportAhead ahead(importer, specs, paths, options, jobs);

    // The open bulk transaction, and what the files saved in it print once it commits.
    std::optional<store::FilingStore::Batch> bulk;
    struct Held {
        std::size_t json;  // index in out_files
        std::string text;  // for ctx.out
        std::size_t filings = 0, refused = 0;
    };
    std::vector<Held> held;
    // Commits the bulk transaction; if it cannot be (or SQLite already rolled it back), the files
    // saved in it failed after all, with `why`.
    auto settle = [&](std::optional<std::string> why) {
        if (bulk && !why) {
            try {
                if (bulk->intact()) bulk->commit();
                else why = ctx.tr("事务已被回滚", "the transaction was rolled back");
            } catch (const store::StoreError& e) {
                why = store::describe(e, ctx.lang);
            }
        }
        bulk.reset();
        for (Held& h : held) {
            if (!why) {
                ctx.out << h.text;
                continue;
            }
            nlohmann::json& jf = out_files[h.json];
            ++failed;
            imported -= h.filings;
            refused -= h.refused;
            jf["ok"] = false;
            jf["error"] = *why;
            jf["filings"] = nlohmann::json::array();
            ctx.err << "formwork import: " << jf["file"].get<std::string>() << ": " << *why << "\n";
        }
        held.clear();
    };

    for (std::size_t n = 0; n < paths.size(); ++n) {
        const std::string& path = paths[n];
        progress.show(n, path);
        io::FileImport file = ahead.next(n);
        std::string error = ctx.lang == Lang::Zh ? file.error.zh : file.error.en;
        if (!file.failed && filings) {
            if (!bulk && paths.size() > 1) bulk.emplace(*filings);
            if (auto why = io::save_imported(*filings, file, ctx.lang)) {
                file.failed = true, error = *why;
                // A failure SQLite answered by rolling back everything takes the earlier files
                // of this transaction with it.
                if (bulk && !bulk->intact()) settle(*why);
            }
        }
        progress.clear();
        std::ostringstream out;
        std::size_t file_refused = 0;
        nlohmann::json jf = {{"file", path}, {"ok", !file.failed}, {"error", nullptr}, {"line", nullptr},
                             {"format", file.format}, {"layout", file.layout}};
        nlohmann::json warnings = nlohmann::json::array();
        for (const auto& w : file.warnings) {
            const std::string& text = ctx.lang == Lang::Zh ? w.zh : w.en;
            warnings.push_back(text);
            ctx.err << "formwork import: " << path << ": " << text << "\n";
        }
        jf["warnings"] = std::move(warnings);
        if (file.failed) {
            ++failed;
            jf["error"] = error;
            if (file.line > 0) jf["line"] = file.line;
            ctx.err << "formwork import: " << path << (file.line > 0 ? ":" + std::to_string(file.line) : "") << ": " << error << "\n";
        } else if (!json) {
            out << path << "  (" << file.format << (file.layout.empty() ? "" : ", " + file.layout) << ")\n";
        }
        // Forms of the file that were not taken, and why.
        nlohmann::json jrefused = nlohmann::json::array();
        for (const auto& x : file.refused) {
            const std::string why = ctx.lang == Lang::Zh ? x.why.zh : x.why.en;
            jrefused.push_back({{"line", x.line}, {"template", x.template_id.empty() ? nlohmann::json() : nlohmann::json(x.template_id)},
                                {"reason", why}, {"values", x.values}, {"required", x.required}, {"missing", x.missing}});
            if (!file.failed) {
                ++refused;
                ++file_refused;
                ctx.err << "formwork import: " << path << ":" << x.line << ": " << ctx.tr("未导入这份表格：", "form not imported: ") << why << "\n";
            }
        }
        jf["refused"] = std::move(jrefused);
        nlohmann::json jfilings = nlohmann::json::array();
        if (file.failed) file.filings.clear();  // nothing of a failed file was stored
        for (const auto& f : file.filings) {
            ++imported;
            const FilingFacts facts = filing_facts(f.filing, f.spec.get());
            nlohmann::json j = summary_json(f.filing, facts);
            if (dry_run) j["id"] = nullptr;
            j["first_line"] = f.first_line;
            nlohmann::json unplaced = nlohmann::json::array();
            for (const auto& u : f.unplaced) unplaced.push_back({{"line", u.line}, {"text", u.text}});
            j["unplaced"] = std::move(unplaced);
            nlohmann::json conversions = nlohmann::json::array();
            for (const auto& c : f.conversions) conversions.push_back({{"line", c.line}, {"text", c.text}});
            j["conversions"] = std::move(conversions);
            j["values"] = f.values;
            j["required"] = f.required;
            j["missing"] = f.missing;
            j["forced"] = f.forced ? nlohmann::json(ctx.lang == Lang::Zh ? f.forced->zh : f.forced->en) : nlohmann::json();
            jfilings.push_back(std::move(j));
            if (json) continue;
            out << "  " << (dry_run ? std::string("-") : "#" + std::to_string(f.filing.id)) << "  " << facts.title << "  ("
                << f.filing.template_id << ")  " << ctx.tr("总额 ", "total ")
                << (facts.total.is_string() ? facts.total.get<std::string>() : std::string("-")) << "\n";
            for (const auto& u : f.unplaced)
                out << "      " << ctx.tr("未能放置 ", "unplaced ") << path << ":" << u.line << ": " << u.text << "\n";
            for (const auto& c : f.conversions) out << "      " << ctx.tr("金额 ", "money ") << path << ":" << c.line << ": " << c.text << "\n";
            if (!f.missing.empty())
                out << "      " << ctx.tr("必填而空缺 ", "required but blank ") << f.missing.size() << "/" << f.required << "\n";
            if (f.forced) out << "      " << ctx.tr("（--force 保留）", "(kept by --force) ") << (ctx.lang == Lang::Zh ? f.forced->zh : f.forced->en) << "\n";
        }
        jf["filings"] = std::move(jfilings);
        out_files.push_back(std::move(jf));
        // A failed file prints nothing to ctx.out, so held output keeps the files in order.
        if (bulk && !file.failed) held.push_back({out_files.size() - 1, out.str(), file.filings.size(), file_refused});
        else ctx.out << out.str();
        if (bulk && held.size() >= kFilesPerCommit) settle(std::nullopt);
    }
    settle(std::nullopt);

    if (json) {
        ctx.out << json_text(nlohmann::json{{"files", out_files}, {"filings", imported}, {"failed", failed},
                                            {"refused", refused}, {"dry_run", dry_run}})
                << "\n";
    } else {
        ctx.out << ctx.tr("导入 ", "Imported ") << imported << ctx.tr(" 份填报，来自 ", " filings from ")
                << paths.size() - failed << ctx.tr(" 个文件", " files");
        if (failed) ctx.out << ctx.tr("；", "; ") << failed << ctx.tr(" 个文件失败", " files failed");
        if (refused) ctx.out << ctx.tr("；", "; ") << refused << ctx.tr(" 份表格未导入", " forms refused");
        if (dry_run) ctx.out << ctx.tr("（试运行，未写入）", " (dry run, nothing written)");
        ctx.out << "\n";
    }
    return failed ? kFailed : refused ? kIncomplete : kOk;
}

}  // namespace formwork::cli
