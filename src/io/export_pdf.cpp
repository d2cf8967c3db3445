// PDF export: each filing's layout (export_layout.h) drawn on A4 with cairo and pango, in
// Noto Sans CJK SC found through fontconfig. Text is real text (subset fonts embedded), so it
// can be selected and searched; long text wraps inside its cell; page breaks come from
// pdf_pages.h and never cut a row; every page carries 第 N 页 / 共 M 页 of its filing.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <map>
#include <memory>

#include "io/atomic_file.h"
#include "io/export.h"
#include "io/export_layout.h"
#include "io/pdf_pages.h"

namespace formwork::io {

namespace {

// A4 in points, and the page's furniture.
constexpr double kPageW = 595.28, kPageH = 841.89;
constexpr double kMarginX = 42, kTop = 40, kBottom = kPageH - 48, kFooterY = kPageH - 32;
constexpr double kPad = 3.2;       // cell padding, all sides
constexpr double kIndent = 10;     // per indent level of a fixed row's label
constexpr double kLine = 0.5;      // border width
constexpr const char* kFamily = "Noto Sans CJK SC";

struct LayoutDeleter {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

struct FontDeleter {
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};
using FontPtr = std::unique_ptr<PangoFontDescription, FontDeleter>;

FontPtr font(double size, bool bold) {
    FontPtr f(pango_font_description_new());
    pango_font_description_set_family(f.get(), kFamily);
    pango_font_description_set_absolute_size(f.get(), size * PANGO_SCALE);
    pango_font_description_set_weight(f.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    return f;
}

double to_pt(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

class PdfWriter {
public:
    explicit PdfWriter(cairo_t* cr)
        : cr_(cr),
          body_(font(8.5, false)),
          bold_(font(8.5, true)),
          heading_(font(9.5, true)),
          title_(font(15, true)),
          subtitle_(font(10, false)) {}

    void draw(const Layout& layout) {
        measure(layout);
        const Pagination pages = paginate(metrics_, kTop, kBottom, kPad);
        int page = 0;
        for (std::size_t i = 0; i <= pages.pieces.size(); ++i) {
            if (i == pages.pieces.size() || pages.pieces[i].page != page) {
                draw_spans(layout, pages, page);
                footer(page, pages.pages);
                cairo_show_page(cr_);
                if (i == pages.pieces.size()) break;
                page = pages.pieces[i].page;
            }
            draw_piece(layout, pages.pieces[i]);
        }
    }

private:
    const PangoFontDescription* font_of(CellRole role) const {
        switch (role) {
            case CellRole::Title: return title_.get();
            case CellRole::Subtitle: return subtitle_.get();
            case CellRole::Heading: return heading_.get();
            case CellRole::ColumnHead:
            case CellRole::Total: return bold_.get();
            default: return body_.get();
        }
    }

    static double unit() { return (kPageW - 2 * kMarginX) / kGridUnits; }
    static double cell_x(const LayoutCell& c) { return kMarginX + c.col * unit(); }
    static double cell_w(const LayoutCell& c) { return c.span * unit(); }
    static double text_w(const LayoutCell& c) { return cell_w(c) - 2 * kPad - c.indent * kIndent; }

    LayoutPtr make(const LayoutCell& c) const {
        LayoutPtr l(pango_cairo_create_layout(cr_));
        pango_layout_set_font_description(l.get(), font_of(c.role));
        pango_layout_set_width(l.get(), static_cast<int>(text_w(c) * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_alignment(l.get(), c.align == Align::Center  ? PANGO_ALIGN_CENTER
                                            : c.align == Align::Right ? PANGO_ALIGN_RIGHT
                                                                      : PANGO_ALIGN_LEFT);
        // No hyphens where a long Latin word breaks: the PDF's text must read back as filed.
        PangoAttrList* attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
        pango_layout_set_attributes(l.get(), attrs);
        pango_attr_list_unref(attrs);
        pango_layout_set_text(l.get(), c.text.data(), static_cast<int>(c.text.size()));
        return l;
    }

    static double text_height(PangoLayout* l) {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return to_pt(h);
    }

    // Heights of every row (merged labels included), and where an over-tall row may split.
    void measure(const Layout& layout) {
        const std::size_t n = layout.rows.size();
        layouts_.clear();
        layouts_.resize(n);
        metrics_.assign(n, {});
        covers_.assign(n, {});
        PangoLayout* probe = nullptr;
        LayoutCell one_line;
        one_line.text = "国";
        auto probe_layout = make(one_line);
        probe = probe_layout.get();
        const double min_content = text_height(probe);
        for (std::size_t r = 0; r < n; ++r) {
            const LayoutRow& row = layout.rows[r];
            double content = min_content;
            PangoLayout* tallest = nullptr;
            for (const auto& c : row.cells) {
                layouts_[r].push_back(make(c));
                const double h = text_height(layouts_[r].back().get());
                if (c.row_span == 1 && h >= content) {
                    content = h;
                    tallest = layouts_[r].back().get();
                }
            }
            metrics_[r].content = content;
            metrics_[r].height = content + 2 * kPad + (row.boxed ? 0 : 2);
            metrics_[r].keep_with_next = row.keep_with_next;
            metrics_[r].repeat_row = row.repeat_row;
            if (tallest && metrics_[r].height > (kBottom - kTop) * 0.5) {
                PangoLayoutIter* it = pango_layout_get_iter(tallest);
                do {
                    int y0 = 0, y1 = 0;
                    pango_layout_iter_get_line_yrange(it, &y0, &y1);
                    metrics_[r].cuts.push_back(to_pt(y1));
                } while (pango_layout_iter_next_line(it));
                pango_layout_iter_free(it);
            }
        }
        // A merged label needs its rows to be tall enough together, and to start on a page
        // with room for it.
        for (std::size_t r = 0; r < n; ++r) {
            for (std::size_t i = 0; i < layout.rows[r].cells.size(); ++i) {
                const LayoutCell& c = layout.rows[r].cells[i];
                if (c.row_span <= 1) continue;
                const std::size_t last = std::min(n, r + static_cast<std::size_t>(c.row_span)) - 1;
                const double need = text_height(layouts_[r][i].get()) + 2 * kPad;
                double have = 0;
                for (std::size_t k = r; k <= last; ++k) {
                    have += metrics_[k].height;
                    covers_[k].push_back({r, i});
                }
                if (have < need) {
                    metrics_[last].height += need - have;
                    metrics_[last].content += need - have;
                }
                metrics_[r].keep_block = std::max(metrics_[r].keep_block, need);
            }
        }
    }

    void fill_for(CellRole role) {
        if (role == CellRole::Heading) cairo_set_source_rgb(cr_, 0.90, 0.92, 0.95);
        else if (role == CellRole::ColumnHead || role == CellRole::Total) cairo_set_source_rgb(cr_, 0.96, 0.96, 0.96);
        else return;
        cairo_fill_preserve(cr_);
    }

    void box(double x, double y, double w, double h, CellRole role, bool boxed) {
        cairo_rectangle(cr_, x, y, w, h);
        if (boxed) fill_for(role);
        cairo_set_source_rgb(cr_, 0, 0, 0);
        cairo_set_line_width(cr_, kLine);
        if (boxed) cairo_stroke(cr_);
        else cairo_new_path(cr_);
    }

    // Text inside [y, y + h): centred vertically unless it is a paragraph, a slice of a
    // split row (shown from `from`), or too tall for the box (then clipped).
    void text(PangoLayout* l, const LayoutCell& c, double y, double h, double from, bool top_aligned) {
        const double th = text_height(l);
        const double x = cell_x(c) + kPad + c.indent * kIndent;
        double ty = y + kPad - from;
        if (!top_aligned && c.role != CellRole::LongValue && th < h - 2 * kPad) ty = y + (h - th) / 2;
        cairo_save(cr_);
        cairo_rectangle(cr_, cell_x(c), y + (from > 0 ? kPad : 0), cell_w(c), h - (from > 0 ? kPad : 0));
        cairo_clip(cr_);
        cairo_set_source_rgb(cr_, 0, 0, 0);
        cairo_move_to(cr_, x, ty);
        pango_cairo_show_layout(cr_, l);
        cairo_restore(cr_);
    }

    void draw_piece(const Layout& layout, const Piece& p) {
        const LayoutRow& row = layout.rows[static_cast<std::size_t>(p.row)];
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const LayoutCell& c = row.cells[i];
            if (c.row_span > 1) continue;  // drawn per page by draw_spans
            box(cell_x(c), p.y, cell_w(c), p.height, c.role, row.boxed);
            PangoLayout* l = layouts_[static_cast<std::size_t>(p.row)][i].get();
            if (p.sliced) {
                // The slice [from, to) of the paragraph; lines outside it are clipped away. A
                // label beside it is shown again at the top of each slice.
                const double from = c.role == CellRole::LongValue ? p.from : 0;
                cairo_save(cr_);
                cairo_rectangle(cr_, cell_x(c), p.y + kPad, cell_w(c), p.to - p.from);
                cairo_clip(cr_);
                text(l, c, p.y, p.height + from, from, true);
                cairo_restore(cr_);
            } else {
                text(l, c, p.y, p.height, 0, false);
            }
        }
    }

    // Merged labels: on each page, one box over the rows of the span placed there, with the
    // label repeated when the span continues from the page before.
    void draw_spans(const Layout& layout, const Pagination& pages, int page) {
        std::map<std::pair<std::size_t, std::size_t>, std::pair<double, double>> extent;
        for (const Piece& p : pages.pieces) {
            if (p.page != page || p.repeated) continue;
            for (const auto& key : covers_[static_cast<std::size_t>(p.row)]) {
                auto [it, fresh] = extent.try_emplace(key, p.y, p.y + p.height);
                if (!fresh) {
                    it->second.first = std::min(it->second.first, p.y);
                    it->second.second = std::max(it->second.second, p.y + p.height);
                }
            }
        }
        for (const auto& [key, span] : extent) {
            const LayoutCell& c = layout.rows[key.first].cells[key.second];
            PangoLayout* l = layouts_[key.first][key.second].get();
            const double h = span.second - span.first;
            box(cell_x(c), span.first, cell_w(c), h, c.role, true);
            // A short continuation shows what fits and ends with an ellipsis.
            if (text_height(l) > h - 2 * kPad) {
                pango_layout_set_height(l, static_cast<int>((h - 2 * kPad) * PANGO_SCALE));
                pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
            }
            text(l, c, span.first, h, 0, false);
            pango_layout_set_height(l, -1);
            pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
        }
    }

    void footer(int page, int pages) {
        LayoutCell c;
        c.text = "第 " + std::to_string(page + 1) + " 页 / 共 " + std::to_string(pages) + " 页";
        c.span = kGridUnits;
        c.align = Align::Center;
        auto l = make(c);
        cairo_set_source_rgb(cr_, 0.25, 0.25, 0.25);
        cairo_move_to(cr_, kMarginX + kPad, kFooterY);
        pango_cairo_show_layout(cr_, l.get());
    }

    cairo_t* cr_;
    FontPtr body_, bold_, heading_, title_, subtitle_;
    std::vector<std::vector<LayoutPtr>> layouts_;  // per row, per cell
    std::vector<RowMetrics> metrics_;
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> covers_;  // per row: merged cells over it
};

}  // namespace

void write_pdf(const std::vector<ExportItem>& items, const std::filesystem::path& out) {
    AtomicFile file(out);
    cairo_surface_t* surface = cairo_pdf_surface_create(file.temp_path().c_str(), kPageW, kPageH);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const std::string why = cairo_status_to_string(cairo_surface_status(surface));
        cairo_surface_destroy(surface);
        throw ExportError(ExportError::Code::Write, out.string(), why);
    }
    cairo_t* cr = cairo_create(surface);
    std::string why;
    {
        PdfWriter writer(cr);
        std::string title;
        for (const auto& item : items) {
            const Layout layout = build_layout(*item.filing, *item.spec);
            if (title.empty()) title = layout.title;
            writer.draw(layout);
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Formwork");
    }
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) why = cairo_status_to_string(cairo_status(cr));
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (why.empty() && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
        why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    if (!why.empty()) throw ExportError(ExportError::Code::Render, out.string(), why);
    file.commit();
}

}  // namespace formwork::io
