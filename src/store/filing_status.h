// The workflow of a filing (issue 15): 草稿 draft → 已提交 submitted → 已审核 approved, or 退回
// returned (with a reason) and submitted again. Each change is kept with the revision it was
// made at and, at submission, the check results (JSON text). The store allows only these
// steps; on a shared store the server also checks who takes them (a department submits, a
// reviewer approves or returns: pg_schema.cpp). A submitted or approved filing cannot be
// edited (FilingStore::save refuses with Code::Denied).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/lang.h"
#include "store/database.h"

namespace formwork::store {

enum class Status { Draft, Submitted, Approved, Returned };

// "draft", "submitted", "approved", "returned": stored, and the --json values.
const char* status_code(Status status);
std::optional<Status> parse_status(const std::string& code);
// 草稿 / 已提交 / 已审核 / 退回, or Draft / Submitted / Approved / Returned.
const char* status_label(Status status, Lang lang);
// Whether the workflow has this step.
bool status_step_allowed(Status from, Status to);

struct StatusChange {
    std::int64_t revision = 0;
    Status status = Status::Draft;
    std::string reason;
    std::string at;     // ISO-8601 UTC
    std::string actor;  // the database login (shared store), else ""
    std::string findings;
};

class StatusStore {
public:
    explicit StatusStore(Database& db) : db_(db) {}

    Status status(std::int64_t filing);
    // Takes the step to `to`; StoreError Denied (detail names the step) when the workflow or
    // the role does not allow it, FilingNotFound when the filing is not stored or not visible.
    void change(std::int64_t filing, Status to, const std::string& reason = {}, const std::string& findings = {});
    std::vector<StatusChange> history(std::int64_t filing);  // oldest first

private:
    Database& db_;
};

}  // namespace formwork::store
