// The xlsx export read back: unzip the workbook and parse its XML, then find every filed
// value of every family's seed filing in the row the layout puts it, numbers as numbers.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "export_support.h"
#include "io/export_layout.h"

using namespace formwork;
using namespace formwork::io;
using namespace export_test;

namespace {

std::string unescape_xml(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            const auto end = s.find(';', i);
            const std::string ent = s.substr(i + 1, end - i - 1);
            if (ent == "amp") out += '&';
            else if (ent == "lt") out += '<';
            else if (ent == "gt") out += '>';
            else if (ent == "quot") out += '"';
            else if (ent == "apos") out += '\'';
            else out += "&" + ent + ";";
            i = end;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Text of each element <tag …>…</tag> in order.
std::vector<std::string> elements(const std::string& xml, const std::string& tag) {
    std::vector<std::string> out;
    const std::string open = "<" + tag, close = "</" + tag + ">";
    for (std::size_t at = 0; (at = xml.find(open, at)) != std::string::npos;) {
        const char next = xml[at + open.size()];
        if (next != '>' && next != ' ') {
            at += open.size();
            continue;
        }
        const auto body = xml.find('>', at) + 1;
        if (xml[body - 2] == '/') {  // <tag …/>: attributes only
            out.push_back(xml.substr(at, body - 2 - at) + ">");
            at = body;
            continue;
        }
        const auto end = xml.find(close, body);
        out.push_back(xml.substr(at, end - at));  // with the opening tag, for attributes
        at = end + close.size();
    }
    return out;
}

std::string attribute(const std::string& element, const std::string& name) {
    const auto at = element.find(" " + name + "=\"");
    if (at == std::string::npos) return {};
    const auto start = at + name.size() + 3;
    return element.substr(start, element.find('"', start) - start);
}

std::string inner(const std::string& element) { return element.substr(element.find('>') + 1); }

struct SheetCells {
    std::map<int, std::multiset<std::string>> strings;  // by row (1-based)
    std::map<int, std::multiset<std::string>> numbers;  // exact decimal text
    std::vector<std::string> merges;
    std::string xml;
};

struct Workbook {
    std::vector<std::string> sheet_names;
    std::vector<SheetCells> sheets;
};

Workbook read_xlsx(const std::string& path) {
    int status = 0;
    const std::string listing = run("unzip -Z1 '" + path + "'", &status);
    REQUIRE(status == 0);
    Workbook wb;
    for (const auto& s : elements(run("unzip -p '" + path + "' xl/workbook.xml"), "sheet")) wb.sheet_names.push_back(unescape_xml(attribute(s, "name")));
    std::vector<std::string> shared;
    for (const auto& si : elements(run("unzip -p '" + path + "' xl/sharedStrings.xml"), "si")) {
        std::string text;
        for (const auto& t : elements(si, "t")) text += unescape_xml(inner(t));
        shared.push_back(text);
    }
    for (std::size_t i = 1; i <= wb.sheet_names.size(); ++i) {
        SheetCells sheet;
        sheet.xml = run("unzip -p '" + path + "' xl/worksheets/sheet" + std::to_string(i) + ".xml");
        for (const auto& c : elements(sheet.xml, "c")) {
            const std::string ref = attribute(c, "r");
            const int row = std::stoi(ref.substr(ref.find_first_of("0123456789")));
            const auto v = elements(c, "v");
            if (v.empty()) continue;
            if (attribute(c, "t") == "s") sheet.strings[row].insert(shared.at(std::stoul(inner(v[0]))));
            else sheet.numbers[row].insert(number_text(std::stod(inner(v[0]))));
        }
        for (const auto& m : elements(sheet.xml, "mergeCell")) sheet.merges.push_back(attribute(m, "ref"));
        wb.sheets.push_back(std::move(sheet));
    }
    return wb;
}

// Every printed cell of the layout is in its row: numbers as numbers, text as filed.
void check_sheet(const SheetCells& sheet, const Layout& layout) {
    int numbers = 0;
    for (std::size_t r = 0; r < layout.rows.size(); ++r) {
        const int row = static_cast<int>(r) + 1;
        for (const auto& c : layout.rows[r].cells) {
            INFO("row " << row << " " << c.path << " «" << c.text << "»");
            if (c.number) {
                ++numbers;
                CHECK(sheet.numbers.count(row));
                if (sheet.numbers.count(row)) CHECK(sheet.numbers.at(row).count(c.number->value.to_string()));
            } else if (!c.text.empty()) {
                CHECK(sheet.strings.count(row));
                if (sheet.strings.count(row)) CHECK(sheet.strings.at(row).count(c.text));
            }
        }
    }
    std::size_t stored = 0;
    for (const auto& [row, set] : sheet.numbers) stored += set.size();
    CHECK(stored == static_cast<std::size_t>(numbers));  // and nothing else became a number
}

}  // namespace

TEST_CASE("export-3.1 one filing of each family to xlsx: every value in its row, numbers stored as numbers") {
    const auto items = one_per_template();
    REQUIRE(items.size() == 7);
    const std::string path = scratch_dir() + "/families.xlsx";
    export_filings(items, ExportFormat::Xlsx, path);
    const Workbook wb = read_xlsx(path);
    REQUIRE(wb.sheets.size() == items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        INFO(items[i].spec->id);
        const Layout layout = build_layout(*items[i].filing, *items[i].spec);
        CHECK(wb.sheet_names[i] == sheet_names({layout.title})[0]);
        check_sheet(wb.sheets[i], layout);
        // The title is merged across the whole printed width.
        REQUIRE_FALSE(wb.sheets[i].merges.empty());
        CHECK(wb.sheets[i].merges[0].rfind("A1:", 0) == 0);
    }
}

TEST_CASE("export-3.2 a money figure keeps the decimals it was filed with") {
    // Hebei's project tables file "6.80": stored as 6.8, shown with two decimals.
    const auto items = one_per_template();
    const auto it = std::find_if(items.begin(), items.end(), [](auto& i) { return i.spec->id == "hebei-project"; });
    REQUIRE(it != items.end());
    const std::string path = scratch_dir() + "/hebei.xlsx";
    export_filings({*it}, ExportFormat::Xlsx, path);
    const std::string styles = run("unzip -p '" + path + "' xl/styles.xml");
    CHECK(styles.find("formatCode=\"0.00\"") != std::string::npos);
    const Workbook wb = read_xlsx(path);
    bool found = false;
    for (const auto& [row, set] : wb.sheets[0].numbers) found = found || set.count("6.8");
    CHECK(found);
}

TEST_CASE("export-3.3 every seed filing to one workbook: one sheet each, names unique and valid") {
    const auto items = all_seeds();
    const std::string path = scratch_dir() + "/all.xlsx";
    export_filings(items, ExportFormat::Xlsx, path);
    const Workbook wb = read_xlsx(path);
    REQUIRE(wb.sheet_names.size() == items.size());
    std::set<std::string> unique(wb.sheet_names.begin(), wb.sheet_names.end());
    CHECK(unique.size() == items.size());
    for (const auto& name : wb.sheet_names) {
        CHECK_FALSE(name.empty());
        CHECK(name.find_first_of("[]:*?/\\") == std::string::npos);
    }
    for (std::size_t i = 0; i < items.size(); ++i) check_sheet(wb.sheets[i], build_layout(*items[i].filing, *items[i].spec));
}

TEST_CASE("export-3.4 sheets print on A4, one page wide, with page numbers in the footer") {
    const std::string path = scratch_dir() + "/print.xlsx";
    export_filings({one_per_template()[0]}, ExportFormat::Xlsx, path);
    const std::string xml = run("unzip -p '" + path + "' xl/worksheets/sheet1.xml");
    CHECK(xml.find("paperSize=\"9\"") != std::string::npos);
    CHECK(xml.find("fitToHeight=\"0\"") != std::string::npos);
    CHECK(xml.find("&amp;P") != std::string::npos);
    CHECK(xml.find("&amp;N") != std::string::npos);
}
