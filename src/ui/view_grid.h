// The table blocks of the form drawn and edited as a spreadsheet grid (view_grid.cpp): a cell
// cursor and a selected block, keys that move as in Excel and WPS, typing that replaces, F2 or
// a double click that edits, copy/cut/paste as TSV and HTML, fill down, Delete clearing a
// block; header rows frozen in tall tables, long text wrapped.
#pragma once

#include <functional>

#include "core/form_spec.h"
#include "ui/app.h"
#include "ui/grid_model.h"

namespace formwork::ui {

// What a block adds around its grid cells: a leading column (a fixed table's row labels), a
// trailing column (row actions), a footer row (totals), and whether a cell's text is shown
// (the indicator table prints a level once per group).
struct GridDecor {
    const char* leading_label = nullptr;                  // null: no leading column
    std::function<void(size_t row)> leading;              // draws the leading cell of a row
    float trailing_width = 0;                             // 0: no trailing column
    std::function<void(size_t row)> trailing;             // draws the trailing cell of a row
    std::function<void()> footer;                         // draws a last row after the cells
    std::function<bool(size_t row, size_t col)> shown;    // false: the cell's text is not drawn
    std::function<const char*(size_t col)> column_label;  // overrides the model's label
};

void draw_grid(App& app, const GridModel& grid, const GridDecor& decor);

// The refused-values window after a paste (drawn once per frame by the form view).
void draw_grid_popups(App& app);

}  // namespace formwork::ui
