// Readers of the formats filings arrive in, each into the same TextGrid (text_grid.h) that the
// template-driven importer places: rows of cells, merged areas known (the top-left cell holds
// the text and its colspan/rowspan, covered cells are empty), text outside tables as rows of
// one cell marked is_text. A template never needs to know which format a filing came in.
//
//   xlsx   every worksheet (or the one `sheet` names: a name, or a 1-based number), shared and
//          inline strings, numbers as their number format displays them (0.45 under "0%" is
//          "45%", 557.5599999999999 under "0.00" is "557.56": binary floating point never
//          reaches the exact core), dates, booleans, formulas' cached values, merged cells.
//   docx   the body's paragraphs (text rows) and tables (gridSpan, vMerge), in order.
//   html   <table>s with rowspan/colspan and the block text around them, decoded as the page
//          declares (UTF-8, GBK/GB2312/GB18030 …), as a browser saves it.
//
// Libraries: libzip (the packages), pugixml (their XML), gumbo (HTML), iconv (encodings). Each
// reader throws GridError with a message for people when the file cannot be read (not a zip,
// a damaged package, a missing part, a file too large to unpack).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "io/text_grid.h"

namespace formwork::io {

enum class FileFormat { Text, Xlsx, Docx, Html, Json, Unknown };

const char* to_string(FileFormat format);  // "text" "xlsx" "docx" "html" "json" "unknown"

// The format by content, not by name: a zip package with xl/workbook.xml or word/document.xml,
// HTML markup near the start, a JSON object, else text. Unknown: a zip or binary file that is
// none of these (a .doc, .xls, a PDF, an image).
FileFormat sniff_format(std::string_view bytes);

TextGrid read_xlsx_grid(std::string_view bytes, const std::optional<std::string>& sheet = std::nullopt);
TextGrid read_docx_grid(std::string_view bytes);
TextGrid read_html_grid(std::string_view bytes);

}  // namespace formwork::io
