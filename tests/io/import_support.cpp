// Import test support (see import_support.h).
#include "import_support.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "io/text_grid.h"
#include "templates/template_registry.h"

using namespace formwork;

const io::Importer& shipped_importer() {
    static const std::unique_ptr<io::Importer> importer = [] {
        script::TemplateRegistry registry(std::vector<script::TemplateDir>{{FORMWORK_SOURCE_DIR "/scripts/templates", "shipped"}});
        registry.refresh();
        std::vector<std::shared_ptr<const FormSpec>> specs;
        for (const auto& e : registry.entries()) {
            INFO(e.file);
            REQUIRE(e.ok());
            specs.push_back(e.spec);
        }
        return std::make_unique<io::Importer>(specs);
    }();
    return *importer;
}

std::string seed_text(const std::string& name) {
    std::ifstream in(std::string(FORMWORK_SEEDS_DIR) + "/" + name, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const io::FileImport& seed_import(const std::string& name) {
    static std::map<std::string, io::FileImport> cache;
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, shipped_importer().import_text(name, seed_text(name))).first;
    return it->second;
}

const io::ImportedFiling& filing_titled(const io::FileImport& file, const std::string& title) {
    for (const auto& f : file.filings)
        if (f.filing.field(f.spec->title_field) == title) return f;
    FAIL("no filing titled " << title << " in " << file.file);
    throw std::logic_error("unreachable");
}

std::string seed_cell(const std::string& name, int line, int cell) {
    std::istringstream in(seed_text(name));
    std::string text;
    for (int n = 1; n <= line; ++n) REQUIRE(std::getline(in, text));
    if (!text.empty() && text.back() == '\r') text.pop_back();
    std::vector<std::string> cells;
    for (std::size_t start = 0;;) {
        const std::size_t tab = text.find('\t', start);
        cells.push_back(text.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    REQUIRE(cell < static_cast<int>(cells.size()));
    return io::clean_cell(cells[cell]);
}

void check_indicators(const Filing& filing, const std::vector<std::string>& periods, const std::vector<std::string>& extras,
                      const Rows& expected) {
    REQUIRE(filing.indicators.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Indicator& ind = filing.indicators[i];
        std::vector<std::string> got = {ind.level1, ind.level2, ind.name};
        for (const auto& p : periods) got.push_back(ind.targets.count(p) ? ind.targets.at(p) : "<missing>");
        for (const auto& x : extras) got.push_back(ind.extra.count(x) ? ind.extra.at(x) : "<missing>");
        INFO("indicator " << i + 1);
        CHECK(got == expected[i]);
        CHECK(ind.targets.size() == periods.size());
        CHECK(ind.extra.size() == extras.size());
    }
}

void check_table(const Filing& filing, const std::string& table, const std::vector<std::string>& columns, const Rows& expected) {
    const Table* t = filing.find_table(table);
    REQUIRE(t != nullptr);
    REQUIRE(t->rows.size() == expected.size());
    for (std::size_t r = 0; r < expected.size(); ++r) {
        std::vector<std::string> got;
        for (const auto& c : columns) got.push_back(t->rows[r].cells.count(c) ? t->rows[r].cells.at(c) : "<missing>");
        INFO(table << " row " << r + 1);
        CHECK(got == expected[r]);
        CHECK(t->rows[r].cells.size() == columns.size());
    }
}
