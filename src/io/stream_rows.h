// Rows for the stream layouts (text_grid.h: pipe-stream, lines), where a file prints one cell
// after another and nothing marks where a table row ends. Rebuilt for one template from what
// its labels say about each cell, so the placer then sees ordinary rows:
//   - a label of a field, fixed row or column starts a row, the cells after it are its values
//     ("项目名称 |" "物业管理 |" → one row); labels printed side by side with their values on the
//     next printed row ("中期目标 |" "年度目标 |" "…|" "…|") become a row of labels and a row of
//     values, as a row-per-line file has them;
//   - the indicator table's column heads, printed one after another, become its header row
//     (one cell per column; a head naming several levels, "项目", one cell per level);
//   - its cells are dealt into rows by the columns they fit: a level-1 or level-2 word goes to
//     its level column, other text to the indicator's name, then to the value columns in
//     order (a value column of figures, or of a fixed list, takes only what fits it); a cell
//     that belongs to a column left of the last one filled starts the next row (merged level
//     cells are printed only on their group's first row);
//   - text in the indicator table before its first level-1 word (a department, a project and
//     its amount above the indicators) stays text, for the template's import.values rules.
#pragma once

#include <vector>

#include "io/label_index.h"
#include "io/text_grid.h"

namespace formwork::io {

std::vector<GridRow> assemble_stream_rows(const std::vector<GridRow>& rows, const FormSpec& spec, const LabelIndex& index);

// Lines of a space-separated layout that break a label in two ("一级" / "指标", "年度" / "目标",
// "项目资金" / "(万元)"): a line of one word is joined with the first word of the next when
// together they are one of the template's labels.
std::vector<GridRow> join_broken_labels(const std::vector<GridRow>& rows, const LabelIndex& index);

}  // namespace formwork::io
