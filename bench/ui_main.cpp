// fw_bench_ui --db DB10K --scratch DIR: the shell's figures with no window or GPU.
//   start-up: App construction on the 10,000-filing database + the first headless frame (the
//             background problem-count thread starts in App and runs in parallel);
//   frame CPU: the largest seed form, and a filing with a 2,000-row expense table;
//   durable save of one edited filing (FilingStore::save) and rows written per save;
//   peak RSS of this process once the problem counts are done.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_util.h"
#include "core/filing_facts.h"
#include "synth.h"
#include "ui/app.h"
#include "ui/shell.h"

using namespace formwork;

namespace {

double frame_ms(ui::App& app, int frames, int repeats) {
    std::vector<double> v;
    draw_headless_frames(app, 5);  // settle the layout and the live check
    for (int r = 0; r < repeats; ++r) v.push_back(ui::draw_headless_frames(app, frames));
    return bench::median(v);
}

std::int64_t store_filing(ui::App& app, Filing f, const FormSpec& spec) {
    store::SaveInfo info;
    info.title = filing_title(f, spec);
    info.summary = "bench";
    return app.store.save(f, info).id;
}

}  // namespace

int main(int argc, char** argv) {
    std::string db_path, scratch = "/tmp/formwork-bench", seeds_dir = "samples/seeds";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--db") db_path = argv[i + 1];
        else if (a == "--scratch") scratch = argv[i + 1];
        else if (a == "--seeds") seeds_dir = argv[i + 1];
    }
    std::filesystem::create_directories(scratch);

    // Start-up on the big database.
    {
        ui::ShellOptions options;
        options.db_path = db_path;
        double t0 = bench::now_ms();
        ui::App app(options);
        const double ctor = bench::now_ms() - t0;
        const double first_frame_cpu = ui::draw_headless_frames(app, 1);
        const double startup = bench::now_ms() - t0;
        std::printf("start-up: App %.1f ms, + first frame (atlas build included) = %.1f ms; frame CPU alone %.2f ms; %zu filings listed\n",
                    ctor, startup, first_frame_cpu, app.filings.size());
        bench::result("startup_app_ms", ctor);
        bench::result("startup_first_frame_ms", startup);
        bench::result("list_frame_ms", frame_ms(app, 30, 3));

        t0 = bench::now_ms();
        app.open_filing(app.filings.at(app.filings.size() / 2).id);
        bench::result("open_filing_ms", bench::now_ms() - t0);
        std::printf("open_filing loaded %zu department filings\n", app.department.size());

        // Durable save of one edited filing.
        std::vector<double> saves;
        std::int64_t rows = 0;
        Filing f = app.store.load(app.filings.front().id);
        const auto spec = app.templates.find(f.template_id);
        for (int i = 0; i < 40; ++i) {
            if (!f.indicators.empty() && !f.indicators[0].targets.empty()) f.indicators[0].targets.begin()->second = i % 2 ? "≥91%" : "≥92%";
            else f.fields["project_name"] += "";
            store::SaveInfo info;
            info.title = spec ? filing_title(f, *spec) : std::string();
            info.summary = "bench edit";
            const double s0 = bench::now_ms();
            const auto r = app.store.save(f, info);
            saves.push_back(bench::now_ms() - s0);
            rows = r.rows_written;
        }
        bench::result("save_median_ms", bench::median(saves));
        bench::result("save_p90_ms", bench::percentile(saves, 90));
        bench::result("save_rows_written", static_cast<double>(rows));

        t0 = bench::now_ms();
        app.counts.wait();
        bench::result("counts_wait_after_ms", bench::now_ms() - t0);
        bench::result("shell_10k_peak_rss_mb", bench::peak_rss_kb() / 1024.0);
    }

    // Frame CPU on a small database: the largest seed form and a 2,000-row expense table.
    const std::string small = scratch + "/frames.db";
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(small + ext);
    ui::ShellOptions options;
    options.db_path = small;
    ui::App app(options);
    const auto seeds = bench::load_seed_filings(app.templates, seeds_dir);
    size_t largest = 0, with_expenses = 0;
    for (size_t i = 0; i < seeds.size(); ++i) {
        if (to_cells(seeds[i].filing).size() > to_cells(seeds[largest].filing).size()) largest = i;
        if (seeds[i].filing.find_table("expenses") && seeds[with_expenses].filing.template_id != "nantong-project") with_expenses = i;
    }
    const std::int64_t big_id = store_filing(app, seeds[largest].filing, *seeds[largest].spec);
    Filing rows2000 = seeds[with_expenses].filing;
    auto& lines = rows2000.table("expenses").rows;
    const auto pattern = lines;
    lines.clear();
    for (int i = 0; lines.size() < 2000; ++i) {
        TableRow row = pattern[i % pattern.size()];
        row.cells["item"] += "（" + std::to_string(i + 1) + "）";
        lines.push_back(row);
    }
    const std::int64_t rows_id = store_filing(app, rows2000, *seeds[with_expenses].spec);
    app.refresh_list();
    app.counts.wait();

    app.open_filing(big_id);
    std::printf("largest seed form: %s, %zu cells\n", seeds[largest].filing.template_id.c_str(), to_cells(seeds[largest].filing).size());
    bench::result("frame_largest_ms", frame_ms(app, 60, 5));
    app.open_filing(rows_id);
    std::printf("2,000-row table: %s\n", rows2000.template_id.c_str());
    bench::result("frame_2000_rows_ms", frame_ms(app, 20, 5));
    return 0;
}
