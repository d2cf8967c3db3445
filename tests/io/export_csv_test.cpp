// The CSV export read back with a strict RFC 4180 reader: BOM, header, and every filed cell
// of every seed filing once, with its labels and path.
#include <catch2/catch.hpp>

#include <map>

#include "core/filing_cells.h"
#include "export_support.h"

using namespace formwork;
using namespace formwork::io;
using namespace export_test;

namespace {

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                rows.back().back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                rows.back().back() += c;
            }
        } else if (c == '"') {
            REQUIRE(rows.back().back().empty());  // quotes open a field only
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r') {
            REQUIRE(text[i + 1] == '\n');
        } else if (c == '\n') {
            rows.emplace_back(1);
        } else {
            rows.back().back() += c;
        }
    }
    REQUIRE_FALSE(quoted);
    if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
    return rows;
}

}  // namespace

TEST_CASE("export-6.1 every seed filing to one CSV: BOM, header, each filed cell once with its labels") {
    const auto items = all_seeds();
    const std::string path = scratch_dir() + "/all.csv";
    export_filings(items, ExportFormat::Csv, path);
    const std::string text = read_file(path);
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
    const auto rows = parse_csv(text.substr(3));
    REQUIRE(rows.size() > 1);
    CHECK(rows[0] == std::vector<std::string>{"填报编号", "模板", "区块", "行", "列", "值", "路径"});
    std::map<std::string, std::map<std::string, std::string>> by_filing;  // id → path → value
    for (std::size_t r = 1; r < rows.size(); ++r) {
        REQUIRE(rows[r].size() == 7);
        auto [it, fresh] = by_filing[rows[r][0]].emplace(rows[r][6], rows[r][5]);
        CHECK(fresh);  // once
        if (rows[r][1] == "nantong-project" && rows[r][6] == "f/project_name") CHECK(rows[r][4] == "项目名称");
        if (rows[r][1] == "nantong-project" && rows[r][6] == "t/income/0/full_year") {
            CHECK(rows[r][2] == "项目资金（万元）");
            CHECK(rows[r][3] == "资金总额");
            CHECK(rows[r][4] == "全年（程）预算数");
        }
    }
    for (const auto& item : items) {
        INFO(item.filing->template_id << " " << item.filing->id);
        std::map<std::string, std::string> expected;
        for (const auto& [p, v] : to_cells(*item.filing))
            if (p.find('#') == std::string::npos) expected[p] = v;
        CHECK(by_filing[std::to_string(item.filing->id)] == expected);
    }
}

TEST_CASE("export-6.2 commas, quotes, line breaks and edge spaces survive the CSV") {
    Filing f;
    f.id = 1;
    f.template_id = "nantong-project";
    f.fields["project_name"] = "a,b \"c\"\nd";
    f.fields["department"] = " padded ";
    const auto rows = parse_csv(filings_to_csv({{&f, shipped_template("nantong-project")}}).substr(3));
    std::map<std::string, std::string> values;
    for (std::size_t r = 1; r < rows.size(); ++r) values[rows[r][6]] = rows[r][5];
    CHECK(values["f/project_name"] == "a,b \"c\"\nd");
    CHECK(values["f/department"] == " padded ");
}
