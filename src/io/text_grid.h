// Reads a plain-text export of a filing document (Word/Excel/PDF exported to text, as in
// shared/seeds/) into rows of cells with their line numbers. Two layouts exist in the wild:
//   row-per-line   every line is a table row, cells separated by tabs (merged cells empty);
//   cell-per-line  every cell is a line starting with one tab, rows end at a blank line, and
//                  a cell's text may continue on following lines (even after one blank line).
// Lines outside tables become rows of one cell marked `is_text`. Nothing is dropped: every
// non-blank character of the input lands in exactly one cell.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace formwork::io {

struct GridCell {
    std::string text;  // as in the file, but with <p>/</p> tags and surrounding spaces removed
    int line = 0;      // 1-based line where the cell starts
};

struct GridRow {
    std::vector<GridCell> cells;
    int line = 0;
    bool is_text = false;  // a line outside any table (a title, a heading, a signature line)

    bool all_blank() const;
};

enum class GridLayout { RowPerLine, CellPerLine };

struct TextGrid {
    GridLayout layout = GridLayout::RowPerLine;
    std::vector<GridRow> rows;
};

struct GridError : std::runtime_error {
    int line;
    GridError(const std::string& what, int line_) : std::runtime_error(what), line(line_) {}
};

// Throws GridError for input that is not text (NUL bytes, invalid UTF-8) or is empty.
TextGrid read_text_grid(std::string_view content);

// Tidies one cell: drops <p>, </p>, <br> tags, trims ASCII and full-width spaces, turns
// internal runs of line breaks between paragraphs into single '\n'.
std::string clean_cell(std::string_view raw);

}  // namespace formwork::io
