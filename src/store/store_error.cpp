// Messages of StoreError in both languages (see store_error.h).
#include "store/store_error.h"

namespace formwork::store {

namespace {

using Code = StoreError::Code;
using Action = StoreError::Action;

struct Words {
    const char* zh;
    const char* en;
};

Words opening(Action action) {
    switch (action) {
    case Action::Open: return {"无法打开 ", "Cannot open "};
    case Action::Read: return {"无法读取 ", "Cannot read "};
    case Action::Write: return {"无法保存到 ", "Cannot save to "};
    }
    return {"", ""};
}

Words reason(Code code) {
    switch (code) {
    case Code::FileMissing: return {"文件不存在", "the file does not exist"};
    case Code::NoAccess: return {"没有读取该文件的权限", "permission to read the file is denied"};
    case Code::NotSqlite: return {"这不是 SQLite 数据库文件", "this is not an SQLite database file"};
    case Code::NotFormwork: return {"这不是 Formwork 数据库", "this is not a Formwork database"};
    case Code::NewerSchema:
        return {"该数据库由更新版本的 Formwork 写入，请升级本程序后再打开",
                "the database was written by a newer version of Formwork; upgrade this program to open it"};
    case Code::OlderSchema:
        return {"该数据库版本较旧，需要以可写方式打开一次以完成升级",
                "the database has an older format and must be opened once for writing to upgrade it"};
    case Code::ReadOnly: return {"文件或其所在文件夹是只读的", "the file or its folder is read-only"};
    case Code::Locked:
        return {"数据库正被另一个程序锁定，请稍后重试", "the database is locked by another program; try again later"};
    case Code::Corrupt: return {"数据库文件已损坏", "the database file is damaged"};
    case Code::DiskFull: return {"磁盘空间已满", "the disk is full"};
    case Code::Io: return {"读写文件时出错", "an input/output error occurred"};
    case Code::FilingNotFound: return {"没有编号为 %s 的填报表", "there is no filing number %s"};
    case Code::RevisionNotFound: return {"该填报表没有编号为 %s 的修订", "the filing has no revision number %s"};
    case Code::BadData: return {"存储的内容无法还原为填报表", "the stored content does not make a valid filing"};
    case Code::Sql: return {"数据库出错", "a database error occurred"};
    case Code::Denied: return {"没有权限", "not allowed"};
    case Code::Conflict:
        return {"另一次保存已修改了同样的单元格，未覆盖", "another save changed the same cells; nothing was overwritten"};
    }
    return {"", ""};
}

bool detail_is_id(Code code) { return code == Code::FilingNotFound || code == Code::RevisionNotFound; }

}  // namespace

StoreError::StoreError(Code code, Action action, std::string path, std::string detail)
    : std::runtime_error(std::string(code_name(code)) + ": " + path + (detail.empty() ? "" : ": " + detail)),
      code_(code), action_(action), path_(std::move(path)), detail_(std::move(detail)) {}

namespace {
std::string conflict_detail(std::int64_t filing, std::int64_t base, std::int64_t head, const std::vector<ConflictCell>& cells) {
    std::string out = "filing " + std::to_string(filing) + ", revision " + std::to_string(base) + " → " +
                      std::to_string(head) + ":";
    for (const auto& c : cells) out += " " + c.path;
    return out;
}
}  // namespace

ConflictError::ConflictError(std::string path, std::int64_t filing, std::int64_t base, std::int64_t head,
                             std::vector<ConflictCell> cells)
    : StoreError(Code::Conflict, Action::Write, std::move(path), conflict_detail(filing, base, head, cells)),
      filing_(filing), base_(base), head_(head), cells_(std::move(cells)) {}

std::string describe(const StoreError& e, Lang lang) {
    const bool zh = lang == Lang::Zh;
    const Words open = opening(e.action());
    const Words why = reason(e.code());
    std::string out = zh ? open.zh : open.en;
    out += e.path();
    out += zh ? "：" : ": ";
    std::string text = zh ? why.zh : why.en;
    if (detail_is_id(e.code())) {
        text.replace(text.find("%s"), 2, e.detail());
    } else if (!e.detail().empty()) {
        text += zh ? "（" + e.detail() + "）" : " (" + e.detail() + ")";
    }
    out += text;
    out += zh ? "。" : ".";
    return out;
}

const char* code_name(StoreError::Code code) {
    switch (code) {
    case Code::FileMissing: return "file-missing";
    case Code::NoAccess: return "no-access";
    case Code::NotSqlite: return "not-sqlite";
    case Code::NotFormwork: return "not-formwork";
    case Code::NewerSchema: return "newer-schema";
    case Code::OlderSchema: return "older-schema";
    case Code::ReadOnly: return "read-only";
    case Code::Locked: return "locked";
    case Code::Corrupt: return "corrupt";
    case Code::DiskFull: return "disk-full";
    case Code::Io: return "io";
    case Code::FilingNotFound: return "filing-not-found";
    case Code::RevisionNotFound: return "revision-not-found";
    case Code::BadData: return "bad-data";
    case Code::Sql: return "sql";
    case Code::Denied: return "denied";
    case Code::Conflict: return "conflict";
    }
    return "unknown";
}

}  // namespace formwork::store
