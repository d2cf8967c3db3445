// `formwork status --db DB --filing ID [--submit | --approve | --return REASON] [--json]`: a
// filing's place in the workflow (草稿 → 已提交 → 已审核, or 退回 with a reason) and its
// history; with an action, takes that step. --submit stores the check results of the filing
// as they are at submission. On a shared store the server decides who may take a step.
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "checks/check_engine.h"
#include "cli/args.h"
#include "cli/check_output.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "store/database.h"
#include "store/filing_status.h"
#include "store/filing_store.h"
#include "store/store_queries.h"
#include "templates/template_registry.h"

namespace formwork::cli {

namespace {

// The one filing as the engine reads it; department checks read the rest through the queries.
class OneFiling final : public script::FilingSource {
public:
    explicit OneFiling(const Filing& f) : f_(f) {}
    void for_each(const std::function<void(const Filing&)>& visit) override { visit(f_); }
    Filing load(std::int64_t) override { return f_; }

private:
    const Filing& f_;
};

// The findings of every check on the filing, as `formwork check --json` gives them.
std::string findings_at_submission(const std::string& path, const Filing& filing, Lang lang) {
    script::TemplateRegistry templates;
    templates.refresh();
    script::CheckEngine engine(script::CheckEngine::lookup_in(templates));
    engine.refresh();
    engine.set_queries(store::query_factory(path));
    script::BatchOptions options;
    options.filing = filing.id;
    options.jobs = 1;
    OneFiling source(filing);
    const script::CheckReport report = engine.check_all(source, options);
    std::ostringstream out;
    write_report_json(out, report, {}, lang);
    return out.str();
}

}  // namespace

int run_status(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--submit", "--approve", "--json"}, {"--db", "--filing", "--return"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    const std::string path = args.required("--db");
    const std::int64_t id = positive_number(ctx, "--filing", args.required("--filing"));
    const int actions = int(args.has("--submit")) + int(args.has("--approve")) + int(args.has("--return"));
    if (actions > 1) throw UsageError(ctx.tr("--submit、--approve、--return 只能选一个", "give one of --submit, --approve, --return"));
    if (args.has("--return") && args.value("--return")->empty())
        throw UsageError(ctx.tr("--return 需要退回原因", "--return takes the reason"));
    try {
        store::Database db = store::Database::open(path, actions ? store::OpenMode::OpenExisting : store::OpenMode::ReadOnly);
        store::StatusStore statuses(db);
        if (args.has("--submit")) {
            store::FilingStore filings(db);
            const Filing f = filings.load(id);
            statuses.change(id, store::Status::Submitted, {}, findings_at_submission(path, f, ctx.lang));
        } else if (args.has("--approve")) {
            statuses.change(id, store::Status::Approved);
        } else if (args.has("--return")) {
            statuses.change(id, store::Status::Returned, *args.value("--return"));
        }
        const store::Status now = statuses.status(id);
        const auto history = statuses.history(id);
        if (args.has("--json")) {
            nlohmann::json h = nlohmann::json::array();
            for (const auto& c : history) {
                nlohmann::json findings = nullptr;
                if (!c.findings.empty()) findings = nlohmann::json::parse(c.findings, nullptr, false);
                h.push_back({{"status", store::status_code(c.status)}, {"revision", c.revision}, {"reason", c.reason},
                             {"at", c.at}, {"by", c.actor}, {"findings", findings}});
            }
            ctx.out << json_text({{"id", id}, {"status", store::status_code(now)}, {"history", h}}) << "\n";
        } else {
            ctx.out << "#" << id << "  " << store::status_label(now, ctx.lang) << "\n";
            for (const auto& c : history)
                ctx.out << "  " << c.at << "  " << store::status_label(c.status, ctx.lang) << "  "
                        << ctx.tr("修订 ", "revision ") << c.revision << (c.actor.empty() ? "" : "  " + c.actor)
                        << (c.reason.empty() ? "" : "  " + c.reason) << "\n";
        }
        return kOk;
    } catch (const store::StoreError& e) {
        ctx.err << "formwork status: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
}

}  // namespace formwork::cli
