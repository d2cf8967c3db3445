// The real shell under Xvfb: opens one filing of each template and writes a screenshot of
// the window, which must be a full-size, non-blank picture. (The README's screenshot is made
// the same way; look at it, a test cannot read Chinese.)
#include <catch2/catch.hpp>

#include <spawn.h>
#include <stb_image.h>
#include <sys/wait.h>

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <set>

#include "store/database.h"
#include "store/filing_store.h"
#include "ui/import_job.h"

extern char** environ;

using namespace formwork;
using namespace formwork::ui;
namespace fs = std::filesystem;

namespace {

int run(std::vector<std::string> args) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("ui-2.1 the shell opens one imported seed filing per template under Xvfb and writes a screenshot") {
    char tmpl[] = "/tmp/formwork-shot-XXXXXX";
    const fs::path dir = mkdtemp(tmpl);
    const std::string db = (dir / "shots.db").string();
    { store::Database created = store::Database::open(db, store::OpenMode::CreateOrOpen); }
    ImportJob job;
    job.start(db, import_paths(FORMWORK_SEEDS_DIR), Lang::Zh);
    job.wait();
    std::vector<std::pair<std::string, std::int64_t>> filings;  // the first filing of each template
    {
        store::Database opened = store::Database::open(db, store::OpenMode::ReadOnly);
        store::FilingStore store(opened);
        for (const auto& s : store.list())
            if (std::none_of(filings.begin(), filings.end(), [&](const auto& f) { return f.first == s.template_id; }))
                filings.emplace_back(s.template_id, s.id);
    }
    REQUIRE(filings.size() == 7);
    for (const auto& [id, filing] : filings) {
        INFO(id);
        const std::string png = (dir / (id + ".png")).string();
        const int rc = run({"xvfb-run", "-a", "-s", "-screen 0 1440x900x24", FORMWORK_BINARY, "shell", "--db", db, "--open",
                            std::to_string(filing), "--screenshot", png, "--frames", "4"});
        REQUIRE(rc == 0);
        int w = 0, h = 0, n = 0;
        unsigned char* pixels = stbi_load(png.c_str(), &w, &h, &n, 4);
        REQUIRE(pixels);
        CHECK(w == 1440);
        CHECK(h == 900);
        std::set<unsigned> colours;
        for (int i = 0; i < w * h; i += 97) {
            const unsigned char* p = pixels + 4 * i;
            colours.insert((p[0] << 16) | (p[1] << 8) | p[2]);
        }
        stbi_image_free(pixels);
        CHECK(colours.size() > 20);  // text, frames and tables, not an empty window
    }
    // FORMWORK_KEEP_SHOTS=1 keeps the pictures to look at.
    if (!std::getenv("FORMWORK_KEEP_SHOTS")) fs::remove_all(dir);
    else WARN("screenshots kept in " << dir);
}
