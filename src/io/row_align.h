// Realigns a table row whose cells are shifted against its header: the cells are matched to
// the header's columns (roles) in order, each cell to at most one role, minimising the cost of
// content that does not fit a role (a level-2 word in the level-1 column, text in a money
// column …) plus a small cost per column of shift. A row printed in place costs nothing and
// stays as it is; a row shifted by a column, or with a cell moved over an empty neighbour,
// lands where its content belongs. A non-blank cell that fits nowhere is left unplaced.
#pragma once

#include <functional>
#include <vector>

namespace formwork::io {

struct AlignRole {
    int pos = -1;  // the header column, or -1 when the header does not print it (no shift cost)
};

// The cost of putting cell `cell` (an index into the caller's cells) into role `role`.
using FitCost = std::function<int(int cell, int role)>;

inline constexpr int kShiftCost = 3;      // per column a cell moves
inline constexpr int kUnplacedCost = 100;  // a non-blank cell left out

// `cell_pos` are the positions of the row's non-blank cells, in order. Returns, for each cell,
// the role it goes to, or -1 when it is left unplaced.
std::vector<int> align_row(const std::vector<int>& cell_pos, const std::vector<AlignRole>& roles, const FitCost& fit);

}  // namespace formwork::io
