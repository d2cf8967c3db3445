// Statuses of filings (see filing_status.h): one transaction reads the status under the
// filing's row lock, checks the step and writes the status and its history row.
#include "store/filing_status.h"

#include "store/sql.h"
#include "store/store_clock.h"

namespace formwork::store {

namespace {

constexpr auto kRead = StoreError::Action::Read;
constexpr auto kWrite = StoreError::Action::Write;

}  // namespace

const char* status_code(Status s) {
    switch (s) {
    case Status::Draft: return "draft";
    case Status::Submitted: return "submitted";
    case Status::Approved: return "approved";
    case Status::Returned: return "returned";
    }
    return "draft";
}

std::optional<Status> parse_status(const std::string& code) {
    for (Status s : {Status::Draft, Status::Submitted, Status::Approved, Status::Returned})
        if (code == status_code(s)) return s;
    return std::nullopt;
}

const char* status_label(Status s, Lang lang) {
    const bool zh = lang == Lang::Zh;
    switch (s) {
    case Status::Draft: return zh ? "草稿" : "Draft";
    case Status::Submitted: return zh ? "已提交" : "Submitted";
    case Status::Approved: return zh ? "已审核" : "Approved";
    case Status::Returned: return zh ? "退回" : "Returned";
    }
    return "";
}

bool status_step_allowed(Status from, Status to) {
    if (to == Status::Submitted) return from == Status::Draft || from == Status::Returned;
    if (to == Status::Approved || to == Status::Returned) return from == Status::Submitted;
    return false;
}

Status StatusStore::status(std::int64_t filing) {
    Statement s(db_.handle(), db_.path(), "SELECT status FROM filings WHERE id = ?1", kRead);
    auto q = s.use();
    if (!q.bind(1, filing).step())
        throw StoreError(StoreError::Code::FilingNotFound, kRead, db_.path(), std::to_string(filing));
    return parse_status(q.text(0)).value_or(Status::Draft);
}

void StatusStore::change(std::int64_t filing, Status to, const std::string& reason, const std::string& findings) {
    Connection* c = db_.handle();
    TransactionStatements tx(c, db_.path());
    WriteTransaction transaction(tx);
    Statement lock(c, db_.path(),
                   c->backend() == Backend::Postgres ? "SELECT status, head_revision FROM filings WHERE id = ?1 FOR UPDATE"
                                                     : "SELECT status, head_revision FROM filings WHERE id = ?1",
                   kWrite);
    Status from = Status::Draft;
    std::int64_t revision = 0;
    {
        auto q = lock.use();
        if (!q.bind(1, filing).step())
            throw StoreError(StoreError::Code::FilingNotFound, kWrite, db_.path(), std::to_string(filing));
        from = parse_status(q.text(0)).value_or(Status::Draft);
        revision = q.int64(1);
    }
    if (!status_step_allowed(from, to))
        throw StoreError(StoreError::Code::Denied, kWrite, db_.path(),
                         std::string(status_code(from)) + " → " + status_code(to));
    const std::string at = now_iso();
    Statement update(c, db_.path(), "UPDATE filings SET status = ?2, status_reason = ?3, updated_at = ?4 WHERE id = ?1",
                     kWrite);
    update.use().bind(1, filing).bind(2, status_code(to)).bind(3, reason).bind(4, at).run();
    Statement insert(c, db_.path(),
                     "INSERT INTO status_changes(filing_id, revision, status, reason, at, findings)"
                     " VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                     kWrite);
    insert.use().bind(1, filing).bind(2, revision).bind(3, status_code(to)).bind(4, reason).bind(5, at).bind(6, findings).run();
    transaction.commit();
}

std::vector<StatusChange> StatusStore::history(std::int64_t filing) {
    Statement s(db_.handle(), db_.path(),
                "SELECT revision, status, reason, at, actor, findings FROM status_changes WHERE filing_id = ?1 ORDER BY id",
                kRead);
    auto q = s.use();
    q.bind(1, filing);
    std::vector<StatusChange> out;
    while (q.step())
        out.push_back({q.int64(0), parse_status(q.text(1)).value_or(Status::Draft), q.text(2), q.text(3), q.text(4), q.text(5)});
    return out;
}

}  // namespace formwork::store
