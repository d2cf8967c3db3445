// fw_bench_ref --db PATH [--runs R]: the baseline of the batch check. Times (a) the raw read
// of every filing (raw_read.h), (b) the C++ reference rules (ref_rules.h) over the filings so
// read, and (c) FilingStore::for_each, the read `formwork check` itself uses. Prints medians.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
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
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--db") db_path = argv[i + 1];
        else if (a == "--runs") runs = std::atoi(argv[i + 1]);
    }
    script::TemplateRegistry registry;
    registry.refresh();
    std::map<std::string, std::shared_ptr<const FormSpec>> specs;
    for (const auto& e : registry.entries())
        if (e.ok()) specs[e.spec->id] = e.spec;

    std::vector<double> read_ms, rules_ms, store_ms;
    std::size_t filings = 0, findings = 0, rule_runs = 0;
    for (int run = 0; run < runs; ++run) {
        std::vector<Filing> all;
        double t0 = bench::now_ms();
        const auto cells = bench::raw_read_filings(db_path, [&](Filing&& f) { all.push_back(std::move(f)); });
        read_ms.push_back(bench::now_ms() - t0);

        t0 = bench::now_ms();
        std::vector<bench::RefFinding> out;
        std::size_t applied = 0;
        for (const auto& f : all)
            if (auto it = specs.find(f.template_id); it != specs.end()) applied += bench::ref_check(f, *it->second, out);
        rules_ms.push_back(bench::now_ms() - t0);
        filings = all.size();
        findings = out.size();
        rule_runs = applied;
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
    std::printf("reference: %zu filings, %zu rule runs, %zu findings\n", filings, rule_runs, findings);
    bench::result("raw_read_ms", bench::median(read_ms));
    bench::result("cpp_rules_ms", bench::median(rules_ms));
    bench::result("store_for_each_ms", bench::median(store_ms));
    bench::result("ref_findings", static_cast<double>(findings));
    bench::result("ref_peak_rss_mb", bench::peak_rss_kb() / 1024.0);
    return 0;
}
