// Spreadsheet export with libxlsxwriter: one sheet per filing, drawn from its layout
// (export_layout.h) with merged cells for labels and headings, numbers stored as numbers in
// the decimals they were filed with, everything else as the text filed. Printing is set up
// for A4 portrait, one page wide, with 第 N 页 / 共 M 页 in the footer.
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/text.h"
#include "io/atomic_file.h"
#include "io/export.h"
#include "io/export_layout.h"

namespace formwork::io {

namespace {

constexpr double kSheetChars = 100;  // the whole grid's width, in Excel character units
constexpr const char* kFont = "宋体";  // SimSun: on every Chinese Windows, the usual face of these forms
constexpr double kFontSize = 10;
constexpr double kLinePt = 14;       // one line of kFontSize text, with leading

double title_size(CellRole role) {
    switch (role) {
        case CellRole::Title: return 16;
        case CellRole::Subtitle: return 11;
        case CellRole::Heading: return 10.5;
        default: return kFontSize;
    }
}

// Number formats show the decimals as filed: "6.80" → 0.00, "1,239.92" → #,##0.00, "25%" → 0%.
std::string number_format(const NumberValue& n) {
    std::string f = n.grouped ? "#,##0" : "0";
    if (n.places > 0) f += "." + std::string(static_cast<std::size_t>(n.places), '0');
    if (n.percent) f += "%";
    return f;
}

class SheetWriter {
public:
    SheetWriter(lxw_workbook* book, std::map<std::string, lxw_format*>& formats, std::string path)
        : book_(book), formats_(formats), path_(std::move(path)) {}

    void write(lxw_worksheet* ws, const Layout& layout) {
        ws_ = ws;
        columns(layout);
        std::vector<double> heights(layout.rows.size(), 0);
        for (std::size_t r = 0; r < layout.rows.size(); ++r) {
            const LayoutRow& row = layout.rows[r];
            for (const auto& c : row.cells) {
                put(static_cast<lxw_row_t>(r), c, row.boxed);
                const double h = cell_height(c);
                if (c.row_span == 1) heights[r] = std::max(heights[r], h);
            }
        }
        // A merged label taller than its rows together makes its last row taller.
        for (std::size_t r = 0; r < layout.rows.size(); ++r)
            for (const auto& c : layout.rows[r].cells) {
                if (c.row_span <= 1) continue;
                const std::size_t last = std::min(layout.rows.size(), r + static_cast<std::size_t>(c.row_span)) - 1;
                double have = 0;
                for (std::size_t k = r; k <= last; ++k) have += heights[k];
                if (have < cell_height(c)) heights[last] += cell_height(c) - have;
            }
        // Rows get explicit heights: spreadsheet programs do not grow a row for wrapped text
        // in merged cells, and most of these cells are merged.
        for (std::size_t r = 0; r < heights.size(); ++r) check(worksheet_set_row(ws_, static_cast<lxw_row_t>(r), heights[r], nullptr));
        setup_page(layout);
    }

private:
    // The sheet's columns are the distinct cell edges of all rows, so each table keeps its own
    // proportions and no cell is split by a column it does not need.
    void columns(const Layout& layout) {
        std::set<int> edges = {0, kGridUnits};
        for (const auto& row : layout.rows)
            for (const auto& c : row.cells) {
                edges.insert(c.col);
                edges.insert(c.col + c.span);
            }
        edges_.assign(edges.begin(), edges.end());
        for (std::size_t i = 0; i + 1 < edges_.size(); ++i) {
            const double width = (edges_[i + 1] - edges_[i]) * kSheetChars / kGridUnits;
            check(worksheet_set_column(ws_, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), width, nullptr));
        }
    }

    lxw_col_t column_at(int unit) const {
        return static_cast<lxw_col_t>(std::lower_bound(edges_.begin(), edges_.end(), unit) - edges_.begin());
    }

    double width_chars(const LayoutCell& c) const { return c.span * kSheetChars / kGridUnits; }

    // Lines the text takes in its cell (CJK characters are two columns wide) times the line
    // height. An estimate: the spreadsheet program measures with its own fonts.
    double cell_height(const LayoutCell& c) const {
        const double size = title_size(c.role);
        const double per_line = std::max(1.0, (width_chars(c) - 1.5 - c.indent * 2) * kFontSize / size);
        int lines = 0;
        std::size_t start = 0;
        while (true) {
            const auto end = c.text.find('\n', start);
            const std::string_view part(c.text.data() + start, (end == std::string::npos ? c.text.size() : end) - start);
            lines += std::max(1, static_cast<int>(std::ceil(display_width(part) / per_line)));
            if (end == std::string::npos) break;
            start = end + 1;
        }
        return lines * kLinePt * size / kFontSize + 4;
    }

