// The seeded generator of synthetic filings (see synth.h).
#include "synth.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "io/importer.h"

namespace formwork::bench {

namespace {

std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// "123.45" times a whole factor, keeping the decimals as filed; other text unchanged.
std::string scale_amount(const std::string& text, int factor) {
    if (text.empty() || text.size() > 15) return text;
    std::int64_t units = 0;
    int decimals = -1;
    for (char c : text) {
        if (c == '.') {
            if (decimals >= 0) return text;
            decimals = 0;
        } else if (c >= '0' && c <= '9') {
            units = units * 10 + (c - '0');
            if (decimals >= 0) ++decimals;
        } else {
            return text;
        }
    }
    if (decimals == 0) return text;  // "12." is not a plain amount
    std::string digits = std::to_string(units * factor);
    if (decimals < 0) return digits;
    const auto places = static_cast<size_t>(decimals);
    if (digits.size() <= places) digits = std::string(places + 1 - digits.size(), '0') + digits;
    return digits.substr(0, digits.size() - places) + "." + digits.substr(digits.size() - places);
}

bool is_money_table(const std::string& id) { return id == "income" || id == "expenses" || id == "funds" || id == "budget"; }

void append_copy(Filing& f, const char* field, const std::string& suffix) {
    auto it = f.fields.find(field);
    if (it != f.fields.end() && !it->second.empty()) it->second += suffix;
}

void plant_mistake(Filing& f, std::uint64_t r) {
    switch (r % 5) {
    case 0:  // a money cell one unit off: a sum no longer adds up
        for (auto& [id, table] : f.tables)
            if (is_money_table(id))
                for (auto& row : table.rows)
                    for (auto& [col, text] : row.cells)
                        if (!text.empty() && scale_amount(text, 2) != text) {  // a plain amount
                            const auto dot = text.find('.');
                            text = std::to_string(std::stoll(text.substr(0, dot)) + 1) + (dot == std::string::npos ? "" : text.substr(dot));
                            return;
                        }
        break;
    case 1:  // a rate in persons
        for (auto& ind : f.indicators)
            for (auto& [period, text] : ind.targets)
                if (auto p = text.find('%'); p != std::string::npos) {
                    text.replace(p, 1, "人");
                    return;
                }
        break;
    case 2:  // a placeholder target
        if (!f.indicators.empty()) {
            auto& targets = f.indicators[r / 5 % f.indicators.size()].targets;
            if (!targets.empty()) targets.begin()->second = "是/否";
        }
        break;
    case 3:  // a phone that is not one
        for (const char* id : {"contact", "filled_phone", "phone"})
            if (auto it = f.fields.find(id); it != f.fields.end()) it->second = "12345";
        break;
    default:  // a spending plan that goes down
        if (auto* t = f.find_table("spending_plan"); t && !t->rows.empty()) {
            auto& c = t->rows[0].cells;
            std::swap(c["mar"], c["jun"]);
        } else if (!f.indicators.empty()) {
            f.indicators.back().name.clear();  // an indicator without a name
        }
    }
}

}  // namespace

std::vector<SeedFiling> load_seed_filings(const script::TemplateRegistry& registry, const std::string& seeds_dir) {
    std::vector<std::shared_ptr<const FormSpec>> specs;
    for (const auto& e : registry.entries())
        if (e.ok()) specs.push_back(e.spec);
    io::Importer importer(specs);
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(seeds_dir))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<SeedFiling> seeds;
    for (const auto& file : files) {
        io::FileImport r = importer.import_file(file);
        if (r.failed) throw std::runtime_error("seed import failed: " + file.string() + ": " + r.error.en);
        for (auto& f : r.filings) seeds.push_back({std::move(f.filing), f.spec});
    }
    if (seeds.empty()) throw std::runtime_error("no seed filings under " + seeds_dir);
    return seeds;
}

Filing synth_filing(const std::vector<SeedFiling>& seeds, std::uint64_t seed, std::uint64_t index) {
    const std::uint64_t copy = index / seeds.size();
    Filing f = seeds[index % seeds.size()].filing;
    f.id = 0;
    const std::uint64_t r = splitmix(seed * 0x100000001b3ULL ^ index);
    if (copy > 0) {
        const std::string suffix = "（" + std::to_string(copy) + "）";
        for (const char* id : {"project_name", "department", "department_name", "implementing_unit"}) append_copy(f, id, suffix);
    }
    // One factor per copy of the seed set, so a department's tables scale together.
    const int factor = 1 + static_cast<int>(splitmix(seed ^ copy) % 4);
    for (auto& [id, table] : f.tables)
        if (is_money_table(id))
            for (auto& row : table.rows)
                for (auto& [col, text] : row.cells) text = scale_amount(text, factor);
    if (r % 12 == 0) plant_mistake(f, r >> 8);
    return f;
}

}  // namespace formwork::bench
