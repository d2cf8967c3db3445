// `formwork review --db DB --filing ID [--check ID --path P] [--note TEXT | --accept |
// --unaccept]`: the reviewer's marks from a terminal (issue 19). With --note the note on the
// filing (or, with --check and --path, on that finding; an empty text removes it); --accept
// marks that warning as judged fine for the value it has now, --unaccept removes the mark.
// Without an action it prints the filing's note and accepted warnings. Exit 0, 1 when the
// store could not be read or written, 2 usage.
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "store/review_store.h"

namespace formwork::cli {

int run_review(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--accept", "--unaccept"}, {"--db", "--filing", "--check", "--path", "--note"}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    const std::string path = args.required("--db");
    const std::int64_t id = positive_number(ctx, "--filing", args.required("--filing"));
    const int actions = int(args.has("--note")) + int(args.has("--accept")) + int(args.has("--unaccept"));
    if (actions > 1) throw UsageError(ctx.tr("--note、--accept、--unaccept 只能选一个", "give one of --note, --accept, --unaccept"));
    const std::string check = args.value("--check").value_or(""), place = args.value("--path").value_or("");
    if (check.empty() != place.empty()) throw UsageError(ctx.tr("--check 与 --path 需一起给出", "--check and --path go together"));
    if ((args.has("--accept") || args.has("--unaccept")) && check.empty())
        throw UsageError(ctx.tr("--accept/--unaccept 需要 --check 和 --path", "--accept/--unaccept need --check and --path"));
    try {
        store::Database db = store::Database::open(path, actions ? store::OpenMode::OpenExisting : store::OpenMode::ReadOnly);
        store::FilingStore filings(db);
        const Filing filing = filings.load(id);  // an unknown id is an error
        store::ReviewStore reviews(db);
        if (args.has("--note")) reviews.set_note(id, check, place, *args.value("--note"));
        else if (args.has("--accept")) reviews.accept(filing, check, place);
        else if (args.has("--unaccept")) reviews.unaccept(id, check, place);
        else {
            for (const auto& n : reviews.filing_notes(id)) ctx.out << ctx.tr("审核人意见：", "Note: ") << n << "\n";
            for (const auto& a : reviews.accepted())
                if (a.filing == id)
                    ctx.out << ctx.tr("已认可：", "Accepted: ") << a.check << "  " << a.path
                            << (store::is_accepted({a}, filing, a.check, a.path) ? "" : ctx.tr("（值已修改，不再生效）", " (value edited since: lapsed)"))
                            << "\n";
        }
    } catch (const store::StoreError& e) {
        ctx.err << "formwork review: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
    return kOk;
}

}  // namespace formwork::cli
