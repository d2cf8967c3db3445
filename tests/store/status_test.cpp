// store-11: the workflow on both stores: 草稿 → 已提交 → 已审核, or 退回 and submitted again;
// only these steps; a submitted or approved filing is not edited.
#include <catch2/catch.hpp>

#include "store/filing_status.h"
#include "store_test_support.h"

using namespace formwork;
using namespace formwork::store;
using namespace formwork::store::test;

TEST_CASE("store-11.1 a filing is submitted, returned with a reason, submitted again and approved") {
    Location at(EACH_BACKEND());
    Database db = Database::open(at.path, OpenMode::CreateOrOpen);
    FilingStore store(db);
    StatusStore statuses(db);
    Filing f = sample_filing();
    store.save(f, info_for(f));
    CHECK(statuses.status(f.id) == Status::Draft);
    CHECK(store.list()[0].status == "draft");

    statuses.change(f.id, Status::Submitted, {}, "{\"summary\":{}}");
    CHECK(store.list()[0].status == "submitted");
    f.fields["contact"] = "提交后改";
    CHECK(error_code_of([&] { store.save(f, info_for(f)); }) == "denied");  // locked while submitted
    CHECK(error_code_of([&] { statuses.change(f.id, Status::Submitted); }) == "denied");

    statuses.change(f.id, Status::Returned, "支出合计与资金总额不符");
    CHECK(store.list()[0].status_reason == "支出合计与资金总额不符");
    CHECK(store.save(f, info_for(f)).changed());  // a returned filing is edited again
    statuses.change(f.id, Status::Submitted);
    statuses.change(f.id, Status::Approved);
    CHECK(statuses.status(f.id) == Status::Approved);
    CHECK(error_code_of([&] { statuses.change(f.id, Status::Returned, "x"); }) == "denied");

    const auto h = statuses.history(f.id);
    REQUIRE(h.size() == 4);
    CHECK(h[0].status == Status::Submitted);
    CHECK(h[0].findings == "{\"summary\":{}}");
    CHECK(h[1].status == Status::Returned);
    CHECK(h[2].revision > h[0].revision);  // submitted again at the edited revision
    CHECK(h[3].status == Status::Approved);
    CHECK(error_code_of([&] { statuses.change(9999, Status::Submitted); }) == "filing-not-found");
}

TEST_CASE("store-11.2 statuses have stable codes and labels in both languages") {
    CHECK(std::string(status_code(Status::Returned)) == "returned");
    CHECK(parse_status("approved") == Status::Approved);
    CHECK_FALSE(parse_status("审核"));
    CHECK(std::string(status_label(Status::Approved, Lang::Zh)) == "已审核");
    CHECK(std::string(status_label(Status::Submitted, Lang::En)) == "Submitted");
    CHECK_FALSE(status_step_allowed(Status::Draft, Status::Approved));
}
