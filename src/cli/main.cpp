// `formwork`: the one executable. Global options, then dispatch through the command table.
// Exit codes: 0 success, 1 the work failed, 2 usage error (unknown command or option).
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "formwork_version.h"

using namespace formwork;
using namespace formwork::cli;

namespace {

Lang lang_from_env() {
    const char* v = std::getenv("FORMWORK_LANG");
    return v && std::strncmp(v, "en", 2) == 0 ? Lang::En : Lang::Zh;
}

}  // namespace

int main(int argc, char** argv) {
    Context ctx{lang_from_env(), std::cout, std::cerr};
    std::vector<std::string> args(argv + 1, argv + argc);

    // Global options come before the command name; --lang may also follow it.
    size_t i = 0;
    for (; i < args.size() && args[i].rfind("-", 0) == 0; ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            print_usage(ctx, std::cout);
            return kOk;
        }
        if (a == "--version") {
            std::cout << "formwork " << FORMWORK_VERSION << " (" << ctx.tr("提交 ", "commit ") << FORMWORK_COMMIT << ")\n";
            return kOk;
        }
        if (a == "--lang" || a.rfind("--lang=", 0) == 0) {
            std::string v = a == "--lang" ? (i + 1 < args.size() ? args[++i] : "") : a.substr(7);
            if (v != "zh" && v != "en") {
                ctx.err << "formwork: --lang " << ctx.tr("只接受 zh 或 en", "takes zh or en") << "\n";
                print_usage(ctx, std::cerr);
                return kUsage;
            }
            ctx.lang = v == "en" ? Lang::En : Lang::Zh;
            continue;
        }
        ctx.err << "formwork: " << ctx.tr("未知选项 ", "unknown option ") << a << "\n\n";
        print_usage(ctx, std::cerr);
        return kUsage;
    }
    // Plain `formwork` opens the desktop shell on the default database.
    const bool no_command = i == args.size();
    const Command* cmd = no_command ? find_command("shell") : find_command(args[i]);
    if (!cmd) {
        ctx.err << "formwork: " << ctx.tr("未知命令 ", "unknown command ") << args[i] << "\n\n";
        print_usage(ctx, std::cerr);
        return kUsage;
    }
    std::vector<std::string> rest;
    for (size_t j = no_command ? i : i + 1; j < args.size(); ++j) {
        if (args[j] == "--help" || args[j] == "-h") {
            print_command_usage(ctx, *cmd, std::cout);
            return kOk;
        }
        if ((args[j] == "--lang" && j + 1 < args.size()) || args[j].rfind("--lang=", 0) == 0) {
            std::string v = args[j] == "--lang" ? args[++j] : args[j].substr(7);
            if (v != "zh" && v != "en") {
                ctx.err << "formwork: --lang " << ctx.tr("只接受 zh 或 en", "takes zh or en") << "\n";
                return kUsage;
            }
            ctx.lang = v == "en" ? Lang::En : Lang::Zh;
            continue;
        }
        rest.push_back(args[j]);
    }
    try {
        return cmd->run(ctx, rest);
    } catch (const UsageError& e) {
        ctx.err << "formwork " << cmd->name << ": " << e.what() << "\n";
        print_command_usage(ctx, *cmd, std::cerr);
        return kUsage;
    } catch (const std::exception& e) {
        ctx.err << "formwork " << cmd->name << ": " << e.what() << "\n";
        return kFailed;
    }
}
