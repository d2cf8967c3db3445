// fw_bench_ref --db PATH [--runs R] [--jobs N]: the baseline of the batch check. Times (a) the
// raw read of every filing from its cells and (a') from its snapshot (raw_read.h), (b) the C++
// reference rules (ref_rules.h) over the filings so read, on N threads like `formwork check`
// (default: as many as it uses, one per core up to 8), the cross-filing rule after them on the
// calling thread like the engine's department pass, and (c) FilingStore::for_each, the read
// `formwork check` itself uses. Prints medians.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "bench_util.h"
#include "raw_read.h"
#include "ref_rules.h"
#include "templates/template_registry.h"
#include "store/database.h"
#include "store/filing_store.h"

using namespace formwork;

int main(int argc, char** argv) {
    std::string db_path;
    int runs = 3;
    // As `formwork check` sets BatchOptions::jobs (src/cli/cmd_check.cpp).
    unsigned jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--db") db_path = argv[i + 1];
        else if (a == "--runs") runs = std::atoi(argv[i + 1]);
        else if (a == "--jobs") jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[i + 1])));
    }
    script::TemplateRegistry registry;
    registry.refresh();
    std::map<std::string, std::shared_ptr<const FormSpec>> specs;
    for (const auto& e : registry.entries())
        if (e.ok()) specs[e.spec->id] = e.spec;

    std::vector<double> read_ms, snapshot_ms, rules_ms, store_ms;
    std::size_t filings = 0, findings = 0, rule_runs = 0;
    for (int run = 0; run < runs; ++run) {
        std::vector<Filing> all;
        double t0 = bench::now_ms();
        const auto cells = bench::raw_read_filings(db_path, [&](Filing&& f) { all.push_back(std::move(f)); });
        read_ms.push_back(bench::now_ms() - t0);

        t0 = bench::now_ms();
        std::vector<std::vector<bench::RefFinding>> outs(jobs);
        std::vector<std::size_t> applied_by(jobs, 0);
        {
            // Chunks of 32 filings dealt round-robin, as the engine's queue hands them out.
            std::vector<std::thread> threads;
            for (unsigned w = 0; w < jobs; ++w)
                threads.emplace_back([&, w] {
                    for (std::size_t start = w * 32; start < all.size(); start += 32 * jobs)
                        for (std::size_t i = start; i < std::min(all.size(), start + 32); ++i)
                            if (auto it = specs.find(all[i].template_id); it != specs.end())
                                applied_by[w] += bench::ref_check(all[i], *it->second, outs[w]);
                });
            for (auto& t : threads) t.join();
        }
        std::vector<bench::RefFinding> out;
        std::size_t applied = 0;
        for (unsigned w = 0; w < jobs; ++w) {
            applied += applied_by[w];
            out.insert(out.end(), std::make_move_iterator(outs[w].begin()), std::make_move_iterator(outs[w].end()));
        }
        applied += bench::ref_check_departments(all, specs, out);
        rules_ms.push_back(bench::now_ms() - t0);
        filings = all.size();
        findings = out.size();
        rule_runs = applied;
        all.clear();

        t0 = bench::now_ms();
        std::size_t from_snapshots = 0;
        bench::raw_read_snapshots(db_path, [&](Filing&& f) { all.push_back(std::move(f)); ++from_snapshots; });
        snapshot_ms.push_back(bench::now_ms() - t0);
        all.clear();

        t0 = bench::now_ms();
        std::size_t n = 0;
        {
            store::Database db = store::Database::open(db_path, store::OpenMode::ReadOnly);
            store::FilingStore store(db);
            store.for_each([&](const Filing&) { ++n; });
        }
        store_ms.push_back(bench::now_ms() - t0);
        if (run == 0) std::printf("%zu filings, %lld cells\n", n, static_cast<long long>(cells));
    }
    std::printf("reference: %zu filings, %zu rule runs, %zu findings, %u threads\n", filings, rule_runs, findings, jobs);
    bench::result("raw_read_ms", bench::median(read_ms));
    bench::result("raw_read_snapshot_ms", bench::median(snapshot_ms));
    bench::result("ref_threads", jobs);
    bench::result("cpp_rules_ms", bench::median(rules_ms));
    bench::result("store_for_each_ms", bench::median(store_ms));
    bench::result("ref_findings", static_cast<double>(findings));
    bench::result("ref_peak_rss_mb", bench::peak_rss_kb() / 1024.0);
    return 0;
}
