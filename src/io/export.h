// Export: filings leave Formwork as a spreadsheet (xlsx) or a printable PDF in the family's
// own layout (see export_layout.h: the layout comes from the template, never from
// family-specific code), or as data (json: the whole filing, re-importable; csv: one flat
// file of cells). The CLI (`formwork export`) and the shell's File menu both call
// export_filings(); each format is one export_<format>.cpp.
//
// Every writer builds the file under a temporary name beside the output and renames it into
// place only when complete, so a failed export never leaves a half-written file behind.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"
#include "core/lang.h"

namespace formwork::io {

enum class ExportFormat { Xlsx, Pdf, Json, Csv };

std::optional<ExportFormat> parse_export_format(std::string_view name);  // "xlsx" "pdf" "json" "csv"
const char* to_string(ExportFormat format);                              // the same names
const std::vector<ExportFormat>& export_formats();

// One filing and the template it is laid out with. `spec` may be null when the filing's
// template is not installed: json and csv still work (they carry data, not layout), xlsx and
// pdf refuse with ExportError::Code::NoTemplate.
struct ExportItem {
    const Filing* filing = nullptr;
    std::shared_ptr<const FormSpec> spec;
};

class ExportError : public std::runtime_error {
public:
    enum class Code {
        Nothing,     // no filing to export
        NoTemplate,  // detail: the template id (xlsx and pdf need the layout)
        Write,       // detail: what the system or the library said
        Render,      // detail: what the library said
    };
    ExportError(Code code, std::string path, std::string detail);

    Code code() const { return code_; }
    const std::string& path() const { return path_; }
    const std::string& detail() const { return detail_; }

private:
    Code code_;
    std::string path_;
    std::string detail_;
};

// One sentence for the user, naming the output file.
std::string describe(const ExportError& error, Lang lang = Lang::Zh);

// Writes `items` to `out` in `format`: one sheet per filing (xlsx), one document with each
// filing starting on a new page (pdf), one JSON document, one CSV file. Throws ExportError;
// `out` is then left as it was.
void export_filings(const std::vector<ExportItem>& items, ExportFormat format, const std::filesystem::path& out);

// The writers behind export_filings (one file each). They expect a non-empty list.
void write_xlsx(const std::vector<ExportItem>& items, const std::filesystem::path& out);
void write_pdf(const std::vector<ExportItem>& items, const std::filesystem::path& out);
void write_json(const std::vector<ExportItem>& items, const std::filesystem::path& out);
void write_csv(const std::vector<ExportItem>& items, const std::filesystem::path& out);

// The sheet names write_xlsx gives filings with these titles: each as short as Excel allows
// (31 characters), without the characters it refuses ([ ] : * ? / \), never blank, and
// unique regardless of case ("项目 (2)" for a second filing of the same name).
std::vector<std::string> sheet_names(const std::vector<std::string>& titles);

// The JSON document write_json() writes, as text (the shell and tests use it directly).
std::string filings_to_json(const std::vector<ExportItem>& items);

// The CSV text write_csv() writes, BOM included.
std::string filings_to_csv(const std::vector<ExportItem>& items);

}  // namespace formwork::io
