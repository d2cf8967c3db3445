// File > Import in the shell: the background job imports every file it is given (a folder
// stands for its files), reports each file's outcome, and a bad file fails alone.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "store/database.h"
#include "store/filing_store.h"
#include "ui/import_job.h"

using namespace formwork;
using namespace formwork::ui;
namespace fs = std::filesystem;

TEST_CASE("ui-3.1 the import job imports a folder of seeds and a bad file fails alone") {
    char tmpl[] = "/tmp/formwork-import-job-XXXXXX";
    const fs::path dir = mkdtemp(tmpl);
    const std::string db_path = (dir / "i.db").string();
    { store::Database db = store::Database::open(db_path, store::OpenMode::CreateOrOpen); }
    const std::string empty = (dir / "empty.txt").string();
    std::ofstream(empty) << "";
    const auto paths = import_paths(std::string(FORMWORK_SEEDS_DIR) + "\n  " + empty + "  \n\n");
    REQUIRE(paths.size() == 6);
    ImportJob job;
    job.start(db_path, paths, Lang::Zh);
    job.wait();
    CHECK(job.finished());
    CHECK(job.done() == 6);
    const auto outcomes = job.outcomes();
    REQUIRE(outcomes.size() == 6);
    int filings = 0, failed = 0;
    for (const auto& o : outcomes) {
        filings += o.filings;
        if (!o.ok) {
            ++failed;
            CHECK(o.file == empty);
            CHECK_FALSE(o.error.empty());
        }
    }
    CHECK(failed == 1);
    CHECK(filings == 30);
    store::Database db = store::Database::open(db_path, store::OpenMode::ReadOnly);
    store::FilingStore store(db);
    CHECK(store.list().size() == 30);
    fs::remove_all(dir);
}
