// The printed layout of one filing, derived from its template (FormSpec) alone: a grid of
// rows whose cells span columns (and, for the indicator tree's level-1/level-2 labels, rows).
// The xlsx and PDF writers draw this one description, so the two agree and neither knows any
// family: a new region's template prints without new C++.
//
// How each block of the template is laid out (the grid is kGridUnits wide):
//   title          the template's title, the budget year under it ("2024年度"), and the unit
//                  line ("单位：万元") when the form holds money;
//   fields         label/value pairs, two per line; a long text takes a whole line;
//   fixed rows     a head row (the block's label over the row labels, then the column labels)
//                  and one line per row, labels indented as the template says;
//   free rows      a heading (the block's label), the column labels, one line per filed row
//                  (an empty line when none is filed), and the template's total row with the
//                  sums the core computes;
//   spending plan  a heading, the points (3月底 …) and the filed shares;
//   indicators     a heading, 一级指标 | 二级指标 | 三级指标 | one column per period | the extra
//                  columns, level 1 and level 2 merged down over their indicators.
// Values are the filed text, exactly; a money, integer or percent cell whose text is a plain
// number also carries that number, with the decimals it was filed with, for spreadsheets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/filing.h"
#include "core/form_spec.h"

namespace formwork::io {

inline constexpr int kGridUnits = 24;

enum class CellRole {
    Title,       // the form's title
    Subtitle,    // the year line under it
    UnitLine,    // 单位：万元
    Heading,     // a block's label on a line of its own
    ColumnHead,  // column labels, and the label cell of a fixed-rows table's head row
    Label,       // a field's or a fixed row's label
    Value,       // a filed value
    LongValue,   // a filed paragraph (longtext): left-aligned, top-aligned
    Total,       // a computed total and its label
};

enum class Align { Left, Center, Right };

// A cell's text read as a number, for writers that store numbers (xlsx). `value` is what a
// spreadsheet should hold (a percentage is stored as its fraction, 25% → 0.25); `places` the
// decimals shown, as filed ("6.80" → 2); `grouped` when the text used thousands separators.
struct NumberValue {
    Decimal value;
    int places = 0;
    bool grouped = false;
    bool percent = false;

    bool operator==(const NumberValue&) const = default;
};

struct LayoutCell {
    std::string text;      // as filed, or the label as printed
    int col = 0;           // first grid unit
    int span = 1;          // grid units
    int row_span = 1;      // rows, merged downwards (indicator categories)
    CellRole role = CellRole::Value;
    Align align = Align::Left;
    int indent = 0;        // levels (fixed-row labels)
    std::optional<NumberValue> number;
    std::string path;      // the value's cell path (core/filing_cells.h); empty for labels
};

struct LayoutRow {
    std::vector<LayoutCell> cells;
    bool boxed = true;           // drawn with cell borders (false: title and unit lines)
    bool keep_with_next = false; // a heading or column head: never last on a page
    int repeat_row = -1;         // the column-head row to repeat when this row starts a page
};

struct Layout {
    std::string title;     // for sheet names and document titles: the filing's title field, else the template's
    std::vector<LayoutRow> rows;
};

// The layout of `filing` as `spec` prints it. Filed values that the template does not know
// (fields, tables or columns it lacks) are not printed; json and csv keep them.
Layout build_layout(const Filing& filing, const FormSpec& spec);

// The number a cell of `kind` holds, when its text is a plain number ("18", "6.80", "1,239.92",
// and for percent cells "25%"); nullopt for anything else, which then stays text as filed
// (scale words such as "2万", units, words, blanks). Only money, integer and percent cells are
// numbers: a year or a phone number stays text.
std::optional<NumberValue> number_of(std::string_view text, ValueKind kind);

// How wide text prints, in half-width character cells: CJK and full-width characters count 2.
int display_width(std::string_view text);

}  // namespace formwork::io
