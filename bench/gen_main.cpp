// fw_bench_gen --db PATH --n N [--seed S] [--seeds DIR]: writes N synthetic filings (synth.h)
// into a new database through FilingStore::Batch (one transaction per 5,000 filings) and
// prints the time taken.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench_util.h"
#include "core/filing_facts.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "synth.h"

using namespace formwork;

int main(int argc, char** argv) {
    std::string db_path, seeds_dir = "samples/seeds";
    std::uint64_t n = 1000, seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--db") db_path = argv[i + 1];
        else if (a == "--n") n = std::strtoull(argv[i + 1], nullptr, 10);
        else if (a == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (a == "--seeds") seeds_dir = argv[i + 1];
    }
    if (db_path.empty()) {
        std::fprintf(stderr, "usage: fw_bench_gen --db PATH --n N [--seed S] [--seeds DIR]\n");
        return 2;
    }
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + ext);
    script::TemplateRegistry registry;
    registry.refresh();
    const auto seeds = bench::load_seed_filings(registry, seeds_dir);
    const double t0 = bench::now_ms();
    store::Database db = store::Database::open(db_path, store::OpenMode::CreateOrOpen);
    store::FilingStore filings(db);
    const std::uint64_t chunk = 5000;
    for (std::uint64_t start = 0; start < n; start += chunk) {
        store::FilingStore::Batch batch(filings);
        for (std::uint64_t i = start; i < std::min(n, start + chunk); ++i) {
            Filing f = bench::synth_filing(seeds, seed, i);
            const auto& spec = *seeds[i % seeds.size()].spec;
            store::SaveInfo info;
            info.title = filing_title(f, spec);
            const auto year = filing_year(f, spec);
            info.year = year ? std::to_string(*year) : std::string();
            info.summary = "synthetic";
            filings.save(f, info);
        }
        batch.commit();
    }
    const double ms = bench::now_ms() - t0;
    std::printf("generated %llu filings from %zu seeds in %.0f ms\n", static_cast<unsigned long long>(n), seeds.size(), ms);
    bench::result("gen_ms", ms);
    return 0;
}
