// A filing flattened to (path → text) cells, and back. The store saves a filing as these
// cells so that a save can write exactly the cells that changed, and a revision can record
// each change as (path, old text, new text).
//
// Paths (ids are percent-escaped so that '/' never appears inside one):
//   f/<field>                       header field
//   t/<table>/#rows                 row count (keeps blank rows and empty tables)
//   t/<table>/<row>/<column>        table cell, row numbered from 0
//   i/#count, i/<n>/l1, i/<n>/l2, i/<n>/name, i/<n>/t/<period>, i/<n>/x/<column>
//   n/#count, n/<n>/kind, n/<n>/text
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/filing.h"

namespace formwork {

using FilingCells = std::map<std::string, std::string>;

FilingCells to_cells(const Filing& filing);

// A path's parts between the slashes ("t/income/0/full_year" → t, income, 0, full_year), ids
// still escaped.
std::vector<std::string> split_cell_path(const std::string& path);

// An id as it appears in a path: '/', '%' and '#' percent-escaped.
std::string escape_cell_id(const std::string& id);

// Rebuilds the content of a filing (fields, tables, indicators, notes); the caller sets id
// and template. Throws std::invalid_argument naming the path on a malformed cell.
Filing from_cells(const FilingCells& cells);

// from_cells one cell at a time, for readers that hold the cells in another form (the store's
// per-filing snapshot): no map is built, and a path is read in place. Cells may come in any
// order; add() and finish() throw std::invalid_argument like from_cells.
class FilingBuilder {
public:
    FilingBuilder() = default;
    FilingBuilder(const FilingBuilder&) = delete;  // it points into the filing it builds
    FilingBuilder& operator=(const FilingBuilder&) = delete;
    void add(std::string_view path, std::string_view text);
    Filing finish();

private:
    Filing f_;
    Table* last_table_ = nullptr;     // the table of the last cell added (a map's values stay put)
    std::string last_table_path_;     // its id as written in the path (escaped)
    std::map<std::string, size_t, std::less<>> declared_rows_;
    size_t declared_indicators_ = 0, declared_notes_ = 0;
};

struct CellChange {
    std::string path;
    bool had_old = false;
    bool has_new = false;
    std::string old_text;
    std::string new_text;
};

// What turns `before` into `after`, in path order.
std::vector<CellChange> diff_cells(const FilingCells& before, const FilingCells& after);

}  // namespace formwork
