// A block of the form seen as a spreadsheet grid: rows and columns of text cells, whatever the
// block is (a table with fixed or free rows, the spending plan, the indicator table). The
// grid view moves a cursor over it, and copy, paste, fill down and clear are planned here as
// lists of cell writes that the edit session applies as one undo step. No ImGui here: tests
// drive it directly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"
#include "io/table_clipboard.h"

namespace formwork::ui {

struct GridColumn {
    std::string id;     // the column's id in the filing ("l1", "name", "t/<period>" … for indicators)
    std::string label;  // as printed
    ValueKind kind = ValueKind::Text;
};

// A rectangle of cells, corners included, in any order of its two corners.
struct GridRange {
    size_t top = 0, left = 0, bottom = 0, right = 0;
    static GridRange of(size_t row_a, size_t col_a, size_t row_b, size_t col_b);
    bool contains(size_t row, size_t col) const { return row >= top && row <= bottom && col >= left && col <= right; }
    size_t rows() const { return bottom - top + 1; }
    size_t columns() const { return right - left + 1; }
};

struct CellWrite {
    size_t row = 0, col = 0;
    std::string text;
};

// A pasted value that was not written, and why (shown to the user cell by cell).
struct CellRefusal {
    size_t row = 0, col = 0;
    std::string text;
    enum class Reason { NotANumber, NotAPercent, NotAWholeNumber, BeyondLastRow, BeyondLastColumn } reason{};
};

struct GridEdit {
    std::vector<CellWrite> writes;
    std::vector<CellRefusal> refused;
    std::vector<std::string> converted;  // "250万 → 250" where a money unit was converted
    bool empty() const { return writes.empty(); }
};

class GridModel {
public:
    // The grid of a Table, SpendingPlan or Indicators block; nullopt for header fields.
    static std::optional<GridModel> of(const BlockSpec& block, const FormSpec& form);

    const std::string& block_id() const { return block_id_; }
    BlockKind kind() const { return kind_; }
    const std::vector<GridColumn>& columns() const { return columns_; }
    // Rows the filing has now (a fixed table: the template's rows).
    size_t rows(const Filing& f) const;
    // Whether a paste may add rows past the last (free-row tables, indicators).
    bool grows() const { return grows_; }

    std::string text(const Filing& f, size_t row, size_t col) const;
    // Where the live checks report a problem on the cell ("t/<table>/<row>/<col>", "i/<n>/name" …).
    std::string path(size_t row, size_t col) const;
    // Writes one cell, adding rows when a growing grid needs them.
    void set(Filing& f, size_t row, size_t col, const std::string& text) const;

    // The cells of a range as a block for the clipboard.
    io::CellBlock copy(const Filing& f, const GridRange& range) const;
    // A block pasted with its top-left at the selection's top-left; a single value pasted over a
    // larger selection fills all of it (as spreadsheets do). Every value is checked for its own
    // column; money with a unit ("250万") is converted to the block's unit.
    GridEdit paste(const Filing& f, const GridRange& selection, const io::CellBlock& block) const;
    // The selection's top row copied into the rows below it; a one-row selection copies the row
    // above it.
    GridEdit fill_down(const Filing& f, const GridRange& selection) const;
    // Blank text into every existing cell of the range.
    GridEdit clear(const Filing& f, const GridRange& range) const;

    // Checks one value for a column: nullopt when accepted (with `text` possibly converted),
    // else the reason.
    std::optional<CellRefusal::Reason> validate(size_t col, std::string& text, std::string* conversion = nullptr) const;

private:
    std::string block_id_;
    BlockKind kind_ = BlockKind::Table;
    std::vector<GridColumn> columns_;
    size_t fixed_rows_ = 0;  // fixed tables and the spending plan: the row count
    bool grows_ = false;
    std::string money_unit_;
};

}  // namespace formwork::ui
