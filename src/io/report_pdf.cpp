// The reviewer's report as PDF: text flowing down A4 pages with cairo and pango (the same
// stack and font as export_pdf.cpp), tables as rows of columns, and the overview's bar charts
// drawn as rectangles. The metadata's dates are the data's date, so the same database gives
// the same file.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

#include "io/atomic_file.h"
#include "io/export.h"
#include "io/report.h"

namespace formwork::io {

namespace {

constexpr double kPageW = 595.28, kPageH = 841.89;
constexpr double kLeft = 50, kRight = kPageW - 50, kTop = 48, kBottom = kPageH - 56;
constexpr const char* kFamily = "Noto Sans CJK SC";

struct Cell {
    std::string text;
    double width;  // points
    bool right = false;
};

class Flow {
public:
    explicit Flow(cairo_t* cr) : cr_(cr) {}

    void text(const std::string& s, double size, bool bold, double indent = 0, double gap = 3) {
        auto l = layout(s, size, bold, kRight - kLeft - indent);
        const double h = height(l.get());
        room(h);
        show(l.get(), kLeft + indent, y_);
        y_ += h + gap;
    }

    void row(const std::vector<Cell>& cells, double size, bool bold, bool shaded) {
        std::vector<std::unique_ptr<PangoLayout, void (*)(void*)>> ls;
        double h = 0;
        for (const Cell& c : cells) {
            ls.emplace_back(layout(c.text, size, bold, c.width - 6));
            if (c.right) pango_layout_set_alignment(ls.back().get(), PANGO_ALIGN_RIGHT);
            h = std::max(h, height(ls.back().get()));
        }
        h += 4;
        room(h);
        double x = kLeft;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            cairo_rectangle(cr_, x, y_, cells[i].width, h);
            if (shaded) {
                cairo_set_source_rgb(cr_, 0.93, 0.94, 0.96);
                cairo_fill_preserve(cr_);
            }
            cairo_set_source_rgb(cr_, 0.6, 0.6, 0.6);
            cairo_set_line_width(cr_, 0.4);
            cairo_stroke(cr_);
            show(ls[i].get(), x + 3, y_ + 2);
            x += cells[i].width;
        }
        y_ += h;
    }

    // Horizontal bars, one per row: label on the left, errors red and warnings amber stacked.
    void bars(const std::string& title, const std::vector<CountRow>& rows) {
        if (rows.empty()) return;
        text(title, 11, true, 0, 4);
        std::size_t most = 1;
        for (const auto& r : rows) most = std::max(most, r.errors + r.warnings + r.infos);
        const double label_w = 170, bar_x = kLeft + label_w + 6, bar_w = kRight - bar_x - 40, bar_h = 10;
        for (const auto& r : rows) {
            auto l = layout(r.label, 7.5, false, label_w);
            pango_layout_set_ellipsize(l.get(), PANGO_ELLIPSIZE_END);
            pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
            room(bar_h + 3);
            show(l.get(), kLeft, y_);
            double x = bar_x;
            const double parts[3] = {static_cast<double>(r.errors), static_cast<double>(r.warnings), static_cast<double>(r.infos)};
            const double colours[3][3] = {{0.80, 0.22, 0.20}, {0.93, 0.65, 0.15}, {0.45, 0.60, 0.80}};
            for (int i = 0; i < 3; ++i) {
                const double w = bar_w * parts[i] / static_cast<double>(most);
                if (w <= 0) continue;
                cairo_rectangle(cr_, x, y_ + 1, w, bar_h - 2);
                cairo_set_source_rgb(cr_, colours[i][0], colours[i][1], colours[i][2]);
                cairo_fill(cr_);
                x += w;
            }
            auto n = layout(std::to_string(r.errors + r.warnings + r.infos), 7.5, false, 40);
            show(n.get(), x + 3, y_);
            y_ += bar_h + 3;
        }
        text("红：错误　橙：警告　蓝：提示", 7.5, false, label_w + 6, 8);
    }

