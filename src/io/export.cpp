// The export front door: format names, errors, and the dispatch to one writer per format
// (see export.h).
#include "io/export.h"

namespace formwork::io {

const std::vector<ExportFormat>& export_formats() {
    static const std::vector<ExportFormat> all = {ExportFormat::Xlsx, ExportFormat::Pdf, ExportFormat::Json, ExportFormat::Csv};
    return all;
}

const char* to_string(ExportFormat format) {
    switch (format) {
        case ExportFormat::Xlsx: return "xlsx";
        case ExportFormat::Pdf: return "pdf";
        case ExportFormat::Json: return "json";
        case ExportFormat::Csv: return "csv";
    }
    return "?";
}

std::optional<ExportFormat> parse_export_format(std::string_view name) {
    for (ExportFormat f : export_formats())
        if (name == to_string(f)) return f;
    return std::nullopt;
}

ExportError::ExportError(Code code, std::string path, std::string detail)
    : std::runtime_error(path + ": " + detail), code_(code), path_(std::move(path)), detail_(std::move(detail)) {}

std::string describe(const ExportError& e, Lang lang) {
    const bool zh = lang == Lang::Zh;
    switch (e.code()) {
        case ExportError::Code::Nothing:
            return zh ? "没有可导出的填报，未写出 " + e.path() : "nothing to export; " + e.path() + " not written";
        case ExportError::Code::NoTemplate:
            return zh ? "无法导出 " + e.path() + "：找不到模板 " + e.detail() + "（xlsx 和 pdf 需要模板的版式；json 和 csv 不需要）"
                      : "cannot export " + e.path() + ": template " + e.detail() +
                            " not found (xlsx and pdf need the template's layout; json and csv do not)";
        case ExportError::Code::Write:
            return zh ? "无法写入 " + e.path() + "：" + e.detail() : "cannot write " + e.path() + ": " + e.detail();
        case ExportError::Code::Render:
            return zh ? "无法生成 " + e.path() + "：" + e.detail() : "cannot render " + e.path() + ": " + e.detail();
    }
    return e.what();
}

void export_filings(const std::vector<ExportItem>& items, ExportFormat format, const std::filesystem::path& out) {
    if (items.empty()) throw ExportError(ExportError::Code::Nothing, out.string(), {});
    // Checked before any work so that a long PDF is not rendered only to fail at the rename.
    if (std::filesystem::is_directory(out)) throw ExportError(ExportError::Code::Write, out.string(), "is a directory");
    if (format == ExportFormat::Xlsx || format == ExportFormat::Pdf)
        for (const auto& item : items)
            if (!item.spec) throw ExportError(ExportError::Code::NoTemplate, out.string(), item.filing->template_id);
    switch (format) {
        case ExportFormat::Xlsx: write_xlsx(items, out); break;
        case ExportFormat::Pdf: write_pdf(items, out); break;
        case ExportFormat::Json: write_json(items, out); break;
        case ExportFormat::Csv: write_csv(items, out); break;
    }
}

}  // namespace formwork::io
