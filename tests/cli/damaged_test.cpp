// damaged-*: a damaged database (issue 12, 2026-11-26). One filing's stored rows are broken
// by hand: list, check and export --all still work on the others and name it (exit 3), and
// formwork doctor names it and salvages the rest, which import restores. A database with a
// damaged page is refused by import. JSON imports name the file and the JSON pointer of what
// is wrong, and the other files of the run still import.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "run_cli.h"
#include "temp_dir.h"

using formwork::test::TempDir;

namespace {

const std::string kSeeds = FORMWORK_SEEDS_DIR;

std::vector<std::string> seeds() {
    return {kSeeds + "/000_0fc43aa88057eaed.txt", kSeeds + "/001_e8aa0500ee62ffd0.txt", kSeeds + "/002_be243faf42b34df7.txt",
            kSeeds + "/003_e71277c5732aaa08.txt", kSeeds + "/004_69cafeba3764958f.txt"};
}

std::string import_seeds(const TempDir& dir) {
    const std::string db = dir.file("seeds.db");
    std::vector<std::string> args{"import", "--db", db};
    for (const auto& s : seeds()) args.push_back(s);
    REQUIRE(run_cli(args).exit_code == 0);
    return db;
}

void sql(const std::string& db, const std::string& statement) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(h, statement.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(h);
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("damaged-1.1 one damaged filing: list, check and export --all work on the others, doctor names it and salvages") {
    TempDir dir("formwork-damaged");
    const std::string db = import_seeds(dir);
    // Filing 27: a cell path with a row index that is not a number.
    sql(db, "UPDATE filing_cells SET path = 't/expenses/x/full_year' WHERE filing_id = 27 AND path = "
            "(SELECT path FROM filing_cells WHERE filing_id = 27 AND path LIKE 't/%' LIMIT 1)");

    const auto list = run_cli({"list", "--db", db, "--json"});
    CHECK(list.exit_code == 3);
    CHECK_THAT(list.err, Catch::Contains("27"));
    const auto items = nlohmann::json::parse(list.out);
    REQUIRE(items.size() == 30);
    for (const auto& j : items) {
        INFO(j.dump());
        if (j["id"] == 27) {
            CHECK(j["damaged"].get<std::string>().find("bad index in cell path") != std::string::npos);
            CHECK(j["title"] == "食品安全协管员补助经费");
        } else {
            CHECK_FALSE(j.contains("damaged"));
            CHECK(j.size() == 6);
        }
    }

    const auto check = run_cli({"check", "--db", db, "--json"});
    CHECK(check.exit_code == 3);
    const auto report = nlohmann::json::parse(check.out);
    CHECK(report["summary"]["filings"] == 29);
    CHECK(report["summary"]["skipped_filings"] == 1);
    CHECK(report["summary"]["severities"]["error"].get<int>() > 20);  // the others' mistakes are still found
    bool named = false;
    for (const auto& p : report["summary"]["problems"]) named = named || p.get<std::string>().find("27") != std::string::npos;
    CHECK(named);

    const auto exported = run_cli({"export", "--db", db, "--all", "--format", "json", "-o", dir.file("all.json")});
    CHECK(exported.exit_code == 3);
    CHECK(nlohmann::json::parse(std::ifstream(dir.file("all.json")))["filings"].size() == 29);

    const auto doctor = run_cli({"doctor", "--db", db, "--salvage", dir.file("salvage.json"), "--json"});
    CHECK(doctor.exit_code == 3);
    const auto d = nlohmann::json::parse(doctor.out);
    CHECK(d["integrity"].empty());  // the file itself is sound: the damage is in the content
    CHECK(d["readable"] == 29);
    REQUIRE(d["damaged"].size() == 1);
    CHECK(d["damaged"][0]["id"] == 27);
    CHECK(d["ok"] == false);
    // The salvage restores the 29 readable filings into a new database.
    CHECK(run_cli({"import", "--db", dir.file("new.db"), dir.file("salvage.json")}).exit_code == 0);
    CHECK(nlohmann::json::parse(run_cli({"list", "--db", dir.file("new.db"), "--json"}).out).size() == 29);
    // And a sound database is sound.
    const auto fine = run_cli({"doctor", "--db", dir.file("new.db")});
    CHECK(fine.exit_code == 0);
}

TEST_CASE("damaged-1.2 import refuses a database whose pages are damaged") {
    TempDir dir("formwork-damaged");
    const std::string db = import_seeds(dir);
    {
        // Zeros over the middle of the file: an index or table page no longer parses.
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekg(0, std::ios::end);
        const auto size = static_cast<long>(f.tellg());
        REQUIRE(size > 8 * 4096);
        // Two pages in a row, since either may be a free page, depending on the schema's layout.
        const std::string zeros(3000, '\0');
        for (long page = size / 2 / 4096; page < size / 2 / 4096 + 2; ++page) {
            f.seekp(page * 4096 + 100);
            f.write(zeros.data(), static_cast<std::streamsize>(zeros.size()));
        }
    }
    const auto r = run_cli({"import", "--db", db, seeds()[0]});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("formwork doctor"));
    const auto d = run_cli({"doctor", "--db", db, "--json"});
    CHECK(d.exit_code == 3);
    CHECK_FALSE(nlohmann::json::parse(d.out)["integrity"].empty());
}

TEST_CASE("damaged-1.3 a JSON import names the file and the pointer, the other files still import") {
    TempDir dir("formwork-json");
    const std::string db = import_seeds(dir);
    REQUIRE(run_cli({"export", "--db", db, "--filing", "1", "--format", "json", "-o", dir.file("one.json")}).exit_code == 0);
    std::ifstream in(dir.file("one.json"));
    const std::string good((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto write = [&](const std::string& name, std::string text) {
        std::ofstream(dir.file(name), std::ios::binary) << text;
        return dir.file(name);
    };
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string s = good;
        const auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        return s.replace(at, from.size(), to);
    };
    // Filing 1 is a Nantong filing: its template is at version 2.
    const std::string big = write("big.json", replaced("\"version\": 2", "\"version\": 1e400"));
    const std::string dup = write("dup.json", replaced("\"fields\": {", "\"fields\": {\n \"budget_year\": \"1999\","));
    const std::string nul = write("nul.json", replaced("\"fields\": {", "\"fields\": {\n \"zzz\": \"a\\u0000b\","));
    const std::string huge = write("huge.json", replaced("\"version\": 2", "\"version\": 99999999999"));
    const auto r = run_cli({"import", "--db", dir.file("json.db"), "--json", big, dup, nul, huge, dir.file("one.json")});
    CHECK(r.exit_code == 1);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["filings"] == 1);  // the good file imported
    CHECK(j["failed"] == 4);
    CHECK_THAT(j["files"][0]["error"].get<std::string>(), Catch::Contains("/filings/0/template/version"));
    CHECK_THAT(j["files"][1]["error"].get<std::string>(), Catch::Contains("/filings/0/fields/budget_year"));
    CHECK_THAT(j["files"][1]["error"].get<std::string>(), Catch::Contains("重复"));
    CHECK_THAT(j["files"][2]["error"].get<std::string>(), Catch::Contains("/filings/0/fields/zzz"));
    CHECK_THAT(j["files"][3]["error"].get<std::string>(), Catch::Contains("/filings/0/template/version"));
    CHECK_THAT(r.err, Catch::Contains(big));
}
