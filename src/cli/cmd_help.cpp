// `formwork help [COMMAND]`: for people who type the word rather than the flag. Prints exactly
// what `formwork --help` and `formwork COMMAND --help` print; `help --man` prints the manual
// page made from the same table (man_page.cpp).
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"

namespace formwork::cli {

int run_help(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--man"}, {}});
    const auto& names = args.positional();
    if (args.has("--man")) {
        if (!names.empty()) throw UsageError(ctx.tr("--man 不带命令名", "--man takes no command name"));
        print_man_page(ctx, ctx.out);
        return kOk;
    }
    if (names.empty()) {
        print_usage(ctx, ctx.out);
        return kOk;
    }
    if (names.size() > 1) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + names[1]);
    const Command* cmd = find_command(names[0]);
    if (!cmd) throw UsageError(ctx.tr("未知命令 ", "unknown command ") + names[0]);
    print_command_usage(ctx, *cmd, ctx.out);
    return kOk;
}

}  // namespace formwork::cli
