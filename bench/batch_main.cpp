// fw_bench_batch --db PATH: where the batch check's time goes, and what the options would
// give. Reads every filing once (FilingStore::for_each, timed), then runs
// CheckEngine::check_all over the filings in memory: (a) as shipped (JIT off + count hook),
// (b) with HostOptions::jit = true, (c) on two threads, one engine each, filings split by
// department so that department checks still see whole departments.
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "bench_util.h"
#include "checks/check_engine.h"
#include "templates/template_registry.h"
#include "store/database.h"
#include "store/filing_store.h"

using namespace formwork;

namespace {

class MemorySource final : public script::FilingSource {
public:
    explicit MemorySource(std::vector<const Filing*> filings) : filings_(std::move(filings)) {}
    void for_each(const std::function<void(const Filing&)>& visit) override {
        for (const Filing* f : filings_) visit(*f);
    }
    Filing load(std::int64_t id) override {
        for (const Filing* f : filings_)
            if (f->id == id) return *f;
        throw std::runtime_error("no filing " + std::to_string(id));
    }

private:
    std::vector<const Filing*> filings_;
};

std::size_t run(script::TemplateRegistry& registry, std::vector<const Filing*> part, bool jit) {
    script::HostOptions options;
    options.jit = jit;
    script::CheckEngine engine(script::CheckEngine::lookup_in(registry), script::default_check_dirs(), options);
    engine.refresh();
    MemorySource source(std::move(part));
    const auto report = engine.check_all(source);
    return report.findings.size();
}

}  // namespace

int main(int argc, char** argv) {
    std::string db_path;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::string(argv[i]) == "--db") db_path = argv[i + 1];
    script::TemplateRegistry registry;
    registry.refresh();

    std::vector<Filing> filings;
    double t0 = bench::now_ms();
    {
        store::Database db = store::Database::open(db_path, store::OpenMode::ReadOnly);
        store::FilingStore store(db);
        store.for_each([&](const Filing& f) { filings.push_back(f); });
    }
    bench::result("batch_read_ms", bench::now_ms() - t0);
    std::vector<const Filing*> all;
    for (const auto& f : filings) all.push_back(&f);

    t0 = bench::now_ms();
    const std::size_t found = run(registry, all, false);
    bench::result("batch_lua_ms", bench::now_ms() - t0);

    t0 = bench::now_ms();
    const std::size_t found_jit = run(registry, all, true);
    bench::result("batch_lua_jit_ms", bench::now_ms() - t0);

    // Two halves by department (the same key the engine groups by).
    std::vector<const Filing*> halves[2];
    {
        script::CheckEngine keyer(script::CheckEngine::lookup_in(registry));
        keyer.refresh();
        for (const Filing* f : all) halves[std::hash<std::string>{}(keyer.department_of(*f)) % 2].push_back(f);
    }
    t0 = bench::now_ms();
    std::size_t found2[2] = {0, 0};
    {
        // One registry per thread too (templates may run Lua hooks in the registry's state).
        auto half = [&](int k) {
            script::TemplateRegistry own;
            own.refresh();
            found2[k] = run(own, halves[k], false);
        };
        std::thread a(half, 0);
        std::thread b(half, 1);
        a.join();
        b.join();
    }
    bench::result("batch_lua_2threads_ms", bench::now_ms() - t0);
    std::printf("findings: shipped %zu, jit %zu, two threads %zu\n", found, found_jit, found2[0] + found2[1]);
    return 0;
}
