// Value rows of a free-rows table (expense lines): each cell goes to the column its content
// and position fit, so a line printed a column to the left or right still lands right
// (see placer.h and row_align.h).
#include "core/sums.h"
#include "io/placer.h"
#include "io/row_align.h"

namespace formwork::io {

namespace {

bool is_number(const std::string& text) {
    if (parse_amount(text)) return true;
    // A share such as "25%" in a percent column.
    return text.size() > 1 && text.back() == '%' && parse_amount(std::string_view(text).substr(0, text.size() - 1));
}

// The cost of a cell's content in a column of this kind: figures belong in number columns,
// words in text columns.
int column_fit(ValueKind kind, const std::string& text) {
    const bool number = is_number(text);
    switch (kind) {
        case ValueKind::Money:
        case ValueKind::Integer:
        case ValueKind::Percent: return number ? 0 : 10;
        case ValueKind::Text:
        case ValueKind::LongText:
        case ValueKind::Enum: return number ? 6 : 0;
        default: return 0;
    }
}

}  // namespace

void Placer::free_row(const GridRow& row, const std::vector<Item>& values) {
    const BlockSpec& b = spec_.blocks[block_];
    std::vector<int> pos;
    for (const auto& v : values) pos.push_back(v.pos);
    std::vector<AlignRole> roles;
    for (size_t c = 0; c < b.columns.size(); ++c) roles.push_back({column_pos_[c]});
    const std::vector<int> to =
        align_row(pos, roles, [&](int cell, int role) { return column_fit(b.columns[role].kind, values[cell].text); });
    TableRow line;
    for (const auto& c : b.columns) line.cells[c.id] = "";
    for (size_t i = 0; i < values.size(); ++i) {
        if (to[i] < 0) unplaced(values[i].line, values[i].text);
        else line.cells[b.columns[to[i]].id] = values[i].text;
    }
    table_of(block_).rows.push_back(std::move(line));
    reached_[block_] = true;
    free_row_ = -1;
    last_short_ = header_cells_ > 0 && static_cast<int>(row.cells.size()) < header_cells_;
}

}  // namespace formwork::io
