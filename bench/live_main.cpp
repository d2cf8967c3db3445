// fw_bench_live [--edits N]: the live re-check of one open filing. For each of the largest
// seed filing of every template, N edits (a money or target cell changed back and forth) each
// followed by CheckEngine::check_filing, as the shell does; prints median and p99 per edit.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_util.h"
#include "checks/check_engine.h"
#include "synth.h"

using namespace formwork;

int main(int argc, char** argv) {
    int edits = 500;
    std::string seeds_dir = "samples/seeds";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--edits") edits = std::atoi(argv[i + 1]);
        else if (a == "--seeds") seeds_dir = argv[i + 1];
    }
    script::TemplateRegistry registry;
    registry.refresh();
    const auto seeds = bench::load_seed_filings(registry, seeds_dir);
    script::CheckEngine engine(script::CheckEngine::lookup_in(registry));
    engine.refresh();

    std::vector<double> all;
    double worst_median = 0;
    std::string worst;
    for (const auto& seed : seeds) {
        Filing f = seed.filing;
        std::vector<double> times;
        for (int e = 0; e < edits; ++e) {
            // The edit: a target value or an expense cell, alternating two texts.
            if (!f.indicators.empty() && !f.indicators[0].targets.empty())
                f.indicators[0].targets.begin()->second = e % 2 ? "≥90%" : "≥95%";
            else if (auto* t = f.find_table("budget"); t && !t->rows.empty())
                t->rows[0].cells["amount"] = e % 2 ? "7.00" : "6.80";
            const double t0 = bench::now_ms();
            const script::CheckReport r = engine.check_filing(f);
            times.push_back(bench::now_ms() - t0);
            if (r.summary.runs == 0) std::fprintf(stderr, "no check ran on %s\n", f.template_id.c_str());
        }
        const double m = bench::median(times);
        if (m > worst_median) worst_median = m, worst = seed.filing.template_id + " (" + std::to_string(seed.filing.indicators.size()) + " indicators)";
        all.insert(all.end(), times.begin(), times.end());
    }
    std::printf("live re-check: %zu seed filings x %d edits; slowest filing %s median %.3f ms\n", seeds.size(), edits,
                worst.c_str(), worst_median);
    bench::result("live_median_ms", bench::median(all));
    bench::result("live_p99_ms", bench::percentile(all, 99));
    bench::result("live_worst_filing_median_ms", worst_median);
    return 0;
}
