// `formwork shell` (and `formwork` alone): opens the desktop shell on a database — the
// default one in the user's data folder, created on first run, or --db PATH — and imports the
// files named after the options (what the desktop entry passes for a file opened from the
// file manager).
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "lua/script_files.h"
#include "store/store_error.h"
#include "ui/shell.h"

namespace formwork::cli {

namespace {

std::string default_database() {
    std::filesystem::path data = script::user_data_dir();
    if (data.empty()) data = ".";
    std::error_code ec;
    std::filesystem::create_directories(data / "formwork", ec);
    return (data / "formwork/formwork.db").string();
}

long to_number(const std::string& flag, const std::string& text, long lo, long hi) {
    char* end = nullptr;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end || v < lo || v > hi)
        throw UsageError(flag + " expects a number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return v;
}

}  // namespace

int run_shell(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{}, {"--db", "--open", "--focus", "--screenshot", "--frames", "--size"}});
    ui::ShellOptions options;
    // Absolute, so that the import dialog names each file whole.
    for (const auto& file : args.positional()) options.import_files.push_back(std::filesystem::absolute(file).string());
    options.lang = ctx.lang;
    options.db_path = args.value("--db").value_or(default_database());
    if (auto v = args.value("--open")) options.open_id = to_number("--open", *v, 1, 1L << 62);
    if (auto v = args.value("--focus")) options.focus_path = *v;
    if (auto v = args.value("--frames")) options.frames = static_cast<int>(to_number("--frames", *v, 1, 1000000));
    if (auto v = args.value("--screenshot")) {
        options.screenshot = *v;
        if (!options.frames) options.frames = 3;
    }
    if (auto v = args.value("--size")) {
        const auto x = v->find('x');
        if (x == std::string::npos) throw UsageError("--size expects WIDTHxHEIGHT, e.g. 1440x900");
        options.width = static_cast<int>(to_number("--size", v->substr(0, x), 320, 8192));
        options.height = static_cast<int>(to_number("--size", v->substr(x + 1), 240, 8192));
        options.size_given = true;
    }
    options.remember = options.frames == 0;
    try {
        return ui::run_shell(options);
    } catch (const store::StoreError& e) {
        ctx.err << "formwork shell: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
}

}  // namespace formwork::cli
