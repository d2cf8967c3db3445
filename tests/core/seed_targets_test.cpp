// Table-driven test over every target-value cell of the five seed filings
// (tests/data/seed_targets.tsv, expectations written by hand from reading the cells).
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/target_value.h"

using formwork::Comparator;
using formwork::Decimal;
using formwork::parse_target;
using formwork::TargetKind;
using formwork::TargetValue;

namespace {

struct SeedRow {
    std::string seed, line, indicator, period, text, kind, cmp, value, unit_or_word, subject, note;
};

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return cells;
}

std::vector<SeedRow> load_rows() {
    const std::string path = std::string(FORMWORK_SOURCE_DIR) + "/tests/data/seed_targets.tsv";
    std::ifstream in(path);
    REQUIRE(in.good());
    std::vector<SeedRow> rows;
    std::string line;
    bool header_seen = false;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (!header_seen) {  // the column names
            REQUIRE(line.rfind("seed\tline\t", 0) == 0);
            header_seen = true;
            continue;
        }
        const auto c = split_tabs(line);
        INFO("row: " << line);
        REQUIRE(c.size() == 11);
        rows.push_back({c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]});
    }
    return rows;
}

TargetKind kind_named(const std::string& name) {
    if (name == "numeric") return TargetKind::Numeric;
    if (name == "grade") return TargetKind::Grade;
    if (name == "placeholder") return TargetKind::Placeholder;
    REQUIRE(name == "unparsed");
    return TargetKind::Unparsed;
}

// The lines of a seed file (samples/seeds/).
std::vector<std::string> seed_lines(const std::string& file) {
    std::ifstream in(std::string(FORMWORK_SEEDS_DIR) + "/" + file);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

bool is_blank(const std::string& s) {
    std::string rest = s;
    for (const std::string space : {" ", "\u3000"}) {
        for (std::size_t p; (p = rest.find(space)) != std::string::npos;) rest.erase(p, space.size());
    }
    return rest.empty();
}

}  // namespace

TEST_CASE("seed-1.1 every target value of the seed filings parses as expected") {
    const auto rows = load_rows();
    std::map<std::string, int> by_kind;
    for (const SeedRow& r : rows) {
        INFO(r.seed << ":" << r.line << " " << r.indicator << " [" << r.period << "] \"" << r.text << "\"");
        const TargetValue t = parse_target(r.text);
        INFO("parsed as " << formwork::to_string(t.kind) << " " << formwork::canonical_text(t)
                          << " subject \"" << t.subject << "\" reason: " << t.reason);
        ++by_kind[r.kind];
        CHECK(t.text == r.text);
        CHECK(t.kind == kind_named(r.kind));
        switch (t.kind) {
            case TargetKind::Numeric:
                CHECK(formwork::to_string(t.cmp) == r.cmp);
                CHECK(t.value == *Decimal::parse(r.value));
                CHECK(t.unit == r.unit_or_word);
                CHECK(t.subject == r.subject);
                break;
            case TargetKind::Grade:
            case TargetKind::Placeholder:
                CHECK(t.word == r.unit_or_word);
                break;
            case TargetKind::Unparsed:
                CHECK_FALSE(t.reason.empty());
                CHECK_FALSE(r.note.empty());  // the table says why it stays free text
                break;
        }
    }
    // Guards against a truncated or regenerated table: the counts of the hand-written file.
    CHECK(rows.size() == 607);
    CHECK(by_kind["numeric"] == 264);
    CHECK(by_kind["grade"] == 257);
    CHECK(by_kind["placeholder"] == 64);
    CHECK(by_kind["unparsed"] == 22);
}

TEST_CASE("seed-1.2 every seed file contributes, each cell at most once per period") {
    const auto rows = load_rows();
    std::map<std::string, int> per_seed;
    std::map<std::string, int> seen;
    for (const SeedRow& r : rows) {
        ++per_seed[r.seed];
        const std::string key = r.seed + ":" + r.line + ":" + r.period;
        INFO(key);
        CHECK(++seen[key] == 1);
    }
    CHECK(per_seed["000_0fc43aa88057eaed.txt"] == 136);
    CHECK(per_seed["001_e8aa0500ee62ffd0.txt"] == 76);
    CHECK(per_seed["002_be243faf42b34df7.txt"] == 96);
    CHECK(per_seed["003_e71277c5732aaa08.txt"] == 216);
    CHECK(per_seed["004_69cafeba3764958f.txt"] == 83);
}

TEST_CASE("seed-1.3 each collected text is on its line of the seed file") {
    const auto rows = load_rows();
    std::map<std::string, std::vector<std::string>> files;
    for (const SeedRow& r : rows) {
        auto it = files.find(r.seed);
        if (it == files.end()) it = files.emplace(r.seed, seed_lines(r.seed)).first;
        const auto& lines = it->second;
        REQUIRE_FALSE(lines.empty());
        const std::size_t n = std::stoul(r.line);
        INFO(r.seed << ":" << r.line << " \"" << r.text << "\"");
        REQUIRE(n >= 1);
        REQUIRE(n <= lines.size());
        bool found = false;
        for (const std::string& cell : split_tabs(lines[n - 1])) {
            // A narrative line holds "绩效指标：<text>" in one cell.
            if (is_blank(r.text) ? is_blank(cell) && cell == r.text
                                 : cell == r.text || cell == "绩效指标：" + r.text) {
                found = true;
            }
        }
        CHECK(found);
    }
}
