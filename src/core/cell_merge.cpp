// Three-way merge of cells (see cell_merge.h).
#include "core/cell_merge.h"

namespace formwork {

FilingCells merge_cells(const FilingCells& base, const FilingCells& mine, const FilingCells& theirs,
                        const std::set<std::string>& take_theirs) {
    FilingCells out = theirs;
    for (const CellChange& c : diff_cells(base, mine)) {
        if (take_theirs.count(c.path)) continue;
        if (c.has_new) out[c.path] = c.new_text;
        else out.erase(c.path);
    }
    return out;
}

}  // namespace formwork
