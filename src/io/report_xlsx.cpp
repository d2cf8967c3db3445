// The reviewer's report as a workbook: the overview's tables one sheet each (汇总, 按检查项,
// 按部门, 错误最多) with native bar charts, then one sheet listing every finding and one of
// the filings with their suggested verdicts. Same numbers and order as the PDF (report.h).
#include <xlsxwriter.h>

#include <cstdio>
#include <ctime>

#include "io/atomic_file.h"
#include "io/export.h"
#include "io/report.h"

namespace formwork::io {

namespace {

class Book {
public:
    Book(lxw_workbook* book, std::string path) : book_(book), path_(std::move(path)) {
        head_ = workbook_add_format(book_);
        format_set_bold(head_);
        format_set_bg_color(head_, 0xE8ECF2);
        format_set_border(head_, LXW_BORDER_THIN);
        wrap_ = workbook_add_format(book_);
        format_set_text_wrap(wrap_);
        format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    }

    lxw_worksheet* sheet(const char* name, const std::vector<std::pair<std::string, double>>& columns) {
        lxw_worksheet* ws = workbook_add_worksheet(book_, name);
        if (!ws) throw ExportError(ExportError::Code::Render, path_, std::string("bad sheet name ") + name);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), columns[c].second, nullptr));
            check(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), columns[c].first.c_str(), head_));
        }
        worksheet_freeze_panes(ws, 1, 0);
        return ws;
    }

    void text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s) {
        check(worksheet_write_string(ws, r, c, s.c_str(), wrap_));
    }
    void number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, std::size_t v) {
        check(worksheet_write_number(ws, r, c, static_cast<double>(v), nullptr));
    }

    // Counts by label; a stacked bar chart of errors and warnings beside the table.
    void counts(const char* name, const std::string& head, const std::vector<CountRow>& rows, bool with_filings) {
        std::vector<std::pair<std::string, double>> cols = {{head, 48}, {"错误", 8}, {"警告", 8}, {"提示", 8}};
        if (with_filings) cols.push_back({"填报数", 8});
        lxw_worksheet* ws = sheet(name, cols);
        lxw_row_t r = 1;
        for (const auto& row : rows) {
            text(ws, r, 0, row.label);
            number(ws, r, 1, row.errors);
            number(ws, r, 2, row.warnings);
            number(ws, r, 3, row.infos);
            if (with_filings) number(ws, r, 4, row.filings);
            ++r;
        }
        if (rows.empty()) return;
        lxw_chart* chart = workbook_add_chart(book_, LXW_CHART_BAR_STACKED);
        const auto last = static_cast<lxw_row_t>(rows.size());
        const char* names[2] = {"错误", "警告"};
        for (lxw_col_t c = 1; c <= 2; ++c) {
            lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
            chart_series_set_categories(s, name, 1, 0, last, 0);
            chart_series_set_values(s, name, 1, c, last, c);
            chart_series_set_name(s, names[c - 1]);
            lxw_chart_fill fill{};
            fill.color = c == 1 ? 0xCC3833 : 0xEDA626;
            chart_series_set_fill(s, &fill);
        }
        chart_title_set_name(chart, head == "部门" ? "按部门的问题数" : "按检查项的问题数");
        chart_axis_set_reverse(chart->y_axis);
        lxw_chart_options opt{};
        opt.x_scale = 1.6;
        opt.y_scale = 1.0 + static_cast<double>(rows.size()) / 12.0;
        check(worksheet_insert_chart_opt(ws, 0, with_filings ? 6 : 5, chart, &opt));
    }

    void check(lxw_error e) const {
        if (e != LXW_NO_ERROR) throw ExportError(ExportError::Code::Render, path_, lxw_strerror(e));
    }

private:
    lxw_workbook* book_;
    std::string path_;
    lxw_format* head_ = nullptr;
    lxw_format* wrap_ = nullptr;
};

