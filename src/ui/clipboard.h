// The system clipboard for blocks of cells: a copied block goes out as TSV text and as an HTML
// table (what spreadsheets paste); a paste takes the HTML table when the clipboard has one and
// the text otherwise, so cells never join into one.
#pragma once

#include "io/table_clipboard.h"

namespace formwork::ui {

void put_block_on_clipboard(const io::CellBlock& block);
io::CellBlock block_from_clipboard();

}  // namespace formwork::ui
