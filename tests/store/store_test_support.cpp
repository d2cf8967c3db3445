// Helpers of the store tests (see store_test_support.h).
#include "store_test_support.h"

#include "pg_cluster.h"

#include <grp.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace formwork::store::test {

TempDir::TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/formwork-store-XXXXXX";
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

FileSnapshot snapshot(const std::string& path) {
    FileSnapshot s;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        s.exists = true;
        s.bytes = read_file(path);
        s.mtime_ns = std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    }
    const auto folder = std::filesystem::path(path).parent_path();
    for (const auto& entry : std::filesystem::directory_iterator(folder)) s.folder.push_back(entry.path().filename());
    std::sort(s.folder.begin(), s.folder.end());
    return s;
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Filing sample_filing() {
    Filing f;
    f.template_id = "nantong-project";
    f.template_version = 2;
    f.fields["project_name"] = "信息化管理专项经费";
    f.fields["department"] = "南通市市场监督管理局";
    f.fields["start_year"] = "2024";
    f.fields["annual_goal"] = "保障全市市场监管信息系统安全稳定运行，\n全年故障处理及时率≥95%。";
    f.fields["blank"] = "";

    Table& income = f.table("income");
    income.rows.resize(3);
    income.rows[0].cells = {{"source", "资金总额"}, {"amount", "121.05"}};
    income.rows[1].cells = {{"source", "财政拨款"}, {"amount", "1,239.92"}};
    income.rows[2].cells = {{"source", "其他资金"}, {"amount", ""}};

    Table& expenses = f.table("expenses");
    expenses.rows.resize(4);  // rows 1 and 3 are blank and must survive
    expenses.rows[0].cells = {{"item", "市局电子政务外网安全监测服务费"}, {"half_year", "1.5"}, {"full_year", "18"}};
    expenses.rows[2].cells = {{"item", "机房运维"}, {"half_year", "4.2"}, {"full_year", "9.5"}};
    f.table("spending_plan");  // an empty table is kept as such

    Indicator a;
    a.level1 = "产出指标";
    a.level2 = "数量指标";
    a.name = "网络安全监测服务";
    a.targets = {{"half_year", "=100%"}, {"full_year", "≥90%"}};
    a.extra = {{"basis", "年度工作计划"}, {"description", "监测覆盖全部外网节点"}};
    Indicator b;
    b.level1 = "满意度指标";
    b.level2 = "服务对象满意度指标";
    b.name = "使用单位满意度";
    b.targets = {{"half_year", "满意率95%以上"}, {"full_year", "＜0.36百分比"}};
    f.indicators = {a, b, Indicator{}};
    f.notes = {{"import", "第 12 行：未能放置的单元格“单位：万元”"}, {"user", "请核对资金来源"}};
    return f;
}

Filing large_filing(int expense_rows, int indicators) {
    Filing f = sample_filing();
    Table& expenses = f.table("expenses");
    for (int i = 0; i < expense_rows; ++i) {
        TableRow row;
        row.cells = {{"item", "支出事项 " + std::to_string(i)},
                     {"half_year", std::to_string(i % 97) + ".5"},
                     {"full_year", std::to_string(i % 89 + 100)}};
        expenses.rows.push_back(row);
    }
    for (int i = 0; i < indicators; ++i) {
        Indicator ind;
        ind.level1 = "产出指标";
        ind.level2 = i % 2 ? "质量指标" : "时效指标";
        ind.name = "指标 " + std::to_string(i);
        ind.targets = {{"half_year", "≥" + std::to_string(i % 100) + "%"}, {"full_year", "≥1次/月"}};
        ind.extra = {{"basis", "依据 " + std::to_string(i)}};
        f.indicators.push_back(ind);
    }
    return f;
}

SaveInfo info_for(const Filing& f, const std::string& summary) {
    return {f.field("project_name"), f.field("start_year"), summary};
}

namespace {

struct Raw {
    sqlite3* db = nullptr;
    explicit Raw(const std::string& path, bool read_only = false) {
        const int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK)
            throw std::runtime_error("raw open failed: " + path);
    }
    ~Raw() { sqlite3_close(db); }
};

}  // namespace

void raw_exec(const std::string& path, const std::string& sql) {
    Raw raw(path);
    char* message = nullptr;
    if (sqlite3_exec(raw.db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string m = message ? message : "?";
        sqlite3_free(message);
        throw std::runtime_error("raw exec failed: " + m);
    }
}

std::string raw_query(const std::string& path, const std::string& sql, bool read_only) {
    Raw raw(path, read_only);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(raw.db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("raw prepare failed: ") + sqlite3_errmsg(raw.db));
    std::string out;
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        out = std::string("error: ") + sqlite3_errmsg(raw.db);
    sqlite3_finalize(stmt);
    return out;
}

std::string in_child(const std::function<std::string()>& fn, bool unprivileged) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        // The child never returns into Catch2: it reports through the pipe and _exits.
        ::close(fds[0]);
        std::string result;
        try {
            if (unprivileged && ::geteuid() == 0) {
                const gid_t nobody = 65534;
                if (::setgroups(0, nullptr) != 0 || ::setgid(nobody) != 0 || ::setuid(nobody) != 0)
                    result = "cannot drop privileges";
            }
            if (result.empty()) result = fn();
        } catch (const std::exception& e) {
            result = std::string("exception: ") + e.what();
        }
        const ssize_t ignored = ::write(fds[1], result.data(), result.size());
        (void)ignored;
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status)) return "crashed: " + out;
    return out;
}

std::string error_code_of(const std::function<void()>& fn) {
    try {
        fn();
        return "ok";
    } catch (const StoreError& e) {
        return code_name(e.code());
    } catch (const std::exception& e) {
        return std::string("other: ") + e.what();
    }
}

Location::Location(const std::string& backend_, const std::string& name) : backend(backend_) {
    if (sqlite()) {
        path = dir.file(name);
        shown = path;
    } else {
        path = formwork::test::pg_cluster().new_database();
        shown = path;
    }
}

std::string Location::query(const std::string& sql) const {
    if (sqlite()) return raw_query(path, sql, true);
    return formwork::test::pg_cluster().sql(formwork::test::pg_database_of(path), sql);
}

void Location::exec(const std::string& sql) const {
    if (sqlite()) raw_exec(path, sql);
    else formwork::test::pg_cluster().sql(formwork::test::pg_database_of(path), sql);
}

const char* const kPgBackToVersion1 =
    "DROP TRIGGER filing_cells_changed ON filing_cells; DROP TRIGGER filing_cells_added ON filing_cells;"
    " DROP FUNCTION formwork_cells_changed();"
    " DROP FUNCTION formwork_write_snapshot(bigint); DROP FUNCTION formwork_varint(bigint);"
    " DROP TABLE filing_snapshots; UPDATE formwork_schema SET version = 1";

}  // namespace formwork::store::test
