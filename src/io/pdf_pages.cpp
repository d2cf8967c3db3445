// Page breaking for the PDF export (see pdf_pages.h).
#include "io/pdf_pages.h"

#include <algorithm>

namespace formwork::io {

namespace {

class Paginator {
public:
    Paginator(const std::vector<RowMetrics>& rows, double top, double bottom, double pad)
        : rows_(rows), top_(top), bottom_(bottom), pad_(pad), y_(top) {}

    Pagination run() {
        for (int r = 0; r < static_cast<int>(rows_.size()); ++r) place(r);
        out_.pages = rows_.empty() ? 0 : page_ + 1;
        return std::move(out_);
    }

private:
    double body() const { return bottom_ - top_; }

    // What must fit below the current position for row r to start here: the row, the rows
    // it is kept with (a heading with its column head and first line), and the rows under
    // its merged labels. Capped at a page, so that an impossible wish cannot loop.
    double need(int r) const {
        const int n = static_cast<int>(rows_.size());
        double total = rows_[r].height;
        for (int k = r; rows_[k].keep_with_next && k + 1 < n; ++k) total += std::min(rows_[k + 1].height, 4 * pad_ + 40);
        double block = 0;
        for (int k = r; k < n && block < rows_[r].keep_block; ++k) block += rows_[k].height;
        total = std::max(total, block);
        return std::min(total, body() * 0.9);
    }

    void new_page(int r) {
        ++page_;
        y_ = top_;
        placed_on_page_ = false;
        const int head = rows_[r].repeat_row;
        if (head >= 0 && head != r) {
            out_.pieces.push_back({page_, head, y_, rows_[head].height, 0, rows_[head].content, true, false});
            y_ += rows_[head].height;
        }
    }

    void place(int r) {
        const RowMetrics& row = rows_[r];
        const double head = row.repeat_row >= 0 ? rows_[row.repeat_row].height : 0;
        const bool too_tall = row.height > body() - head && !row.cuts.empty();
        if (!too_tall) {
            if (placed_on_page_ && y_ + need(r) > bottom_) new_page(r);
            out_.pieces.push_back({page_, r, y_, row.height, 0, row.content, false, false});
            y_ += row.height;
            placed_on_page_ = true;
            return;
        }
        // Taller than a page: start here if a few lines fit, then go on slice by slice, each
        // ending at a line bottom.
        if (placed_on_page_ && bottom_ - y_ < 2 * pad_ + 3 * (row.cuts.front())) new_page(r);
        double from = 0;
        while (true) {
            const double room = bottom_ - y_ - 2 * pad_;
            if (row.content - from <= room) {
                out_.pieces.push_back({page_, r, y_, row.content - from + 2 * pad_, from, row.content, false, true});
                y_ += row.content - from + 2 * pad_;
                placed_on_page_ = true;
                return;
            }
            double to = from;
            for (double c : row.cuts)
                if (c > from && c - from <= room) to = c;
            if (to <= from)  // not even one line fits a whole page: take one line anyway
                for (double c : row.cuts)
                    if (c > from) {
                        to = c;
                        break;
                    }
            if (to <= from) to = row.content;
            out_.pieces.push_back({page_, r, y_, to - from + 2 * pad_, from, to, false, true});
            from = to;
            if (from >= row.content) {
                y_ += out_.pieces.back().height;
                placed_on_page_ = true;
                return;
            }
            new_page(r);
        }
    }

    const std::vector<RowMetrics>& rows_;
    double top_, bottom_, pad_;
    double y_;
    int page_ = 0;
    bool placed_on_page_ = false;
    Pagination out_;
};

}  // namespace

Pagination paginate(const std::vector<RowMetrics>& rows, double top, double bottom, double pad) {
    return Paginator(rows, top, bottom, pad).run();
}

}  // namespace formwork::io
