// Page breaking of the PDF export (src/io/pdf_pages.h), on made-up row heights.
#include <catch2/catch.hpp>

#include <algorithm>

#include "io/pdf_pages.h"

using namespace formwork::io;

namespace {

constexpr double kTop = 10, kBottom = 110, kPad = 2;  // a 100-point page band

RowMetrics row(double height) {
    RowMetrics m;
    m.height = height;
    m.content = height - 2 * kPad;
    return m;
}

// Every piece lies inside the band, and (but for split rows) each row is placed once, whole.
void check_pieces(const std::vector<RowMetrics>& rows, const Pagination& p) {
    std::vector<int> placed(rows.size(), 0);
    for (const auto& piece : p.pieces) {
        CHECK(piece.y >= kTop - 1e-9);
        CHECK(piece.y + piece.height <= kBottom + 1e-9);
        if (!piece.repeated) ++placed[static_cast<std::size_t>(piece.row)];
        if (!piece.sliced && !piece.repeated) CHECK(piece.height == rows[static_cast<std::size_t>(piece.row)].height);
    }
    for (std::size_t r = 0; r < rows.size(); ++r)
        if (rows[r].cuts.empty()) CHECK(placed[r] == 1);
}

}  // namespace

TEST_CASE("export-2.1 a row that does not fit goes whole to the next page") {
    const std::vector<RowMetrics> rows = {row(40), row(40), row(40), row(40)};
    const Pagination p = paginate(rows, kTop, kBottom, kPad);
    check_pieces(rows, p);
    REQUIRE(p.pieces.size() == 4);
    CHECK(p.pages == 2);
    CHECK(p.pieces[1].page == 0);
    CHECK(p.pieces[2].page == 1);
    CHECK(p.pieces[2].y == kTop);
}

TEST_CASE("export-2.2 a table's column head is repeated on the page that continues it") {
    std::vector<RowMetrics> rows = {row(20), row(30), row(30), row(30), row(30)};
    rows[0].keep_with_next = true;
    for (int r = 1; r < 5; ++r) rows[static_cast<std::size_t>(r)].repeat_row = 0;
    const Pagination p = paginate(rows, kTop, kBottom, kPad);
    check_pieces(rows, p);
    CHECK(p.pages == 2);
    // page 2 starts with the repeated head, then row 3
    const auto second = std::find_if(p.pieces.begin(), p.pieces.end(), [](auto& x) { return x.page == 1; });
    REQUIRE(second != p.pieces.end());
    CHECK(second->repeated);
    CHECK(second->row == 0);
    CHECK((second + 1)->row == 3);
    CHECK((second + 1)->y == kTop + 20);
}

TEST_CASE("export-2.3 a heading never ends a page: it moves with the row after it") {
    std::vector<RowMetrics> rows = {row(70), row(15), row(30)};
    rows[1].keep_with_next = true;
    const Pagination p = paginate(rows, kTop, kBottom, kPad);
    check_pieces(rows, p);
    CHECK(p.pieces[1].page == 1);  // 70 + 15 fits, but 70 + 15 + 30 does not
    CHECK(p.pieces[2].page == 1);
}

TEST_CASE("export-2.4 a row taller than a page is split only between lines of its text") {
    RowMetrics tall = row(250);
    for (double y = 12; y <= tall.content; y += 12) tall.cuts.push_back(y);
    tall.content = tall.cuts.back();
    tall.height = tall.content + 2 * kPad;
    const std::vector<RowMetrics> rows = {row(20), tall, row(20)};
    const Pagination p = paginate(rows, kTop, kBottom, kPad);
    check_pieces(rows, p);
    double shown = 0;
    for (const auto& piece : p.pieces) {
        if (piece.row != 1) continue;
        CHECK(piece.sliced);
        CHECK(std::find(tall.cuts.begin(), tall.cuts.end(), piece.to) != tall.cuts.end());
        CHECK(piece.from == Approx(shown));
        shown = piece.to;
    }
    CHECK(shown == Approx(tall.content));  // every line shown once
    CHECK(p.pages >= 3);
}

TEST_CASE("export-2.5 rows under a merged label start on a new page when the label would not fit") {
    std::vector<RowMetrics> rows = {row(80), row(12), row(12)};
    rows[1].keep_block = 24;  // the label needs both rows
    const Pagination p = paginate(rows, kTop, kBottom, kPad);
    check_pieces(rows, p);
    CHECK(p.pieces[1].page == 1);
}