void fill(lxw_workbook* wb, const Report& report, const std::string& path) {
    Book book(wb, path);
    if (report.overview) {
        const Overview o = build_overview(report);
        lxw_worksheet* ws = book.sheet("汇总", {{"项目", 28}, {"数量", 12}});
        const std::pair<const char*, std::size_t> rows[] = {
            {"填报", o.filings},      {"错误", o.errors},        {"警告", o.warnings},
            {"提示", o.infos},        {"已认可的警告（不计入）", o.accepted},
            {"建议通过", o.passed},   {"建议修改后通过", o.amend}, {"建议退回", o.returned}};
        lxw_row_t r = 1;
        for (const auto& [label, v] : rows) {
            book.text(ws, r, 0, label);
            book.number(ws, r++, 1, v);
        }
        book.text(ws, ++r, 0, "数据截至 " + report.date);
        book.counts("按检查项", "检查项", o.by_check, false);
        book.counts("按部门", "部门", o.by_department, true);
        book.counts("错误最多", "填报", o.most_errors, false);
    }
    lxw_worksheet* fs = book.sheet("审核意见", {{"编号", 6}, {"名称", 36}, {"主管部门", 24}, {"模板", 18}, {"年度", 6}, {"资金总额（万元）", 12},
                                               {"错误", 6}, {"警告", 6}, {"提示", 6}, {"已认可", 6}, {"建议意见", 12}, {"审核人意见", 40}});
    lxw_row_t r = 1;
    for (const auto& f : report.filings) {
        book.number(fs, r, 0, static_cast<std::size_t>(f.id));
        book.text(fs, r, 1, f.title);
        book.text(fs, r, 2, f.department);
        book.text(fs, r, 3, f.template_id);
        book.text(fs, r, 4, f.year);
        book.text(fs, r, 5, f.total);
        book.number(fs, r, 6, f.count(ReportSeverity::Error));
        book.number(fs, r, 7, f.count(ReportSeverity::Warning));
        book.number(fs, r, 8, f.count(ReportSeverity::Info));
        book.number(fs, r, 9, f.accepted);
        book.text(fs, r, 10, suggested_verdict(f, report.on_error));
        std::string notes;
        for (const auto& n : f.notes) notes += (notes.empty() ? "" : "\n") + n;
        book.text(fs, r, 11, notes);
        ++r;
    }
    lxw_worksheet* ds = book.sheet("问题明细", {{"编号", 6}, {"名称", 30}, {"级别", 6}, {"部分", 18}, {"位置", 30}, {"检查", 24}, {"问题", 60}});
    r = 1;
    for (const auto& f : report.filings)
        for (const auto& x : f.findings) {
            book.number(ds, r, 0, static_cast<std::size_t>(f.id));
            book.text(ds, r, 1, f.title);
            book.text(ds, r, 2, severity_zh(x.severity));
            book.text(ds, r, 3, x.part);
            book.text(ds, r, 4, x.place);
            book.text(ds, r, 5, x.check_title.empty() ? x.check : x.check_title);
            book.text(ds, r, 6, x.message);
            ++r;
        }
}

}  // namespace

void write_report_xlsx(const Report& report, const std::filesystem::path& out) {
    AtomicFile file(out);
    lxw_workbook* book = workbook_new(file.temp_path().c_str());
    if (!book) throw ExportError(ExportError::Code::Write, out.string(), "cannot create the workbook");
    try {
        fill(book, report, out.string());
        lxw_doc_properties props{};
        std::string title = report.overview ? "预算绩效目标审核情况汇总" : "绩效目标审核意见", creator = "Formwork";
        props.title = title.data();
        props.author = creator.data();
        // Dated by the data; libxlsxwriter would otherwise stamp the clock's time.
        std::tm tm{};
        std::sscanf(report.date.c_str(), "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        props.created = timegm(&tm);
        workbook_set_properties(book, &props);
    } catch (...) {
        workbook_close(book);
        throw;
    }
    const lxw_error e = workbook_close(book);
    if (e != LXW_NO_ERROR) throw ExportError(ExportError::Code::Write, out.string(), lxw_strerror(e));
    file.commit();
}

}  // namespace formwork::io
