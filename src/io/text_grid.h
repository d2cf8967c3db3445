// Reads a plain-text export of a filing document (Word/Excel/PDF exported to text, as in
// shared/seeds/, or a web page copied as text, as in shared/corpus/) into rows of cells with
// their line numbers. The layouts found in the wild (GridLayout below), detected per file:
//   tab          every line is a table row, cells separated by tabs (merged cells empty);
//   tab-cells    every cell is a line starting with one tab, rows end at a blank line, and
//                a cell's text may continue on following lines (even after one blank line);
//   pipe         cells separated by '|' on each line ("项目名称 | 物业管理 | ||");
//   pipe-stream  one cell after another, each ending with " |" (a cell may span lines), with
//                nothing marking where a table row ends;
//   spaces       a row per line, cells separated by spaces: the line stays one cell and the
//                importer splits it where the template's labels begin;
//   lines        one cell per line, rows unmarked, often with blank lines between cells.
// Lines outside tables become rows of one cell marked `is_text`. Nothing is dropped: every
// non-blank character of the input lands in exactly one cell.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace formwork::io {

struct GridCell {
    std::string text;  // as in the file, but with <p>/</p> tags and surrounding spaces removed
    int line = 0;      // 1-based line where the cell starts (a sheet's row number for xlsx)
    // A merged area (xlsx mergeCells, docx gridSpan/vMerge, HTML colspan/rowspan): its top-left
    // cell holds the text and says how far it reaches; the cells it covers are empty.
    int colspan = 1;
    int rowspan = 1;
};

struct GridRow {
    std::vector<GridCell> cells;
    int line = 0;
    bool is_text = false;  // a line outside any table (a title, a heading, a signature line)
    int sheet = -1;        // xlsx: index into TextGrid::sheets

    bool all_blank() const;
};

// How a file laid its cells out. The stream layouts print one cell after another without
// saying where a table row ends (the importer rebuilds rows from the template's columns).
enum class GridLayout {
    RowPerLine,   // tab-separated cells, a row per line (merged cells empty)
    CellPerLine,  // a tab, then a cell per line; rows end at a blank line
    PipeRows,     // cells separated by '|', a row per line
    PipeStream,   // a cell per line (or lines), each ending with " |"
    SpaceRows,    // a row per line, cells separated by spaces (split where labels begin)
    LineStream,   // a cell per line, often with blank lines between
    Sheet,        // an xlsx worksheet
    Document,     // a docx body: paragraphs and tables
    Html,         // an HTML page: block text and tables
};

const char* to_string(GridLayout layout);  // "tab", "tab-cells", "pipe", "pipe-stream", "spaces", "lines", "xlsx", "docx", "html"
bool is_stream(GridLayout layout);

struct TextGrid {
    GridLayout layout = GridLayout::RowPerLine;
    std::vector<GridRow> rows;
    std::vector<std::string> sheets;  // xlsx: the sheet names rows refer to
    std::string encoding;             // what the bytes were decoded from ("UTF-8", "GB18030", "UTF-16LE" …)
};

struct GridError : std::runtime_error {
    int line;
    GridError(const std::string& what, int line_) : std::runtime_error(what), line(line_) {}
};

// Throws GridError for input that is not text (NUL bytes, invalid UTF-8) or is empty.
// `layout` forces one of the text layouts instead of detecting it.
TextGrid read_text_grid(std::string_view content, std::optional<GridLayout> layout = std::nullopt);

// The text layout named by a template's import.separator or --separator: "tab", "pipe",
// "spaces", "lines" (pipe and tab pick their row or cell form by content); nullopt otherwise.
std::optional<GridLayout> text_layout_named(std::string_view name);

// Tidies one cell: drops <p>, </p>, <br> tags, trims ASCII and full-width spaces, turns
// internal runs of line breaks between paragraphs into single '\n'.
std::string clean_cell(std::string_view raw);

}  // namespace formwork::io