    void space(double h) { y_ += h; }
    void new_page() {
        if (y_ > kTop) finish_page();
    }
    void finish() { finish_page(); }

private:
    std::unique_ptr<PangoLayout, void (*)(void*)> layout(const std::string& s, double size, bool bold, double width) {
        std::unique_ptr<PangoLayout, void (*)(void*)> l(pango_cairo_create_layout(cr_), g_object_unref);
        PangoFontDescription* f = pango_font_description_new();
        pango_font_description_set_family(f, kFamily);
        pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
        pango_font_description_set_weight(f, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(l.get(), f);
        pango_font_description_free(f);
        pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text(l.get(), s.data(), static_cast<int>(s.size()));
        return l;
    }
    static double height(PangoLayout* l) {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return static_cast<double>(h) / PANGO_SCALE;
    }
    void show(PangoLayout* l, double x, double y) {
        cairo_set_source_rgb(cr_, 0, 0, 0);
        cairo_move_to(cr_, x, y);
        pango_cairo_show_layout(cr_, l);
    }
    void room(double h) {
        if (y_ + h > kBottom && y_ > kTop) finish_page();
    }
    void finish_page() {
        ++page_;
        auto l = layout("第 " + std::to_string(page_) + " 页", 7.5, false, kRight - kLeft);
        pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
        cairo_set_source_rgb(cr_, 0.3, 0.3, 0.3);
        cairo_move_to(cr_, kLeft, kPageH - 40);
        pango_cairo_show_layout(cr_, l.get());
        cairo_show_page(cr_);
        y_ = kTop;
    }

    cairo_t* cr_;
    double y_ = kTop;
    int page_ = 0;
};

std::string n(std::size_t v) { return std::to_string(v); }

void count_table(Flow& flow, const std::string& head, const std::vector<CountRow>& rows, bool with_filings) {
    const double w = kRight - kLeft;
    std::vector<Cell> h = {{head, w * (with_filings ? 0.52 : 0.64)}, {"错误", w * 0.12, true}, {"警告", w * 0.12, true}, {"提示", w * 0.12, true}};
    if (with_filings) h.push_back({"填报数", w * 0.12, true});
    flow.row(h, 8, true, true);
    for (const auto& r : rows) {
        std::vector<Cell> c = {{r.label, h[0].width}, {n(r.errors), h[1].width, true}, {n(r.warnings), h[2].width, true}, {n(r.infos), h[3].width, true}};
        if (with_filings) c.push_back({n(r.filings), h[4].width, true});
        flow.row(c, 8, false, false);
    }
    flow.space(12);
}

void overview(Flow& flow, const Report& report) {
    const Overview o = build_overview(report);
    flow.text("预算绩效目标审核情况汇总", 17, true, 0, 4);
    flow.text("数据截至 " + report.date, 9, false, 0, 12);
    const double w = (kRight - kLeft) / 4;
    flow.text("一、总体情况", 12, true, 0, 5);
    flow.row({{"填报", w}, {"错误", w, true}, {"警告", w, true}, {"提示", w, true}}, 8.5, true, true);
    flow.row({{n(o.filings) + " 份", w}, {n(o.errors), w, true}, {n(o.warnings), w, true}, {n(o.infos), w, true}}, 8.5, false, false);
    flow.space(4);
    flow.text("建议意见：通过 " + n(o.passed) + " 份，修改后通过 " + n(o.amend) + " 份，退回 " + n(o.returned) + " 份" +
                  (o.accepted ? "；已认可的警告 " + n(o.accepted) + " 条不计入" : ""),
              9, false, 0, 12);
    flow.bars("二、按检查项的问题数", o.by_check);
    flow.bars("三、按部门的问题数", o.by_department);
    flow.text("四、按检查项统计", 12, true, 0, 5);
    count_table(flow, "检查项", o.by_check, false);
    flow.text("五、按部门统计", 12, true, 0, 5);
    count_table(flow, "部门", o.by_department, true);
    flow.text("六、错误最多的填报", 12, true, 0, 5);
    if (o.most_errors.empty()) flow.text("没有含错误的填报。", 9, false);
    else count_table(flow, "填报", o.most_errors, false);
}

void filing(Flow& flow, const ReportFiling& f, const std::string& date, ErrorVerdict on_error) {
    flow.new_page();
    flow.text("绩效目标审核意见", 16, true, 0, 4);
    flow.text("#" + std::to_string(f.id) + "　" + f.title, 12, true, 0, 6);
    const double w = kRight - kLeft;
    flow.row({{"主管部门", w * 0.2}, {f.department.empty() ? "（未填）" : f.department, w * 0.8}}, 8.5, false, false);
    flow.row({{"模板", w * 0.2}, {f.template_id, w * 0.8}}, 8.5, false, false);
    flow.row({{"年度", w * 0.2}, {f.year.empty() ? "（未填）" : f.year, w * 0.8}}, 8.5, false, false);
    flow.row({{"资金总额（万元）", w * 0.2}, {f.total.empty() ? "（未填）" : f.total, w * 0.8}}, 8.5, false, false);
    flow.row({{"发现问题", w * 0.2},
              {"错误 " + n(f.count(ReportSeverity::Error)) + " 条，警告 " + n(f.count(ReportSeverity::Warning)) + " 条，提示 " +
                   n(f.count(ReportSeverity::Info)) + " 条" + (f.accepted ? "（另有已认可的警告 " + n(f.accepted) + " 条）" : ""),
               w * 0.8}},
             8.5, false, false);
    flow.row({{"建议审核意见", w * 0.2}, {suggested_verdict(f, on_error), w * 0.8}}, 9, true, true);
    flow.space(10);
    int number = 0;
    for (ReportSeverity s : {ReportSeverity::Error, ReportSeverity::Warning, ReportSeverity::Info}) {
        if (f.count(s) == 0) continue;
        flow.text(std::string(severity_zh(s)) + "（" + n(f.count(s)) + " 条）", 11, true, 0, 4);
        std::string part = "\x01";
        for (const auto& x : f.findings) {
            if (x.severity != s) continue;
            if (x.part != part) {
                part = x.part;
                flow.text(part.empty() ? "整份填报" : part, 9.5, true, 6, 2);
            }
            flow.text(std::to_string(++number) + ". " + x.message, 9, false, 12, 1);
            flow.text((x.place.empty() ? "" : "位置：" + x.place + "　") + "检查：" + (x.check_title.empty() ? x.check : x.check_title),
                      7.5, false, 24, 4);
        }
        flow.space(6);
    }
    if (f.findings.empty()) flow.text("未发现问题。", 9, false, 0, 8);
    if (!f.notes.empty()) {
        flow.text("审核人意见", 11, true, 0, 4);
        for (const auto& note : f.notes) flow.text(note, 9, false, 6, 3);
    }
    flow.space(8);
    flow.text("（依据 " + date + " 的数据生成）", 7.5, false, 0, 0);
}

}  // namespace

void write_report_pdf(const Report& report, const std::filesystem::path& out) {
    AtomicFile file(out);
    cairo_surface_t* surface = cairo_pdf_surface_create(file.temp_path().c_str(), kPageW, kPageH);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        const std::string why = cairo_status_to_string(cairo_surface_status(surface));
        cairo_surface_destroy(surface);
        throw ExportError(ExportError::Code::Write, out.string(), why);
    }
    // Dated by the data: cairo would otherwise stamp the clock's time.
    const std::string stamp = report.date + "T00:00:00Z";
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, report.overview ? "预算绩效目标审核情况汇总" : "绩效目标审核意见");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Formwork");
    cairo_t* cr = cairo_create(surface);
    {
        Flow flow(cr);
        if (report.overview) overview(flow, report);
        for (const auto& f : report.filings) filing(flow, f, report.date, report.on_error);
        flow.finish();
    }
    std::string why;
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) why = cairo_status_to_string(cairo_status(cr));
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (why.empty() && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    if (!why.empty()) throw ExportError(ExportError::Code::Render, out.string(), why);
    file.commit();
}

}  // namespace formwork::io
