// `formwork` on a shared PostgreSQL store, as scripts see it: the seeds give the same findings
// as on SQLite; set refuses a conflicting edit with exit 4 naming the cell (on both stores, two
// processes); show --json gives the revision; admin init and grant make logins that see only
// their department; status takes the workflow's steps; push and pull copy without duplicates.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "pg_cluster.h"
#include "run_cli.h"
#include "temp_dir.h"

namespace {

const std::string kSeeds = FORMWORK_SEEDS_DIR;

std::vector<std::string> seed_files() {
    return {kSeeds + "/000_0fc43aa88057eaed.txt", kSeeds + "/001_e8aa0500ee62ffd0.txt", kSeeds + "/002_be243faf42b34df7.txt",
            kSeeds + "/003_e71277c5732aaa08.txt", kSeeds + "/004_69cafeba3764958f.txt"};
}

// A store holding the seeds: an SQLite file in `dir` or a new database of the cluster.
std::string seeded(const std::string& backend, const formwork::test::TempDir& dir) {
    const std::string db = backend == "sqlite" ? dir.file("seeds.db") : formwork::test::pg_cluster().new_database();
    std::vector<std::string> args{"import", "--db", db};
    for (const auto& f : seed_files()) args.push_back(f);
    const auto r = run_cli(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return db;
}

}  // namespace

TEST_CASE("cli-pg-1.1 check on the seeds in PostgreSQL gives the same findings as in SQLite") {
    formwork::test::TempDir dir;
    const std::string lite = seeded("sqlite", dir), pg = seeded("postgresql", dir);
    const auto a = run_cli({"check", "--db", lite, "--json"});
    const auto b = run_cli({"check", "--db", pg, "--json"});
    INFO(b.err);
    CHECK(a.exit_code == 1);
    CHECK(b.exit_code == a.exit_code);
    const auto ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
    CHECK(ja["findings"].size() > 50);
    CHECK(jb == ja);
    // list and show read the same too.
    CHECK(run_cli({"list", "--db", pg, "--json"}).out == run_cli({"list", "--db", lite, "--json"}).out);
}

TEST_CASE("cli-pg-1.2 set edits by field, template reference or path, and a stale --base on the same cell exits 4 naming it") {
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO(backend);
    formwork::test::TempDir dir;
    const std::string db = seeded(backend, dir);
    auto show = [&] { return nlohmann::json::parse(run_cli({"show", "--db", db, "--json", "1"}).out); };
    const auto before = show();
    const std::int64_t base = before["revision"].get<std::int64_t>();
    CHECK(base > 0);
    CHECK(before["status"] == "draft");

    auto r = run_cli({"set", "--db", db, "--filing", "1", "--base", std::to_string(base), "contact=13800000000",
                      "income.total.full_year=19", "t/expenses/0/half_year=5"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto after = show();
    CHECK(after["revision"].get<std::int64_t>() > base);
    CHECK(after["fields"]["contact"] == "13800000000");
    CHECK(after["total"] == "19");
    CHECK(after["tables"]["expenses"][0]["half_year"] == "5");

    // Another edit of the same cell from the old revision: refused, the cell named, nothing lost.
    r = run_cli({"set", "--db", db, "--filing", "1", "--base", std::to_string(base), "--json", "contact=13911112222"});
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("f/contact") != std::string::npos);
    const auto conflict = nlohmann::json::parse(r.out)["conflict"];
    REQUIRE(conflict["cells"].size() == 1);
    CHECK(conflict["cells"][0]["path"] == "f/contact");
    CHECK(conflict["cells"][0]["mine"] == "13911112222");
    CHECK(conflict["cells"][0]["theirs"] == "13800000000");
    CHECK(show()["fields"]["contact"] == "13800000000");
    // From the old revision but on another cell: merged over the newer one.
    r = run_cli({"set", "--db", db, "--filing", "1", "--base", std::to_string(base), "project_name=改名"});
    CHECK(r.exit_code == 0);
    CHECK(show()["fields"]["contact"] == "13800000000");
    CHECK(show()["title"] == "改名");
    CHECK(run_cli({"set", "--db", db, "--filing", "1", "no_such_field=1"}).exit_code == 2);
}

TEST_CASE("cli-pg-1.3 two processes editing one filing at once: one saves, the other exits 4 and loses nothing silently") {
    const std::string backend = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    INFO(backend);
    formwork::test::TempDir dir;
    const std::string db = seeded(backend, dir);
    const std::string base = std::to_string(nlohmann::json::parse(run_cli({"show", "--db", db, "--json", "2"}).out)["revision"].get<std::int64_t>());
    // Both started from the same revision, as two people who opened it together.
    const std::string cmd = "'" + std::string(FORMWORK_BINARY) + "' set --db '" + db + "' --filing 2 --base " + base;
    const std::string script = "(" + cmd + " contact=111 >" + dir.file("a.out") + " 2>&1; echo $? >" + dir.file("a.rc") + ") & (" +
                               cmd + " contact=222 >" + dir.file("b.out") + " 2>&1; echo $? >" + dir.file("b.rc") + ") & wait";
    REQUIRE(std::system(script.c_str()) == 0);
    auto slurp = [&](const std::string& f) {
        std::string s;
        if (FILE* in = std::fopen(dir.file(f).c_str(), "r")) {
            char buf[4096];
            for (size_t n; (n = std::fread(buf, 1, sizeof buf, in)) > 0;) s.append(buf, n);
            std::fclose(in);
        }
        return s;
    };
    const std::string rcs = slurp("a.rc") + slurp("b.rc");
    INFO(rcs << slurp("a.out") << slurp("b.out"));
    CHECK((rcs == "0\n4\n" || rcs == "4\n0\n"));
    const std::string loser = slurp("a.rc") == "4\n" ? slurp("a.out") : slurp("b.out");
    CHECK(loser.find("f/contact") != std::string::npos);
    const std::string kept = nlohmann::json::parse(run_cli({"show", "--db", db, "--json", "2"}).out)["fields"]["contact"];
    CHECK(kept == (slurp("a.rc") == "0\n" ? "111" : "222"));
}

TEST_CASE("cli-pg-1.4 admin init and grant make logins that see their own department, status steps by role") {
    formwork::test::TempDir dir;
    const std::string db = seeded("postgresql", dir);
    auto& cluster = formwork::test::pg_cluster();
    const std::string name = formwork::test::pg_database_of(db);
    REQUIRE(run_cli({"admin", "init", "--db", db}).exit_code == 0);
    REQUIRE(run_cli({"admin", "grant", "--db", db, "--user", name + "_nt", "--password", "s3cret", "--department",
                     "南通市市场监督管理局"}).exit_code == 0);
    REQUIRE(run_cli({"admin", "grant", "--db", db, "--user", name + "_rv", "--password", "s3cret", "--reviewer"}).exit_code == 0);
    CHECK(run_cli({"admin", "grant", "--db", db, "--user", "x", "--password", "p"}).exit_code == 2);
    CHECK(run_cli({"admin", "init", "--db", dir.file("local.db")}).exit_code == 2);
    const std::string nt = cluster.url(name, name + "_nt", "s3cret"), rv = cluster.url(name, name + "_rv", "s3cret");

    const auto list = nlohmann::json::parse(run_cli({"list", "--db", nt, "--json"}).out);
    CHECK(list.size() == 4);  // the four Nantong filings of the seeds
    CHECK(run_cli({"show", "--db", nt, "29"}).exit_code == 1);  // another department's
    CHECK(nlohmann::json::parse(run_cli({"list", "--db", rv, "--json"}).out).size() == 30);
    // The password is not shown in messages.
    CHECK(run_cli({"show", "--db", nt, "29"}).err.find("s3cret") == std::string::npos);

    auto r = run_cli({"status", "--db", nt, "--filing", "1", "--submit", "--json"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto st = nlohmann::json::parse(r.out);
    CHECK(st["status"] == "submitted");
    CHECK(st["history"][0]["by"] == name + "_nt");
    CHECK(st["history"][0]["findings"]["summary"]["filings"] == 1);  // the check results at submission
    CHECK(run_cli({"set", "--db", nt, "--filing", "1", "contact=1"}).exit_code == 1);  // submitted: locked
    CHECK(run_cli({"status", "--db", nt, "--filing", "1", "--approve"}).exit_code == 1);
    CHECK(run_cli({"status", "--db", rv, "--filing", "1", "--return", "资金总额不符"}).exit_code == 0);
    CHECK(nlohmann::json::parse(run_cli({"show", "--db", rv, "--json", "1"}).out)["status_reason"] == "资金总额不符");
    CHECK(run_cli({"set", "--db", rv, "--filing", "1", "contact=1"}).exit_code == 1);  // a reviewer edits no cell
    CHECK(run_cli({"set", "--db", nt, "--filing", "1", "contact=13800000000"}).exit_code == 0);  // returned: editable
}

TEST_CASE("cli-pg-1.5 push and pull copy filings with their revisions, twice without duplicates") {
    formwork::test::TempDir dir;
    const std::string local = seeded("sqlite", dir);
    REQUIRE(run_cli({"set", "--db", local, "--filing", "3", "contact=13811112222"}).exit_code == 0);
    const std::string shared = formwork::test::pg_cluster().new_database();
    auto r = run_cli({"push", "--from", local, "--to", shared, "--json"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(nlohmann::json::parse(r.out)["created"] == 30);
    CHECK(nlohmann::json::parse(r.out)["revisions"] == 31);
    r = run_cli({"push", "--from", local, "--to", shared, "--json"});
    CHECK(nlohmann::json::parse(r.out)["created"] == 0);
    CHECK(nlohmann::json::parse(r.out)["revisions"] == 0);
    CHECK(nlohmann::json::parse(run_cli({"list", "--db", shared, "--json"}).out).size() == 30);

    REQUIRE(run_cli({"set", "--db", shared, "--filing", "3", "contact=13833334444"}).exit_code == 0);
    const std::string back = dir.file("back.db");
    CHECK(run_cli({"pull", "--from", shared, "--to", back}).exit_code == 0);
    CHECK(run_cli({"pull", "--from", shared, "--to", back}).exit_code == 0);
    CHECK(nlohmann::json::parse(run_cli({"list", "--db", back, "--json"}).out).size() == 30);
    CHECK(nlohmann::json::parse(run_cli({"show", "--db", back, "--json", "3"}).out)["fields"]["contact"] == "13833334444");
    // Edited on both sides: exit 3 naming it, nothing overwritten.
    REQUIRE(run_cli({"set", "--db", local, "--filing", "3", "contact=1"}).exit_code == 0);
    r = run_cli({"push", "--from", local, "--to", shared});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("#3") != std::string::npos);
    CHECK(nlohmann::json::parse(run_cli({"show", "--db", shared, "--json", "3"}).out)["fields"]["contact"] == "13833334444");
}
