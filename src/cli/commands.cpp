// The subcommand table and the usage text generated from it.
#include "cli/commands.h"

#include <algorithm>
#include <charconv>
#include <ostream>

#include "cli/args.h"
#include "formwork_version.h"

namespace formwork::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"shell", "[--db PATH] [--open ID] [--focus PATH] [--screenshot PNG] [--frames N] [--size WxH] [FILE...]",
         "打开桌面程序（不带命令运行 formwork 也会打开）", "open the desktop shell (also what plain `formwork` does)", run_shell,
         "默认数据库是 ~/.local/share/formwork/formwork.db（首次运行时创建）。给出 FILE 时，程序打开后立即导入这些文件"
         "（从文件管理器打开 .xlsx、.docx 或 .json 文件即如此），导入窗口显示每个文件的结果。"
         "--open 打开一份填报；--focus 把光标放到一个字段或单元格（如 t/expenses/0/full_year）；--screenshot 画 --frames 帧后把窗口存为 PNG 并退出。退出码：0 正常关闭；1 无法打开窗口或数据库。",
         "The default database is ~/.local/share/formwork/formwork.db (created on first run). FILEs are imported as soon "
         "as the window opens (what opening an .xlsx, .docx or .json file from the file manager does); the import dialog "
         "shows each file's outcome. --open opens one filing; --focus puts the cursor on a field or cell (e.g. t/expenses/0/full_year); --screenshot writes the window as a PNG after --frames frames "
         "and exits. Exit codes: 0 closed normally; 1 no window or the database could not be opened."},
        {"help", "[COMMAND | --man]", "显示全部命令，或一个命令的用法（与 formwork COMMAND --help 相同）",
         "list the commands, or show how to use one (the same as formwork COMMAND --help)", run_help,
         "--man 输出由同一命令表生成的手册页（roff 格式，即安装的 formwork(1)）。",
         "--man prints the manual page made from the same table (roff; the installed formwork(1))."},
        {"target", "[--json] TEXT...", "解析绩效指标值（如 ≥90%、≤9.6万元）并显示结果",
         "parse target values (e.g. ≥90%, ≤9.6万元) and show the result", run_target},
        {"info", "--db PATH [--json]", "显示数据库信息：架构版本、填报数量、修订数量",
         "show a database: schema version, filings, revisions", run_info},
        {"templates", "[--json]", "列出已找到的模板及其状态（ok 或错误）",
         "list the templates found, with their status (ok or error)", run_templates},
        {"lint", "PATH...", "检查模板文件和检查脚本，逐条列出问题（文件:行号）",
         "check template files and check scripts, and list every problem (file:line)", run_lint},
        {"check", "--db PATH [--filing ID] [--template ID] [--year N] [--check ID[,ID…]] [--json] [--verbose]", "对已存的填报运行全部检查，按填报列出问题并汇总",
         "run every check over the stored filings; list the findings by filing, then a summary", run_check,
         "--check 只运行这些检查，--year 只检查这一年度的填报，--verbose 把检查用 check.log 输出的内容写到标准错误。"
         "退出码：0 没有错误级问题；1 有错误级问题；3 部分检查未能完成（脚本错误、超限中止、连续失败被停用、"
         "检查脚本或模板加载失败、填报损坏或模板缺失而被跳过），不论问题如何，详见 summary.script_errors；"
         "2 无法运行（参数错误、数据库打不开、没有可用的检查）。",
         "--check runs only these checks, --year checks only the filings of that budget year, --verbose writes what "
         "checks print with check.log to stderr. "
         "Exit codes: 0 no finding of severity error; 1 some error findings; 3 part of the work could not be done "
         "(a check ended in a script error, was stopped at a limit or switched off after failing repeatedly, a check "
         "script or template did not load, a damaged filing or one without its template was skipped), whatever the "
         "findings: see summary.script_errors; 2 nothing could run (usage, database, no usable check)."},
        {"checks", "[--json]", "列出已找到的检查及其级别、适用模板和状态",
         "list the checks found, with severity, templates and status", run_checks},
        {"test-checks", "[--check ID] [--json]", "运行每项检查自带的示例，报告是否符合预期",
         "run the example cases each check declares and report whether they hold", run_test_checks},
        {"import", "--db PATH [--template ID] [--separator tab|pipe|spaces|lines] [--sheet NAME|N] [--force] [--dry-run] [--json] FILE...",
         "导入填报文件（文本、xlsx、docx、HTML 或 formwork export 的 JSON，按内容识别），按最相符的模板读取，每个文件全部导入或全部不导入（多个文件成批写入，每个文件一个保存点）",
         "import filing documents (text, xlsx, docx, HTML or JSON from formwork export, recognised by content), each form read with the template that fits it best, each file all or nothing (many files saved in bulk, one savepoint per file)",
         run_import,
         "金额带单位（250万、2,500元）按栏目单位换算并记入备注；不完整（文件中断）或必填项不足一半的表格不导入，--force 仍导入。"
         "--separator 指定文本文件的分隔方式，--sheet 只读取 xlsx 的一个工作表。"
         "退出码：0 全部导入；1 有文件失败（该文件不写入任何内容）；3 有表格未导入而同一文件的其他表格已导入；2 参数错误。",
         "Money written with a unit (250万, 2,500元) is converted into its column's unit and noted; a form cut off by the end "
         "of the file or with fewer than half of its required values is refused, unless --force. --separator names how a text "
         "file lays out its cells, --sheet reads one sheet of an xlsx. Exit codes: 0 everything imported; 1 a file failed "
         "(nothing of it stored); 3 some forms refused while others of their files were imported; 2 usage."},
        {"list", "--db PATH [--json]", "列出数据库中的填报：编号、名称、模板、年度、总额、支出合计",
         "list the stored filings: id, title, template, year, total, expense total", run_list},
        {"show", "--db PATH [--json] ID", "显示一份填报的全部内容", "show one filing whole", run_show},
        {"export", "--db PATH (--filing ID | --all) --format xlsx|pdf|json|csv -o PATH",
         "导出填报：xlsx 或 pdf（按模板的版式），json（可再导入）或 csv（UTF-8 带 BOM 的单元格清单）",
         "export filings: xlsx or pdf (in the template's layout), json (re-importable) or csv (UTF-8 with BOM, one line per cell)",
         run_export},
        {"report", "--db PATH (--filing ID | --all) [--template ID] [--year N] --format pdf|xlsx -o PATH [--error-verdict 退回|修改后通过]",
         "审核意见：每份填报的问题（按级别和表格部分）、审核人意见和建议结论；--all 先给出汇总和图表",
         "the reviewer's report: per filing its findings (by severity and part of the form), the reviewer's notes and a suggested verdict; --all starts with an overview and charts",
         run_report,
         "建议结论：有错误为退回（--error-verdict 修改后通过：有错误也建议修改后通过），只有警告为修改后通过，否则为通过；已认可的警告不计入。同一数据库得到同一文件（按编号排序，日期取数据的最后修改日）。"
         "退出码：0 已写出；3 已写出但部分填报无法读取；1 文件无法写出；2 参数错误。",
         "Suggested verdict: 退回 with an error (--error-verdict 修改后通过, or amend: 修改后通过 even with errors), 修改后通过 with warnings only, else 通过; accepted warnings do not count. "
         "The same database gives the same file (sorted by id, dated by the newest change in the data). Exit codes: 0 "
         "written; 3 written but some filings could not be read; 1 the file could not be written; 2 usage."},
        {"review", "--db PATH --filing ID [--check ID --path P] [--note TEXT | --accept | --unaccept]",
         "审核人标记：填报或单条问题的审核人意见，认可一条警告（该值修改后失效）；不带操作时列出已有标记",
         "the reviewer's marks: a note on a filing or on one finding, a warning accepted as fine (until its value is edited); without an action, lists them",
         run_review},
        {"doctor", "--db PATH [--salvage OUT.json] [--json]",
         "检查数据库：SQLite 完整性检查，列出无法读取的填报，并可把全部可读取的填报抢救为 JSON",
         "examine a database: SQLite's integrity check, the filings that cannot be read, and a salvage of every readable one as JSON",
         run_doctor,
         "以只读方式打开，不写入数据库。退出码：0 正常；3 发现问题（已按要求抢救）；1 抢救文件无法写出；2 参数错误。"
         "抢救出的 JSON 可用 formwork import --db 新数据库 导入。",
         "Opens the database read-only and never writes to it. Exit codes: 0 sound; 3 problems found (salvaged if "
         "asked); 1 the salvage could not be written; 2 usage. The salvaged JSON imports with formwork import --db NEW.db."},
        {"migrate", "--db PATH [--template ID] [--dry-run] [--json]",
         "把按模板旧版本填写的填报迁移到当前版本，逐份报告各值的去向（移动、改名、拆分、转为备注）",
         "move filings filed with an earlier version of their template to the current version, reporting per filing where each value went (moved, renamed, split, kept as a note)",
         run_migrate,
         "每份迁移的填报保存为一个新修订，迁移前的修订可在修订历史中恢复；没有位置的值保留为备注，不会丢弃。"
         "--dry-run 以只读方式打开数据库，只报告不写入；--template 只迁移这个模板的填报。"
         "退出码：0 完成（或没有需要迁移的填报）；3 部分填报未能迁移或被跳过（迁移步骤出错、模板未安装、填报比已安装的模板新、填报损坏）；"
         "1 全部失败或数据库无法写入；2 参数错误。",
         "Each migrated filing is saved as a new revision; the revision before it can be restored from the revision "
         "history. A value the new version has no place for is kept as a note, never dropped. --dry-run opens the "
         "database read-only and reports without writing; --template migrates only that template's filings. Exit codes: "
         "0 done (or nothing to migrate); 3 some filings could not be migrated or were skipped (a step failed, the "
         "template is not installed, a filing is newer than the installed template, a damaged filing); 1 every "
         "migration failed or the database could not be written; 2 usage."},
        {"copy", "--next-year --db PATH [--force] [--json] ID",
         "由一份填报生成下一年度的填报（年度加一，金额按模板设定保留或清空，检查项目期）",
         "make next year's filing from a filing (year + 1, amounts kept or cleared as the template says, the project period checked)",
         run_copy,
         "新填报按模板的当前版本保存，原填报不变。项目期不含下一年度，或已有这个项目下一年度的填报时不创建，--force 仍然创建。"
         "退出码：0 已创建；1 未创建（模板没有年度字段、年度不明、项目期或重复，见错误信息）；2 参数错误。",
         "The new filing is stored with the template's current version; the source is left as it is. Not made when the "
         "project period does not include the new year or the store already holds the project's filing of that year, "
         "unless --force. Exit codes: 0 made; 1 not made (no year field, no year, the period or a duplicate: see the "
         "message); 2 usage."},
        {"set", "--db PATH --filing ID [--base REV] [--summary TEXT] [--json] NAME=VALUE...",
         "修改已存填报的值（字段 id、模板引用如 income.total.full_year，或单元格路径），保存为一个修订；不覆盖他人同时的修改",
         "edit values of a stored filing (a field id, a template reference such as income.total.full_year, or a cell path) as one revision; never overwrites another's edit",
         run_set,
         "修改基于 --base 修订（如 formwork show --json 给出的 revision），未给出时基于读取时的修订。其间他人的保存若改了别的单元格，"
         "则在其之上合并；若改了同一单元格，则不保存，逐个列出单元格（我的值、他人的值）。"
         "退出码：0 已保存（或没有改动）；4 冲突，未保存；1 无法保存（填报不存在、已提交、无权限）；2 参数错误。",
         "The edits are based on revision --base (e.g. the revision formwork show --json gave), else on the revision read "
         "here. A save by someone else in between that changed other cells is merged under these edits; one that changed "
         "the same cells makes this a conflict: nothing is saved and each cell is listed (mine, theirs). Exit codes: 0 "
         "saved (or nothing changed); 4 conflict, nothing saved; 1 not saved (no such filing, submitted, not allowed); 2 usage."},
        {"status", "--db PATH --filing ID [--submit | --approve | --return REASON] [--json]",
         "填报的审核状态（草稿、已提交、已审核、退回）及其历史；提交、审核通过或退回",
         "a filing's status (draft, submitted, approved, returned) and its history; submit, approve or return it",
         run_status,
         "草稿或退回的填报可提交（同时保存提交时的检查结果），已提交的可审核通过或退回（需给出原因）；已提交和已审核的填报不能修改。"
         "共享库上由数据库按角色判定：部门提交，审核人通过或退回。退出码：0 完成；1 不允许或无法写入；2 参数错误。",
         "A draft or returned filing can be submitted (the check results at submission are kept with it), a submitted one "
         "approved or returned (with a reason); a submitted or approved filing cannot be edited. On a shared store the "
         "database decides by role: departments submit, reviewers approve or return. Exit codes: 0 done; 1 not allowed "
         "or not written; 2 usage."},
        {"push", "--from LOCAL.db --to postgresql://… [--json]",
         "把本地数据库的填报连同修订复制到共享库；重复运行不产生重复",
         "copy the filings of a local database, with their revisions, to the shared store; running it again makes no duplicates",
         run_push,
         "填报和修订按各自的 uid 对应，只复制目标缺少的修订。两边都有对方没有的修改的填报不复制并列出。"
         "退出码：0 完成；3 部分填报未复制（两边都改过、无权限）；1 数据库无法打开；2 参数错误。",
         "Filings and revisions are matched by their uids; only the revisions the target lacks are copied. A filing edited "
         "on both sides is not copied and is named. Exit codes: 0 done; 3 some filings not copied (edited on both sides, "
         "not allowed); 1 a database could not be opened; 2 usage."},
        {"pull", "--from postgresql://… --to LOCAL.db [--json]",
         "把共享库中可见的填报连同修订复制到本地数据库；重复运行不产生重复",
         "copy the filings visible in the shared store, with their revisions, to a local database; running it again makes no duplicates",
         run_pull, "与 push 相同，方向相反。", "The same as push, the other way."},
        {"admin", "init --db postgresql://… | grant --db postgresql://… --user NAME --password PW (--department NAME | --reviewer)",
         "设置共享的 PostgreSQL 库：init 建立表、角色和权限；grant 为部门或审核人创建登录",
         "set up a shared PostgreSQL store: init makes the tables, roles and grants; grant makes a login for a department or a reviewer",
         run_admin,
         "由库的所有者（管理员）运行。部门登录只能看到和修改本部门（主管部门字段）的填报，审核人可看全部并写审核意见、审核状态；"
         "修订只能新增，任何人都不能改写。退出码：0 完成；1 数据库拒绝；2 参数错误。",
         "Run by the store's owner (the administrator). A department's login sees and edits only the filings of its "
         "department (the department field); a reviewer reads all and writes review notes and statuses; revisions can "
         "only be added, by anyone. Exit codes: 0 done; 1 refused by the database; 2 usage."},
    };
    return table;
}

