// office-2.*: each of the five seed families imported from an xlsx and a docx laid out like the
// printed form (merged labels, numbers as numbers under their display formats), made by
// openpyxl and python-docx (tests/fixtures/office/make_fixtures.py), and from an HTML page in
// GBK: the filings equal the ones imported from the plain-text seeds, value for value.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "import_support.h"

using namespace formwork;

namespace {

const std::string kOffice = FORMWORK_SOURCE_DIR "/tests/fixtures/office/";

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void require_same_filings(const io::FileImport& from_text, const io::FileImport& other) {
    INFO(other.file << ": " << other.error.zh);
    REQUIRE_FALSE(other.failed);
    REQUIRE(other.filings.size() == from_text.filings.size());
    for (std::size_t i = 0; i < other.filings.size(); ++i) {
        const Filing& a = from_text.filings[i].filing;
        const Filing& b = other.filings[i].filing;
        INFO("filing " << i + 1 << " " << a.field(from_text.filings[i].spec->title_field));
        CHECK(b.template_id == a.template_id);
        CHECK(b.fields == a.fields);
        CHECK(b.tables == a.tables);
        CHECK(b.indicators == a.indicators);
        // What could not be placed is the same text (the lines differ: sheet rows, table rows).
        std::vector<std::string> ua, ub;
        for (const auto& u : from_text.filings[i].unplaced) ua.push_back(u.text);
        for (const auto& u : other.filings[i].unplaced) ub.push_back(u.text);
        CHECK(ub == ua);
    }
}

const std::vector<std::pair<std::string, std::string>> kSeeds = {
    {"seed000", kNantong}, {"seed001", kYuanjiang}, {"seed002", kSuzhou}, {"seed003", kJiangsu}, {"seed004", kHebei},
};

}  // namespace

TEST_CASE("office-2.1 every seed family from xlsx equals its text import") {
    for (const auto& [fixture, seed] : kSeeds) {
        INFO(fixture);
        const std::string path = kOffice + fixture + ".xlsx";
        // seed000.xlsx opens on a note sheet (说明) before the form's sheet: read the form's.
        io::ImportOptions options;
        if (fixture == "seed000") options.sheet = "项目预算绩效目标表";
        const auto r = shipped_importer().import_bytes(path, bytes_of(path), options);
        CHECK(r.format == "xlsx");
        require_same_filings(seed_import(seed), r);
    }
}

TEST_CASE("office-2.4 every sheet of a workbook is read: a note sheet before the form is kept as a note") {
    const std::string path = kOffice + "seed000.xlsx";
    const auto r = shipped_importer().import_bytes(path, bytes_of(path));
    REQUIRE(r.filings.size() == 4);
    CHECK(r.filings[0].unplaced.size() == seed_import(kNantong).filings[0].unplaced.size() + 1);
    io::ImportOptions by_number;
    by_number.sheet = "2";
    CHECK(shipped_importer().import_bytes(path, bytes_of(path), by_number).filings.size() == 4);
    io::ImportOptions missing;
    missing.sheet = "没有这张表";
    const auto none = shipped_importer().import_bytes(path, bytes_of(path), missing);
    CHECK(none.failed);
    CHECK(none.error.en.find("没有这张表") != std::string::npos);
}

TEST_CASE("office-2.2 every seed family from docx equals its text import") {
    for (const auto& [fixture, seed] : kSeeds) {
        INFO(fixture);
        const std::string path = kOffice + fixture + ".docx";
        const auto r = shipped_importer().import_bytes(path, bytes_of(path));
        CHECK(r.format == "docx");
        require_same_filings(seed_import(seed), r);
    }
}

TEST_CASE("office-2.3 a GBK HTML page of a seed equals its text import") {
    const std::string path = kOffice + "seed002_gbk.html";
    const auto r = shipped_importer().import_bytes(path, bytes_of(path));
    CHECK(r.format == "html");
    require_same_filings(seed_import(kSuzhou), r);
}
