// corpus-*: real filings of regions that joined after the seeds (samples/corpus, copied from
// shared/corpus: pages flattened with spaces, pipes or one cell per line), imported as
// published with the templates written for them in the template language only. Each complete
// table is compared with a table typed by hand from the page (tests/data/corpus_expected):
// at least 90% of its values in place, and no value in a wrong cell (a value is either where
// the page has it, or blank). Cut-off pages are refused, the complete forms of the same file
// still taken.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "core/money_text.h"
#include "import_support.h"
#include "io/label_text.h"

using namespace formwork;

namespace {

const std::string kCorpus = FORMWORK_SOURCE_DIR "/samples/corpus/";
const std::string kExpected = FORMWORK_SOURCE_DIR "/tests/data/corpus_expected/";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::vector<std::string>> facts(const std::string& tsv) {
    std::vector<std::vector<std::string>> out;
    std::istringstream in(slurp(kExpected + tsv));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        for (std::size_t start = 0;;) {
            const std::size_t tab = line.find('\t', start);
            cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        out.push_back(std::move(cells));
    }
    return out;
}

// Texts compared as a reader compares them: line breaks inside a printed cell are one space.
std::string flat(std::string s) {
    for (std::size_t at = s.find('\n'); at != std::string::npos; at = s.find('\n', at)) s.replace(at, 1, " ");
    return s;
}

struct Tally {
    int facts = 0, right = 0, blank = 0;
    std::vector<std::string> wrong;

    void judge(const std::string& what, const std::string& expected, const std::string& got) {
        ++facts;
        if (flat(got) == flat(expected)) ++right;
        else if (got.empty()) ++blank;
        else wrong.push_back(what + ": expected \"" + expected + "\", got \"" + got + "\"");
    }
};

// The field of the template a printed label names (label or alias, compared like labels).
const FieldSpec* field_labelled(const FormSpec& spec, const std::string& label) {
    const std::string key = io::normalize_label(label);
    for (const auto& b : spec.blocks)
        for (const auto& f : b.fields) {
            if (io::normalize_label(f.label) == key) return &f;
            for (const auto& a : f.aliases)
                if (io::normalize_label(a) == key) return &f;
        }
    return nullptr;
}

// A money figure of a fixed-rows table (the funds block), by the row's printed label.
std::optional<std::string> money_cell(const Filing& f, const FormSpec& spec, const std::string& label) {
    const std::string key = io::normalize_label(label);
    for (const auto& b : spec.blocks) {
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
            bool named = io::normalize_label(b.rows[r].label) == key;
            for (const auto& a : b.rows[r].aliases) named = named || io::normalize_label(a) == key;
            if (!named) continue;
            const Table* t = f.find_table(b.id);
            return t && r < t->rows.size() ? t->rows[r].cell(b.columns.front().id) : std::string();
        }
    }
    return std::nullopt;
}

struct Case {
    std::string page;
    std::string tsv;
    std::string template_id;
    int filing = 0;                                  // which filing of the file
    std::map<std::string, std::string> field_of;     // printed label → field id, where it is not a template label
    std::vector<std::string> extras;                 // the indicator extras in the TSV's column order
};

Tally compare(const Case& c, const io::FileImport& file) {
    REQUIRE(static_cast<int>(file.filings.size()) > c.filing);
    const io::ImportedFiling& imported = file.filings[c.filing];
    CHECK(imported.filing.template_id == c.template_id);
    const Filing& f = imported.filing;
    const FormSpec& spec = *imported.spec;
    Tally t;
    std::size_t indicator = 0;
    for (const auto& row : facts(c.tsv)) {
        const std::string& kind = row[0];
        if (kind == "meta") {
            if (row[1] == "year" && !row[2].empty() && !spec.year_field.empty()) t.judge("year", row[2], f.field(spec.year_field));
            continue;
        }
        if (kind == "field" || kind == "text" || kind == "money") {
            const std::string& label = row[1];
            const std::string expected = row.size() > 2 ? row[2] : std::string();
            std::string id;
            if (auto it = c.field_of.find(label); it != c.field_of.end()) id = it->second;
            else if (const FieldSpec* fs = field_labelled(spec, label)) id = fs->id;
            if (kind == "money" && id.empty()) {
                const auto cell = money_cell(f, spec, label);
                INFO(c.tsv << ": no money row " << label);
                REQUIRE(cell);
                // A figure written with a unit is stored in the column's unit.
                const auto reading = read_money(expected, spec.money_unit);
                t.judge(label, reading && reading->converted() ? reading->value.to_string() : expected, *cell);
                continue;
            }
            INFO(c.tsv << ": no field for " << label);
            REQUIRE_FALSE(id.empty());
            t.judge(label, expected, f.field(id));
            continue;
        }
        if (kind == "indicator") {
            const std::string what = "indicator " + std::to_string(indicator + 1) + " " + row[3];
            if (indicator >= f.indicators.size()) {
                t.facts += 4;
                t.blank += 4;
                ++indicator;
                continue;
            }
            const Indicator& ind = f.indicators[indicator++];
            t.judge(what + " level1", row[1], ind.level1);
            t.judge(what + " level2", row[2], ind.level2);
            t.judge(what + " name", row[3], ind.name);
            const BlockSpec* block = spec.find_block("indicators");
            const std::string period = block && !block->indicators.periods.empty() ? block->indicators.periods.front().id : "";
            t.judge(what + " value", row.size() > 4 ? row[4] : "", ind.targets.count(period) ? ind.targets.at(period) : "");
            for (std::size_t x = 0; x < c.extras.size(); ++x) {
                const std::string expected = row.size() > 5 + x ? row[5 + x] : std::string();
                const auto it = ind.extra.find(c.extras[x]);
                t.judge(what + " " + c.extras[x], expected, it == ind.extra.end() ? "" : it->second);
            }
        }
    }
    // No indicator the page does not have.
    CHECK(f.indicators.size() == indicator);
    return t;
}

