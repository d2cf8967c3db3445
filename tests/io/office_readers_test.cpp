// Tests of the xlsx, docx and HTML readers (src/io/grid_readers.h) on the office fixtures
// (tests/fixtures/office: each file's expected grid), number formats, text decoding, format
// sniffing, and damaged or hostile packages (zips built here with libzip).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <zip.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "io/grid_readers.h"
#include "io/text_encoding.h"
#include "io/xlsx_number_format.h"
#include "io/zip_package.h"

using namespace formwork::io;

namespace {

const std::string kOffice = std::string(FORMWORK_SOURCE_DIR) + "/tests/fixtures/office/";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string fixture(const std::string& name) { return read_file(kOffice + name); }

std::vector<std::string> texts(const GridRow& r) {
    std::vector<std::string> out;
    for (const auto& c : r.cells) out.push_back(c.text);
    return out;
}

const GridRow* row_starting(const TextGrid& g, const std::string& first) {
    for (const auto& r : g.rows)
        for (const auto& c : r.cells) {
            if (c.text.empty()) continue;
            if (c.text == first) return &r;
            break;
        }
    return nullptr;
}

// A zip package in memory, written by libzip (deflated entries).
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    REQUIRE(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    REQUIRE(archive);
    zip_source_keep(buffer);
    for (const auto& [name, data] : entries) {
        zip_source_t* s = zip_source_buffer(archive, data.data(), data.size(), 0);
        REQUIRE(s);
        REQUIRE(zip_file_add(archive, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(archive) == 0);
    REQUIRE(zip_source_open(buffer) == 0);
    REQUIRE(zip_source_seek(buffer, 0, SEEK_END) == 0);
    const zip_int64_t size = zip_source_tell(buffer);
    REQUIRE(zip_source_seek(buffer, 0, SEEK_SET) == 0);
    std::string out(static_cast<std::size_t>(size), '\0');
    REQUIRE(zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size)) == size);
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

// Rewrites the uncompressed size an entry's local and central headers declare: a header that
// lies, as a hostile package's would.
void forge_size(std::string& zip, const std::string& name, std::uint32_t size) {
    auto put32 = [&](std::size_t at) {
        for (int k = 0; k < 4; ++k) zip[at + static_cast<std::size_t>(k)] = static_cast<char>((size >> (8 * k)) & 0xFF);
    };
    auto get16 = [&](std::size_t at) {
        return static_cast<std::size_t>(static_cast<unsigned char>(zip[at]) | (static_cast<unsigned char>(zip[at + 1]) << 8));
    };
    int patched = 0;
    for (std::size_t at = 0; at + 46 < zip.size(); ++at) {
        if (zip.compare(at, 4, "PK\x03\x04") == 0 && zip.compare(at + 30, name.size(), name) == 0 && get16(at + 26) == name.size()) {
            put32(at + 22);
            ++patched;
        } else if (zip.compare(at, 4, "PK\x01\x02") == 0 && zip.compare(at + 46, name.size(), name) == 0 &&
                   get16(at + 28) == name.size()) {
            put32(at + 24);
            ++patched;
        }
    }
    REQUIRE(patched == 2);
}

}  // namespace

TEST_CASE("office-1.1 every fixture reads as its expected grid") {
    const auto manifest = nlohmann::json::parse(fixture("manifest.json"));
    REQUIRE(manifest["fixtures"].size() == 17);
    for (const auto& f : manifest["fixtures"]) {
        const std::string file = f["file"], kind = f["kind"];
        INFO(file << " → " << f["expected"].get<std::string>());
        const std::string bytes = fixture(file);
        const auto expected = nlohmann::json::parse(fixture(f["expected"]));
        TextGrid g;
        if (kind == "xlsx") g = read_xlsx_grid(bytes, f["sheet"].get<std::string>());
        else if (kind == "docx") g = read_docx_grid(bytes);
        else g = read_html_grid(bytes);
        const auto& rows = expected["rows"];
        REQUIRE(g.rows.size() == rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            INFO("row " << i << " (line " << g.rows[i].line << ")");
            CHECK(texts(g.rows[i]) == rows[i]["cells"].get<std::vector<std::string>>());
            if (kind != "xlsx") CHECK(g.rows[i].is_text == rows[i]["text_row"].get<bool>());
        }
        CHECK(g.layout == (kind == "xlsx" ? GridLayout::Sheet : kind == "docx" ? GridLayout::Document : GridLayout::Html));
    }
}

TEST_CASE("office-1.2 xlsx: sheets in order, sheet row numbers, merged areas") {
    const std::string bytes = fixture("features.xlsx");
    const TextGrid all = read_xlsx_grid(bytes);
    CHECK(all.sheets == std::vector<std::string>{"封面", "表1", "宽表"});
    CHECK(all.encoding == "UTF-8");
    REQUIRE(all.rows.size() == 1 + 11 + 2);
    CHECK(all.rows.front().sheet == 0);
    CHECK(all.rows[1].sheet == 1);
    CHECK(all.rows.back().sheet == 2);

    const TextGrid form = read_xlsx_grid(bytes, std::string("表1"));
    CHECK(form.sheets.size() == 3);  // every name, so rows' sheet indexes mean the same
    std::vector<int> lines;
    for (const auto& r : form.rows) {
        lines.push_back(r.line);
        CHECK(r.sheet == 1);
        for (const auto& c : r.cells) CHECK(c.line == r.line);
    }
    CHECK(lines == std::vector<int>{1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12});  // row 8 is empty
    CHECK(form.rows[0].cells[0].colspan == 6);  // A1:F1
    CHECK(form.rows[0].is_text);
    CHECK(form.rows[1].is_text);
    CHECK_FALSE(form.rows[2].is_text);
    CHECK(form.rows[3].cells[0].rowspan == 3);  // A4:A6
    CHECK(form.rows[3].cells[0].colspan == 1);
    const GridRow* long_text = row_starting(form, "年度本级\n预算金额");
    REQUIRE(long_text);
    CHECK(long_text->cells[2].colspan == 4);  // C11:F11
    CHECK_FALSE(long_text->is_text);

    // A sheet by its 1-based number is the same sheet.
    const TextGrid second = read_xlsx_grid(bytes, std::string("2"));
    REQUIRE(second.rows.size() == form.rows.size());
    for (std::size_t i = 0; i < form.rows.size(); ++i) CHECK(texts(second.rows[i]) == texts(form.rows[i]));
}

TEST_CASE("office-1.3 xlsx: a sheet that is not there is refused, naming the sheets there are") {
    const std::string bytes = fixture("features.xlsx");
    CHECK_THROWS_WITH(read_xlsx_grid(bytes, std::string("表9")), "the sheet \"表9\" does not exist (sheets: 封面, 表1, 宽表)");
    CHECK_THROWS_WITH(read_xlsx_grid(bytes, std::string("4")), Catch::Contains("no sheet 4") && Catch::Contains("封面, 表1, 宽表"));
    CHECK_THROWS_AS(read_xlsx_grid(bytes, std::string("0")), GridError);
    // seed000's first sheet is a note; the form is named.
    const TextGrid note = read_xlsx_grid(fixture("seed000.xlsx"), std::string("1"));
    CHECK(note.rows.size() == 1);
}

TEST_CASE("office-1.4 number formats show numbers as Excel (zh-CN) shows them") {
    using xlsx::NumberFormat;
    struct Case {
        const char* code;
        double value;
        const char* shown;
    };
    const Case cases[] = {
        {"General", 18, "18"},
        {"General", 9.6, "9.6"},
        {"General", 72.99999999999993, "73"},
        {"General", 0.1 + 0.2, "0.3"},
        {"General", 123456.123456789, "123456.12346"},  // 11 significant digits
        {"General", 1e20, "1E+20"},
        {"General", -2.5, "-2.5"},
        {"0", 0.7499999999999992, "1"},
        {"0.00", 557.5599999999994, "557.56"},
        {"0.00", 557.5599999999999, "557.56"},
        {"0.00", 1239.919999999999, "1239.92"},
        {"0.00", 72.99999999999993, "73.00"},
        {"0.00", -3.5, "-3.50"},
        {"0.00", 2.675, "2.68"},  // half away from zero on the decimal digits, not on the binary value
        {"0.0", 9.6, "9.6"},
        {"#,##0", 10000, "10,000"},
        {"#,##0.00", 1234567.891, "1,234,567.89"},
        {"0%", 0.45, "45%"},
        {"0.0%", 0.455, "45.5%"},
        {"0.00%", 1, "100.00%"},
        {"0.00E+00", 12345, "1.23E+04"},
        {"0.00\"万元\"", 12.345, "12.35万元"},
        {"[$¥-804]#,##0.00", 5, "¥5.00"},
        {"#,##0;(#,##0)", -1234, "(1,234)"},
        {"[Red]0.00", 1.5, "1.50"},
        {"0,", 12345, "12"},
        {"0.00;-0.00;;@", 0, ""},
        {"000-0000", 1234567, "123-4567"},
        {"yyyy/m/d", 45108, "2023/7/1"},
        {"yyyy\"年\"m\"月\"d\"日\"", 45108, "2023年7月1日"},
        {"yyyy\"年\"m\"月\"d\"日\" aaaa", 45108, "2023年7月1日 星期六"},
        {"yyyy-mm-dd h:mm:ss", 45108.5, "2023-07-01 12:00:00"},
        {"yyyy.mm.dd", 45108, "2023.07.01"},
        {"d-mmm-yy", 45108, "1-Jul-23"},
        {"h:mm AM/PM", 0.75, "6:00 PM"},
        {"上午/下午h\"时\"mm\"分\"", 0.75, "下午6时00分"},
        {"[h]:mm", 1.5, "36:00"},
        {"yyyy/m/d", 60, "1900/2/29"},  // Excel's phantom leap day
        {"yyyy/m/d", 61, "1900/3/1"},
        {"[>100]0;0.00", 5, "5"},  // conditions are not supported: General
        {"# ?/?", 0.5, "0.5"},     // fractions neither
    };
    for (const auto& c : cases) {
        INFO(c.code << " " << c.value);
        CHECK(NumberFormat(c.code).format(c.value) == c.shown);
    }
    CHECK(NumberFormat("yyyy/m/d").format(0, true) == "1904/1/1");
    CHECK(NumberFormat("yyyy/m/d").is_date());
    CHECK_FALSE(NumberFormat("0.00").is_date());
    CHECK(xlsx::builtin_format_code(14) == "yyyy/m/d");
    CHECK(xlsx::builtin_format_code(9) == "0%");
    CHECK(xlsx::builtin_format_code(163).empty());
}

TEST_CASE("office-1.5 docx: merges, cell paragraphs, a nested table, running line numbers") {
    const TextGrid g = read_docx_grid(fixture("features.docx"));
    CHECK(g.layout == GridLayout::Document);
    const GridRow* name = row_starting(g, "项目名称");
    REQUIRE(name);
    CHECK(name->cells[1].colspan == 2);  // gridSpan=2
    CHECK(name->cells[2].text.empty());
    const GridRow* output = row_starting(g, "产出指标");
    REQUIRE(output);
    CHECK(output->cells[0].rowspan == 2);  // vMerge restart + continue
    // Every body paragraph and table row counts, the blank paragraph (3) too.
    CHECK(g.rows[0].line == 1);
    CHECK(g.rows[1].line == 2);
    CHECK(g.rows[2].line == 4);
    CHECK(g.rows.back().line == 13);
    CHECK_THROWS_WITH(read_docx_grid(fixture("features.xlsx")), Catch::Contains("not a docx document"));
}

TEST_CASE("office-1.6 html: GBK and UTF-8 pages read alike, the table model, nested tables") {
    const TextGrid gbk = read_html_grid(fixture("features_gbk.html"));
    const TextGrid utf8 = read_html_grid(fixture("features_utf8.html"));
    CHECK(gbk.encoding == "GBK");
    CHECK(utf8.encoding == "UTF-8");
    REQUIRE(gbk.rows.size() == utf8.rows.size());
    for (std::size_t i = 0; i < gbk.rows.size(); ++i) CHECK(texts(gbk.rows[i]) == texts(utf8.rows[i]));
    const GridRow* quality = row_starting(utf8, "质量指标");
    REQUIRE(quality);
    CHECK(quality->cells[2].colspan == 2);
    CHECK(row_starting(utf8, "产出指标")->cells[0].rowspan == 2);

    // A rowspan pushes later cells right; it ends with its row group; rowspan=0 reaches the
    // group's end; a nested table's cells are lines of the outer cell.
    const TextGrid t = read_html_grid(
        "<html><body><table><caption>表题</caption>"
        "<thead><tr><th rowspan=5>甲</th><th>乙</th></tr></thead>"
        "<tbody><tr><td rowspan=0>丙</td><td>丁</td></tr><tr><td>戊</td></tr><tr><td>己</td></tr></tbody>"
        "<tr><td>外<table><tr><td>内1</td><td>内2</td></tr></table></td><td>庚</td></tr>"
        "</table><pre>  a\n  b</pre></body></html>");
    REQUIRE(t.rows.size() >= 6);
    CHECK(texts(t.rows[0]) == std::vector<std::string>{"表题"});
    CHECK(t.rows[0].is_text);
    CHECK(texts(t.rows[1]) == std::vector<std::string>{"甲", "乙"});
    CHECK(t.rows[1].cells[0].rowspan == 1);  // clipped at the end of <thead>
    CHECK(texts(t.rows[2]) == std::vector<std::string>{"丙", "丁"});
    CHECK(t.rows[2].cells[0].rowspan == 3);
    CHECK(texts(t.rows[3]) == std::vector<std::string>{"", "戊"});
    CHECK(texts(t.rows[4]) == std::vector<std::string>{"", "己"});
    CHECK(texts(t.rows[5]) == std::vector<std::string>{"外\n内1\n内2", "庚"});
    CHECK(texts(t.rows.back()) == std::vector<std::string>{"a\nb"});

    // A page that says utf-8 but was saved as GBK is read as what it is.
    const std::string lying = "<meta charset=\"utf-8\"><p>\xD6\xD0\xCE\xC4</p>";  // 中文 in GBK
    const TextGrid l = read_html_grid(lying);
    CHECK(l.encoding == "GB18030");
    CHECK(texts(l.rows[0]) == std::vector<std::string>{"中文"});
    CHECK_THROWS_WITH(read_html_grid("<html><head><title>x</title></head><body> </body></html>"), Catch::Contains("empty"));
}

TEST_CASE("office-1.7 decode_text: byte order marks, declared charsets, GB18030, NUL bytes") {
    CHECK(decode_text("\xEF\xBB\xBF项目").text == "项目");
    CHECK(decode_text("\xEF\xBB\xBF项目").encoding == "UTF-8");
    const std::string le("\xFF\xFE\x79\x98\xEE\x76\n\0", 8);  // 项目\n in UTF-16LE
    CHECK(decode_text(le).text == "项目\n");
    CHECK(decode_text(le).encoding == "UTF-16LE");
    const std::string be("\xFE\xFF\x98\x79\x76\xEE", 6);
    CHECK(decode_text(be).text == "项目");
    CHECK(decode_text(be).encoding == "UTF-16BE");
    const std::string gbk = "\xCF\xEE\xC4\xBF";  // 项目 in GBK
    CHECK(decode_text(gbk).text == "项目");
    CHECK(decode_text(gbk).encoding == "GB18030");
    CHECK(decode_text(gbk, "gb2312").encoding == "GBK");
    // The declaration wins when the bytes decode with it: C3 A9 is é in UTF-8 and 茅 in GBK.
    CHECK(decode_text("\xC3\xA9", "x-gbk").text == "茅");
    CHECK(decode_text("\xC3\xA9").text == "é");
    CHECK(decode_text("plain", "utf-16").encoding == "UTF-8");
    CHECK_THROWS_WITH(decode_text("\x80\x80\xFF"), "cannot decode the file: it is neither UTF-8 nor GB18030 text");
    CHECK_THROWS_WITH(decode_text(std::string("a\0b", 3)), "not a text file (it contains NUL bytes)");
    CHECK_THROWS_WITH(decode_text(std::string("\xFF\xFE" "a\0\0\0", 6)), Catch::Contains("NUL"));
    CHECK(is_valid_utf8("项目"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));  // a surrogate
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
}

TEST_CASE("office-1.8 damaged and hostile packages are refused with a clear message") {
    const std::string xlsx = fixture("features.xlsx");
    CHECK_THROWS_WITH(read_xlsx_grid(xlsx.substr(0, xlsx.size() / 2)), Catch::Contains("zip"));
    CHECK_THROWS_WITH(read_xlsx_grid("hello"), Catch::Contains("not a zip package"));
    CHECK_THROWS_WITH(read_docx_grid(""), "the file is empty");
    std::string flipped = make_zip({{"xl/workbook.xml", "<workbook>" + std::string(5000, 'x') + "</workbook>"}});
    for (std::size_t k = 50; k < 60; ++k) flipped[k] = static_cast<char>(~flipped[k]);  // inside the deflated data
    CHECK_THROWS_WITH(read_xlsx_grid(flipped), Catch::Contains("damaged"));

    const std::string neither = make_zip({{"hello.txt", "hi"}});
    CHECK_THROWS_WITH(read_xlsx_grid(neither), "not an xlsx workbook (no xl/workbook.xml)");
    CHECK_THROWS_WITH(read_docx_grid(neither), "not a docx document (no word/document.xml)");
    CHECK_THROWS_WITH(read_xlsx_grid(make_zip({{"xl/workbook.xml", "<workbook><sheets"}})), Catch::Contains("not well-formed XML"));

    // Limits, lowered so the test need not unpack hundreds of megabytes.
    const std::string zeros(2u << 20, '\0');
    const std::string bomb = make_zip({{"a.bin", zeros}, {"b.bin", zeros}});
    CHECK(bomb.size() < 20000);
    {
        ZipPackage zip(bomb, ZipLimits{1u << 20, 8u << 20, 100});
        CHECK_THROWS_WITH(zip.read("a.bin"), Catch::Contains("a.bin unpacks to more than 1 MB"));
    }
    {
        ZipPackage zip(bomb, ZipLimits{4u << 20, 3u << 20, 100});
        CHECK(zip.read("a.bin")->size() == zeros.size());
        CHECK_THROWS_WITH(zip.read("b.bin"), Catch::Contains("unpacks to more than 3 MB"));
    }
    CHECK_THROWS_WITH(ZipPackage(bomb, ZipLimits{1u << 20, 1u << 20, 1}), Catch::Contains("too many entries"));
    {
        // A header that understates the size does not get past the limit.
        std::string liar = bomb;
        forge_size(liar, "a.bin", 1000);
        ZipPackage zip(liar, ZipLimits{1u << 20, 8u << 20, 100});
        CHECK_THROWS_AS(zip.read("a.bin"), GridError);
        ZipPackage roomy(liar);
        CHECK_THROWS_WITH(roomy.read("a.bin"), Catch::Contains("damaged"));
    }
    {
        // A header that claims 300 MB is refused before anything is unpacked.
        std::string huge = make_zip({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}});
        forge_size(huge, "xl/workbook.xml", 300u << 20);
        CHECK_THROWS_WITH(read_xlsx_grid(huge), Catch::Contains("unpacks to more than 256 MB"));
    }
    CHECK(ZipPackage(fixture("features.docx")).contains("WORD/DOCUMENT.XML"));  // part names ignore case
}

