// Clipboard forms of a block of cells: TSV and HTML as spreadsheets write and read them.
#include <catch2/catch.hpp>

#include "io/table_clipboard.h"

using namespace formwork::io;

TEST_CASE("clip-1.1 TSV from a spreadsheet reads as rows of cells") {
    CHECK(parse_tsv("4\t8\n1\t2\n") == CellBlock{{"4", "8"}, {"1", "2"}});
    CHECK(parse_tsv("4\t8\r\n1\t2") == CellBlock{{"4", "8"}, {"1", "2"}});
    CHECK(parse_tsv("90") == CellBlock{{"90"}});
    CHECK(parse_tsv("90\n") == CellBlock{{"90"}});
    CHECK(parse_tsv("").empty());
    // Empty cells and rows keep their places.
    CHECK(parse_tsv("a\t\tc\n\nd\n") == CellBlock{{"a", "", "c"}, {""}, {"d"}});
    CHECK(parse_tsv("\t\n") == CellBlock{{"", ""}});
}

TEST_CASE("clip-1.2 quoted TSV cells hold tabs, line breaks and quotes") {
    CHECK(parse_tsv("\"第一行\n第二行\"\t5\n") == CellBlock{{"第一行\n第二行", "5"}});
    CHECK(parse_tsv("\"a\"\"b\"\tc") == CellBlock{{"a\"b", "c"}});
    CHECK(parse_tsv("\"x\ty\"") == CellBlock{{"x\ty"}});
    // A quote that does not close a cell is text.
    CHECK(parse_tsv("\"约\"250\t1") == CellBlock{{"\"约\"250", "1"}});
    CHECK(parse_tsv("说\"明\"\t2") == CellBlock{{"说\"明\"", "2"}});
    CHECK(parse_tsv("\"unclosed\tx") == CellBlock{{"\"unclosed", "x"}});
}

TEST_CASE("clip-1.3 TSV written reads back cell for cell") {
    const CellBlock block{{"≥95%", "a\tb", "多\n行"}, {"\"quoted", "", "say \"hi\""}, {"250万"}};
    const std::string tsv = write_tsv(block);
    CHECK(tsv.find("≥95%\t\"a\tb\"\t\"多\n行\"\n") == 0);
    CHECK(parse_tsv(tsv) == block);
}

TEST_CASE("clip-1.4 an HTML table reads with merged cells in place") {
    const std::string html =
        "<html><body><p>title</p><table><tr><td colspan=2>项目</td><td>3</td></tr>"
        "<tr><td>1</td><td>2<br>续</td><td> 4 </td></tr></table><table><tr><td>other</td></tr></table></body></html>";
    CHECK(parse_html_table(html) == CellBlock{{"项目", "", "3"}, {"1", "2\n续", "4"}});
    CHECK(parse_html_table("<p>no table here</p>").empty());
    CHECK(parse_html_table("").empty());
}

TEST_CASE("clip-1.5 HTML written reads back cell for cell, text escaped") {
    const CellBlock block{{"<b>&", "2\n3"}, {"\"x\"", "≤5天"}};
    const std::string html = write_html_table(block);
    CHECK(html.find("&lt;b&gt;&amp;") != std::string::npos);
    CHECK(html.find("charset=\"utf-8\"") != std::string::npos);
    CHECK(parse_html_table(html) == block);
}