void check_case(const Case& c, const io::FileImport& file) {
    INFO(c.page << " as " << c.template_id);
    INFO("error: " << file.error.zh);
    REQUIRE_FALSE(file.failed);
    const Tally t = compare(c, file);
    INFO("facts " << t.facts << ", right " << t.right << ", blank " << t.blank);
    std::string wrong;
    for (const auto& w : t.wrong) wrong += w + "\n";
    INFO(wrong);
    CHECK(t.wrong.empty());            // no value in a wrong cell
    CHECK(t.right * 10 >= t.facts * 9);  // at least 90% in place
}

io::FileImport import_page(const std::string& page) {
    return shipped_importer().import_text(page, slurp(kCorpus + page), io::ImportOptions{});
}

}  // namespace

TEST_CASE("corpus-1.1 Anhui single-year 申报表 split at spaces (金寨 14)") {
    const Case c{"14_anhui-jinzhai-devzone-property-2021.txt", "14.tsv", "anhui-project-annual", 0, {}, {}};
    const auto file = import_page(c.page);
    CHECK(file.layout == "spaces");
    CHECK(file.filings.size() == 1);
    check_case(c, file);
}

TEST_CASE("corpus-1.2 Anhui single-year, a cell per line (金安 20): the complete form taken, the cut-off one refused") {
    const Case c{"20_anhui-luan-jinan-sports-2025.txt", "20_1.tsv", "anhui-project-annual", 0, {}, {}};
    const auto file = import_page(c.page);
    CHECK(file.layout == "pipe-stream");
    CHECK(file.filings.size() == 1);
    REQUIRE(file.refused.size() == 1);
    CHECK(file.refused[0].why.zh.find("中断") != std::string::npos);
    check_case(c, file);
}

TEST_CASE("corpus-1.3 Anhui: a page cut off in its indicator table is refused (金安 16)") {
    const auto file = import_page("16_anhui-luan-jinan-disabled-rehab-2023.txt");
    CHECK(file.failed);
    CHECK(file.error.zh.find("中断") != std::string::npos);
    CHECK(file.filings.empty());
}

TEST_CASE("corpus-1.4 Ningxia region level, a cell per line with a title fragment after it (长庆 03)") {
    const Case c{"03_ningxia-changqing-middle-school-2019.txt", "03_1.tsv", "ningxia-project", 0, {}, {}};
    const auto file = import_page(c.page);
    CHECK(file.filings.size() == 1);
    check_case(c, file);
    // 项目期 2019-2021 also gives the start and end years.
    const Filing& f = file.filings[0].filing;
    CHECK(f.field("start_year") == "2019");
    CHECK(f.field("end_year") == "2021");
}

TEST_CASE("corpus-1.5 Ningxia 批复表, one cell per line under one tree column (石嘴山 10)") {
    const Case c{"10_ningxia-shizuishan-cdc-vaccines-2020.txt", "10.tsv", "ningxia-approval", 0,
                 {{"<unit>", "department"}, {"项目", "project_name"}, {"绩效金额", "amount"}}, {}};
    const auto file = import_page(c.page);
    CHECK(file.layout == "lines");
    CHECK(file.filings.size() == 1);
    check_case(c, file);
}

TEST_CASE("corpus-1.6 Sichuan 甘孜 绩效目标表, single spaces and wrapped cells (05)") {
    const Case c{"05_ganzi-market-supervision-food-safety.txt", "05.tsv", "sichuan-ganzi-goals", 0, {}, {"nature", "unit", "weight"}};
    const auto file = import_page(c.page);
    CHECK(file.filings.size() == 1);
    check_case(c, file);
}

TEST_CASE("corpus-1.7 抗疫特别国债, pipes with rows shifted under merged cells (23)") {
    const Case c{"23_mirror-covid-bond-sanitation-2020.txt", "23.tsv", "covid-bond-project", 0, {}, {}};
    const auto file = import_page(c.page);
    CHECK(file.layout == "pipe");
    CHECK(file.filings.size() == 1);
    check_case(c, file);
}

TEST_CASE("corpus-1.8 a page that is not a form never becomes a filing") {
    // Random words with a few budget terms: labels of several templates, but nowhere near a form.
    const std::string text = "项目名称\n今天天气很好\n资金总额 100\n我们去公园散步\n绩效目标 开心\n一级指标 二级指标\n";
    const auto file = shipped_importer().import_text("words.txt", text, io::ImportOptions{});
    CHECK(file.failed);
    CHECK(file.filings.empty());
    // Forced onto a template, it is refused the same way.
    io::ImportOptions forced;
    forced.template_id = "anhui-project-annual";
    const auto again = shipped_importer().import_text("words.txt", text, forced);
    CHECK(again.failed);
    CHECK(again.error.zh.find("必填") != std::string::npos);
}