TEST_CASE("office-1.9 sniff_format tells the formats apart by their bytes") {
    const auto manifest = nlohmann::json::parse(fixture("manifest.json"));
    for (const auto& f : manifest["fixtures"]) {
        INFO(f["file"].get<std::string>());
        CHECK(to_string(sniff_format(fixture(f["file"]))) == f["kind"].get<std::string>());
    }
    CHECK(sniff_format(read_file(std::string(FORMWORK_SOURCE_DIR) + "/samples/seeds/000_0fc43aa88057eaed.txt")) == FileFormat::Text);
    CHECK(sniff_format("\xEF\xBB\xBF  {\"filings\": []}") == FileFormat::Json);
    CHECK(sniff_format("\r\n<!-- saved from url -->\r\n<HTML><BODY>") == FileFormat::Html);
    CHECK(sniff_format("  <TABLE><tr><td>1</td></tr></TABLE>") == FileFormat::Html);
    CHECK(sniff_format("项目名称\t<table>") == FileFormat::Text);
    CHECK(sniff_format("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n") == FileFormat::Unknown);
    CHECK(sniff_format(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)) == FileFormat::Unknown);
    CHECK(sniff_format(std::string("\x89PNG\r\n\x1A\n\0\0\0\x0D", 12)) == FileFormat::Unknown);
    CHECK(sniff_format(make_zip({{"hello.txt", "hi"}})) == FileFormat::Unknown);
    CHECK(sniff_format(std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14)) == FileFormat::Html);
    CHECK(sniff_format(std::string("\xFF\xFE\x79\x98\xEE\x76", 6)) == FileFormat::Text);
    CHECK(std::string(to_string(FileFormat::Unknown)) == "unknown");
}
