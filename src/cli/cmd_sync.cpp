// `formwork push --from LOCAL.db --to postgresql://…` and `formwork pull --from postgresql://…
// --to LOCAL.db`: copy filings with their revisions between a desk's file and the shared store
// (store/sync.h). Running either again copies only what is new. Exit 0 done; 3 some filings
// were edited on both sides (diverged) or refused, the rest copied; 1 a store could not be
// opened; 2 usage.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "store/database.h"
#include "store/sync.h"

namespace formwork::cli {

namespace {

int run_copy_between(Context& ctx, const std::vector<std::string>& argv, const char* name) {
    const Args args(argv, {{"--json"}, {"--from", "--to"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    const std::string from = args.required("--from"), to = args.required("--to");
    if (from == to) throw UsageError(ctx.tr("--from 与 --to 相同", "--from and --to are the same"));
    try {
        store::Database source = store::Database::open(from, store::OpenMode::OpenExisting);
        store::Database target = store::Database::open(to, store::OpenMode::CreateOrOpen);
        const store::SyncReport r = store::copy_filings(source, target, ctx.lang);
        if (args.has("--json")) {
            ctx.out << json_text({{"created", r.created}, {"updated", r.updated}, {"unchanged", r.unchanged},
                                  {"revisions", r.revisions}, {"diverged", r.diverged}, {"failed", r.failed}})
                    << "\n";
        } else {
            ctx.out << ctx.tr("新建 ", "created ") << r.created << ctx.tr(" 份，更新 ", ", updated ") << r.updated
                    << ctx.tr(" 份，未变 ", ", unchanged ") << r.unchanged << ctx.tr(" 份；复制修订 ", "; revisions copied ")
                    << r.revisions << "\n";
        }
        for (auto id : r.diverged)
            ctx.err << "formwork " << name << ": #" << id
                    << ctx.tr(" 在两边都有对方没有的修改，未复制", " was edited on both sides since it was copied; not copied") << "\n";
        for (const auto& f : r.failed) ctx.err << "formwork " << name << ": " << f << "\n";
        return r.diverged.empty() && r.failed.empty() ? kOk : kIncomplete;
    } catch (const store::StoreError& e) {
        ctx.err << "formwork " << name << ": " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
}

}  // namespace

int run_push(Context& ctx, const std::vector<std::string>& argv) { return run_copy_between(ctx, argv, "push"); }
int run_pull(Context& ctx, const std::vector<std::string>& argv) { return run_copy_between(ctx, argv, "pull"); }

}  // namespace formwork::cli
