// Page breaking for the PDF export, apart from any drawing so that it can be tested alone.
// Rows are never cut: a row that does not fit goes to the next page, headings and column
// heads stay with the row after them, a table's column head is repeated at the top of a page
// that continues the table, and the rows under a merged label (an indicator category) stay
// together until the label fits. Only a row taller than a whole page is split, and then only
// between two lines of its text.
#pragma once

#include <vector>

namespace formwork::io {

struct RowMetrics {
    double height = 0;            // the whole row, padding included
    double content = 0;           // its text (height minus top and bottom padding)
    bool keep_with_next = false;
    int repeat_row = -1;          // the column head to repeat when this row starts a page
    double keep_block = 0;        // the rows from this one on must have this much together on
                                  // one page (a merged label's text), 0 when none
    std::vector<double> cuts;     // where the text may be split (line bottoms, from the text's
                                  // top), ascending; only needed for rows taller than a page
};

struct Piece {
    int page = 0;       // from 0
    int row = 0;        // index into the rows
    double y = 0;       // top on the page
    double height = 0;
    double from = 0;    // the slice of the row's text shown: [from, to) in text coordinates
    double to = 0;
    bool repeated = false;  // a column head repeated on a continuation page
    bool sliced = false;    // one slice of a row taller than a page (drawn top-aligned)
};

struct Pagination {
    std::vector<Piece> pieces;  // in page order, top to bottom
    int pages = 0;
};

// Lays rows out on pages whose usable band is [top, bottom); `pad` is the cell padding above
// and below the text.
Pagination paginate(const std::vector<RowMetrics>& rows, double top, double bottom, double pad);

}  // namespace formwork::io
