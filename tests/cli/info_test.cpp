// `formwork info`: reads a database without changing it, and refuses bad files clearly.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <unistd.h>

#include "run_cli.h"
#include "store/database.h"
#include "store/filing_store.h"

TEST_CASE("cli-3.1 info counts the filings of a database") {
    char dir_tmpl[] = "/tmp/formwork-info-XXXXXX";
    REQUIRE(mkdtemp(dir_tmpl));
    const std::string path = std::string(dir_tmpl) + "/a.db";
    {
        auto db = formwork::store::Database::open(path, formwork::store::OpenMode::CreateOrOpen);
        formwork::store::FilingStore store(db);
        formwork::Filing f;
        f.template_id = "nantong-project";
        f.template_version = 1;
        f.fields["project_name"] = "信息化管理专项经费";
        store.save(f, {"信息化管理专项经费", "2024", "test"});
    }
    const auto r = run_cli({"info", "--db", path, "--json"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains(R"("filings": 1)"));
    CHECK_THAT(r.out, Catch::Contains(R"("nantong-project": 1)"));
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    rmdir(dir_tmpl);
}

TEST_CASE("cli-3.2 info on a file that is not a database fails with a message naming it") {
    const std::string path = "/tmp/formwork-info-not-a-db.txt";
    std::ofstream(path) << "项目名称\t信息化管理专项经费\n";
    const auto r = run_cli({"info", "--db", path});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(path));
    std::remove(path.c_str());
}

TEST_CASE("cli-3.3 info without --db is a usage error") {
    CHECK(run_cli({"info"}).exit_code == 2);
}
