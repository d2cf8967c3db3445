// `formwork admin init --db URL` and `formwork admin grant --db URL --user NAME --password PW
// (--department NAME | --reviewer)`: set up a shared PostgreSQL store (schema, roles, grants)
// and make the logins of departments and reviewers. Run by the store's administrator.
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "store/database.h"
#include "store/shared_admin.h"

namespace formwork::cli {

int run_admin(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--reviewer"}, {"--db", "--user", "--password", "--department"}});
    if (args.positional().size() != 1 || (args.positional()[0] != "init" && args.positional()[0] != "grant"))
        throw UsageError(ctx.tr("需要 init 或 grant", "expected init or grant"));
    const std::string path = args.required("--db");
    if (!store::Database::is_shared(path))
        throw UsageError(ctx.tr("--db 应为 postgresql://… 地址（SQLite 文件没有角色）",
                                "--db takes a postgresql://… URL (an SQLite file has no roles)"));
    const bool grant = args.positional()[0] == "grant";
    std::string user, password, department;
    if (grant) {
        user = args.required("--user");
        password = args.required("--password");
        if (args.has("--department") == args.has("--reviewer"))
            throw UsageError(ctx.tr("--department 与 --reviewer 二选一", "give one of --department and --reviewer"));
        department = args.value("--department").value_or("");
        if (args.has("--department") && department.empty())
            throw UsageError(ctx.tr("--department 不能为空", "--department must not be empty"));
    }
    try {
        store::Database db = store::Database::open(path, store::OpenMode::CreateOrOpen);
        if (!grant) {
            store::init_shared_store(db);
            ctx.out << ctx.tr("共享库已就绪：", "shared store ready: ") << db.path() << "\n";
        } else {
            store::grant_login(db, user, password, department, args.has("--reviewer"));
            ctx.out << ctx.tr("已创建登录 ", "login ") << user
                    << (args.has("--reviewer") ? std::string(ctx.tr("（审核人）", " (reviewer)"))
                                               : ctx.tr("（部门：", " (department: ") + department + ctx.tr("）", ")"))
                    << "\n";
        }
        return kOk;
    } catch (const store::StoreError& e) {
        ctx.err << "formwork admin: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
}

}  // namespace formwork::cli