    lxw_format* format(const LayoutCell& c, bool boxed) {
        const std::string numfmt = c.number ? number_format(*c.number) : std::string();
        const std::string key = std::to_string(static_cast<int>(c.role)) + "|" + std::to_string(static_cast<int>(c.align)) + "|" +
                                std::to_string(c.indent) + "|" + numfmt + "|" + (boxed ? "b" : "");
        auto it = formats_.find(key);
        if (it != formats_.end()) return it->second;
        lxw_format* f = workbook_add_format(book_);
        format_set_font_name(f, kFont);
        format_set_font_size(f, title_size(c.role));
        format_set_text_wrap(f);
        format_set_align(f, c.align == Align::Center ? LXW_ALIGN_CENTER : c.align == Align::Right ? LXW_ALIGN_RIGHT : LXW_ALIGN_LEFT);
        format_set_align(f, c.role == CellRole::LongValue ? LXW_ALIGN_VERTICAL_TOP : LXW_ALIGN_VERTICAL_CENTER);
        if (c.indent > 0) format_set_indent(f, static_cast<uint8_t>(c.indent));
        if (c.role == CellRole::Title || c.role == CellRole::Heading || c.role == CellRole::ColumnHead || c.role == CellRole::Total)
            format_set_bold(f);
        if (c.role == CellRole::Heading) format_set_bg_color(f, 0xE6EBF2);
        if (c.role == CellRole::ColumnHead || c.role == CellRole::Total) format_set_bg_color(f, 0xF4F4F4);
        if (boxed) format_set_border(f, LXW_BORDER_THIN);
        if (!numfmt.empty()) format_set_num_format(f, numfmt.c_str());
        formats_.emplace(key, f);
        return f;
    }

    void put(lxw_row_t row, const LayoutCell& c, bool boxed) {
        lxw_format* f = format(c, boxed);
        const lxw_col_t first = column_at(c.col), last = column_at(c.col + c.span) - 1;
        const lxw_row_t last_row = row + static_cast<lxw_row_t>(c.row_span) - 1;
        // merge_range writes a string; a number then overwrites its first cell.
        if (first != last || last_row != row)
            check(worksheet_merge_range(ws_, row, first, last_row, last, c.number ? "" : c.text.c_str(), f));
        if (c.number)
            check(worksheet_write_number(ws_, row, first, static_cast<double>(c.number->value.units()) / Decimal::kUnitsPerOne, f));
        else if (first == last && last_row == row)
            check(c.text.empty() ? worksheet_write_blank(ws_, row, first, f) : worksheet_write_string(ws_, row, first, c.text.c_str(), f));
    }

    void setup_page(const Layout& layout) {
        worksheet_set_paper(ws_, 9);  // A4
        worksheet_set_portrait(ws_);
        worksheet_set_margins(ws_, 0.5, 0.5, 0.6, 0.7);
        worksheet_center_horizontally(ws_);
        worksheet_fit_to_pages(ws_, 1, 0);  // one page wide, as many tall as needed
        worksheet_gridlines(ws_, LXW_HIDE_ALL_GRIDLINES);
        check(worksheet_set_footer(ws_, "&C第 &P 页 / 共 &N 页"));
        if (!layout.rows.empty())
            check(worksheet_print_area(ws_, 0, 0, static_cast<lxw_row_t>(layout.rows.size() - 1), static_cast<lxw_col_t>(edges_.size() - 2)));
    }

    void check(lxw_error e) const {
        if (e != LXW_NO_ERROR) throw ExportError(ExportError::Code::Render, path_, lxw_strerror(e));
    }

    lxw_workbook* book_;
    std::map<std::string, lxw_format*>& formats_;
    std::string path_;
    lxw_worksheet* ws_ = nullptr;
    std::vector<int> edges_;
};

}  // namespace

void write_xlsx(const std::vector<ExportItem>& items, const std::filesystem::path& out) {
    AtomicFile file(out);
    std::vector<Layout> layouts;
    std::vector<std::string> titles;
    for (const auto& item : items) {
        layouts.push_back(build_layout(*item.filing, *item.spec));
        titles.push_back(layouts.back().title);
    }
    const std::vector<std::string> names = sheet_names(titles);

    lxw_workbook* book = workbook_new(file.temp_path().c_str());
    if (!book) throw ExportError(ExportError::Code::Write, out.string(), "cannot create the workbook");
    try {
        std::map<std::string, lxw_format*> formats;
        for (std::size_t i = 0; i < layouts.size(); ++i) {
            lxw_worksheet* ws = workbook_add_worksheet(book, names[i].c_str());
            if (!ws) throw ExportError(ExportError::Code::Render, out.string(), "bad sheet name " + names[i]);
            SheetWriter(book, formats, out.string()).write(ws, layouts[i]);
        }
        lxw_doc_properties props{};
        std::string title = layouts.front().title, creator = "Formwork";
        props.title = title.data();
        props.author = creator.data();
        workbook_set_properties(book, &props);
    } catch (...) {
        workbook_close(book);  // frees it; the temporary file is then removed by AtomicFile
        throw;
    }
    const lxw_error e = workbook_close(book);
    if (e != LXW_NO_ERROR) throw ExportError(ExportError::Code::Write, out.string(), lxw_strerror(e));
    file.commit();
}

}  // namespace formwork::io
