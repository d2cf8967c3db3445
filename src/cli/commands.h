// The table of subcommands: `formwork --help` lists it, `main` dispatches through it, and a
// new subcommand is one entry here plus one cmd_<name>.cpp.
#pragma once

#include <iosfwd>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"

namespace formwork::cli {

struct Context {
    Lang lang = Lang::Zh;
    std::ostream& out;
    std::ostream& err;

    // Picks the user's language for a message.
    const char* tr(const char* zh, const char* en) const { return lang == Lang::Zh ? zh : en; }
};

// Exit codes, stable for scripts.
// kIncomplete: the work ran but part of it could not (a check that could not run, a damaged
// filing skipped); what could be done was done and reported.
// kConflict: a save refused because another save changed the same cells since its base.
enum Exit : int { kOk = 0, kFailed = 1, kUsage = 2, kIncomplete = 3, kConflict = 4 };

struct Command {
    std::string_view name;
    std::string_view usage;  // arguments after the name, e.g. "[--json] TEXT..."
    std::string_view summary_zh;
    std::string_view summary_en;
    int (*run)(Context& ctx, const std::vector<std::string>& args);
    // Optional longer text for `formwork <command> --help`: options, exit codes.
    std::string_view details_zh = {};
    std::string_view details_en = {};
};

const std::vector<Command>& commands();
const Command* find_command(std::string_view name);

// A positive whole number given for `what` (a flag such as "--filing", or a name), or a
// UsageError naming `what` and the text given.
std::int64_t positive_number(const Context& ctx, const std::string& what, const std::string& text);

void print_usage(Context& ctx, std::ostream& os);
void print_command_usage(Context& ctx, const Command& cmd, std::ostream& os);
// The manual page (roff, man(7)) made from the same table, in ctx.lang (man_page.cpp).
void print_man_page(Context& ctx, std::ostream& os);

// Subcommand entry points (one file each).
int run_target(Context& ctx, const std::vector<std::string>& args);
int run_info(Context& ctx, const std::vector<std::string>& args);
int run_templates(Context& ctx, const std::vector<std::string>& args);
int run_lint(Context& ctx, const std::vector<std::string>& args);
int run_check(Context& ctx, const std::vector<std::string>& args);
int run_checks(Context& ctx, const std::vector<std::string>& args);
int run_test_checks(Context& ctx, const std::vector<std::string>& args);
int run_import(Context& ctx, const std::vector<std::string>& args);
int run_export(Context& ctx, const std::vector<std::string>& args);
int run_report(Context& ctx, const std::vector<std::string>& args);
int run_review(Context& ctx, const std::vector<std::string>& args);
int run_list(Context& ctx, const std::vector<std::string>& args);
int run_show(Context& ctx, const std::vector<std::string>& args);
int run_shell(Context& ctx, const std::vector<std::string>& args);
int run_doctor(Context& ctx, const std::vector<std::string>& args);
int run_help(Context& ctx, const std::vector<std::string>& args);
int run_migrate(Context& ctx, const std::vector<std::string>& args);
int run_copy(Context& ctx, const std::vector<std::string>& args);
int run_set(Context& ctx, const std::vector<std::string>& args);
int run_admin(Context& ctx, const std::vector<std::string>& args);
int run_push(Context& ctx, const std::vector<std::string>& args);
int run_pull(Context& ctx, const std::vector<std::string>& args);
int run_status(Context& ctx, const std::vector<std::string>& args);

}  // namespace formwork::cli