const Command* find_command(std::string_view name) {
    for (const auto& c : commands())
        if (c.name == name) return &c;
    return nullptr;
}

void print_usage(Context& ctx, std::ostream& os) {
    os << ctx.tr("用法", "Usage") << ": formwork [--lang zh|en] <command> [options]\n"
       << "       formwork --help | --version\n\n"
       << ctx.tr("命令", "Commands") << ":\n";
    size_t width = 0;
    for (const auto& c : commands()) width = std::max(width, c.name.size());
    for (const auto& c : commands()) {
        std::string head = "  " + std::string(c.name);
        head.resize(width + 4, ' ');
        os << head << (ctx.lang == Lang::Zh ? c.summary_zh : c.summary_en) << "\n";
    }
    os << "\n"
       << ctx.tr("每个命令的选项：formwork <command> --help", "Options of a command: formwork <command> --help")
       << "\n";
}

void print_command_usage(Context& ctx, const Command& cmd, std::ostream& os) {
    os << ctx.tr("用法", "Usage") << ": formwork " << cmd.name << " " << cmd.usage << "\n  "
       << (ctx.lang == Lang::Zh ? cmd.summary_zh : cmd.summary_en) << "\n";
    const std::string_view details = ctx.lang == Lang::Zh ? cmd.details_zh : cmd.details_en;
    if (!details.empty()) os << "\n  " << details << "\n";
}

std::int64_t positive_number(const Context& ctx, const std::string& what, const std::string& text) {
    std::int64_t v = 0;
    const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size() || v <= 0)
        throw UsageError(what + ctx.tr(" 需要正整数：", " takes a positive integer: ") + text);
    return v;
}

}  // namespace formwork::cli
