// A grid row as the importer sees it: a list of items, each a label (what the template's
// label index says it names) or a value, with the cell position it came from. A cell holding
// label and value together ("资金总额：109.04", or a whole signature line "填表人：严飞  联系电话：…")
// gives several items at the same position.
#pragma once

#include <string>
#include <vector>

#include "io/label_index.h"
#include "io/text_grid.h"

namespace formwork::io {

struct Item {
    int pos = 0;   // cell index in the row (Split::Words: token index in the line)
    int line = 0;  // source line
    std::size_t begin = 0, end = 0;  // Split::Words: the item's bytes in its cell's text
    const std::vector<LabelTarget>* targets = nullptr;  // set: a label (of any kind)
    std::string text;                                   // the value, or the label as printed
    std::string key;                                    // normalize_label(text)

    bool is_label() const { return targets != nullptr; }
    bool has(LabelKind kind) const;
};

enum class Split {
    Cells,  // one item per cell
    Pairs,  // a cell that is not a label as a whole is split at a colon whose left side is a
            // label of a block, field, row or column ("label：value"), or after a leading label
    Words,  // a cell that is a whole line of a space-separated layout: split wherever a label
            // (one to four space-separated words) begins; the words between two labels are one
            // value, spaces and all
    Tokens, // as Words, but every word between labels is a value of its own (indicator rows)
};

// Every non-blank cell as items.
std::vector<Item> cell_items(const GridRow& row, const LabelIndex& index, Split split);
inline std::vector<Item> cell_items(const GridRow& row, const LabelIndex& index, bool pairs) {
    return cell_items(row, index, pairs ? Split::Pairs : Split::Cells);
}

}  // namespace formwork::io
