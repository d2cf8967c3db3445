// A block of table cells as spreadsheets put it on the clipboard and take it back: TSV (what
// Excel, WPS and LibreOffice give as text: tabs between cells, a line per row, a cell with a
// tab, line break or quote put in double quotes with quotes doubled) and an HTML <table> (what
// they give as text/html, with merged cells). The shell copies both and pastes either.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace formwork::io {

// Rows of cells; rows may differ in length (a short row leaves the cells after it alone).
using CellBlock = std::vector<std::vector<std::string>>;

// Reads TSV. One trailing line break ends the last row and adds no empty row; "\r\n" and "\r"
// end rows as "\n" does; a cell opened with a quote runs to its closing quote (tabs and line
// breaks inside it are the cell's), and "" inside it is one quote.
CellBlock parse_tsv(std::string_view text);

// Writes TSV that parse_tsv and spreadsheets read back cell for cell: a line per row, each
// ended by "\n"; cells with a tab, a line break or a leading quote are quoted.
std::string write_tsv(const CellBlock& block);

// The first <table> of an HTML fragment as a block: rowspan/colspan cover slots that stay
// empty, <br> and block edges inside a cell are line breaks. Empty when there is no table
// (the caller then pastes the text form).
CellBlock parse_html_table(std::string_view html);

// A UTF-8 HTML document holding one <table> of the block, text escaped, line breaks as <br>.
std::string write_html_table(const CellBlock& block);

}  // namespace formwork::io
