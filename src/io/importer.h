// Importing filing documents as they arrive — plain text in any of the layouts of
// text_grid.h, xlsx, docx, HTML (grid_readers.h) — into filings: one file holds one or more
// printed forms, each read with the template that fits it best, every value kept as printed
// (money written with a unit is converted into its column's unit, and noted). Driven entirely
// by the templates (labels, aliases and their `import` sections): no family-specific code.
//
//   io::Importer importer(registry_specs);
//   io::FileImport r = importer.import_file("seeds/000.txt");
//   if (r.failed) report(r.file, r.line, r.error.zh);
//   for (auto& f : r.filings) save(f.filing);   // f.unplaced: cells that fit nowhere
//   for (auto& x : r.refused) report(x.line, x.why.zh);  // forms not taken, and why
//
// Each form of a file is judged on its own: one with no title, fewer than half of its
// template's required values, or cut off by the end of the file is refused (kept by
// ImportOptions::force), and the others are taken. A file fails as a whole (no filings) when
// it cannot be read, or no form of it is taken; the caller then saves nothing of it.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"
#include "io/placer.h"

namespace formwork::io {

struct ImportTemplate;

struct ImportOptions {
    std::string template_id;             // every form of the file is read as this template
    std::optional<GridLayout> layout;    // text files: this layout instead of detecting one (--separator)
    std::optional<std::string> sheet;    // xlsx: only this sheet (a name or a 1-based number)
    bool force = false;                  // keep forms that would be refused (missing values, cut off)
};

struct ImportMessage {
    std::string zh, en;
};

struct ImportedFiling {
    Filing filing;  // template id and version set; id 0; unplaced cells and conversions also kept as notes (kind "import")
    std::shared_ptr<const FormSpec> spec;
    int first_line = 0;  // where the form starts in the file
    std::vector<Unplaced> unplaced;
    std::vector<Unplaced> conversions;  // money converted into its column's unit, or kept as filed
    std::size_t values = 0;              // non-blank values placed
    std::size_t required = 0;            // values the template requires
    std::vector<std::string> missing;    // required values left blank, by label
    std::optional<ImportMessage> forced;  // kept by --force although refused for this
};

// A form of the file that was not taken.
struct RefusedForm {
    int line = 0;
    std::string template_id;  // the template it was read with ("" when none fits)
    ImportMessage why;
    std::size_t values = 0, required = 0;
    std::vector<std::string> missing;
};

struct FileImport {
    std::string file;    // as shown in messages
    std::string format;  // "text" "xlsx" "docx" "html" (json: import_files.h)
    std::string layout;  // how the cells were laid out (text_grid.h: "tab", "pipe-stream" …)
    std::vector<ImportedFiling> filings;
    std::vector<RefusedForm> refused;
    bool failed = false;
    int line = 0;  // where the problem is, 0 for the whole file
    ImportMessage error;
    std::vector<ImportMessage> warnings;  // e.g. a template left out of this file (pattern budget)
};

class Importer {
public:
    explicit Importer(const std::vector<std::shared_ptr<const FormSpec>>& templates);
    ~Importer();
    Importer(const Importer&) = delete;
    Importer& operator=(const Importer&) = delete;

    // Reads the file, picks its reader by content (not by name).
    FileImport import_file(const std::filesystem::path& path, const ImportOptions& options = {}) const;
    FileImport import_bytes(const std::string& shown_name, std::string_view bytes, const ImportOptions& options = {}) const;
    // Text (UTF-8) and an already read grid.
    FileImport import_text(const std::string& shown_name, std::string_view content, const ImportOptions& options = {}) const;
    FileImport import_grid(const std::string& shown_name, const TextGrid& grid, const ImportOptions& options = {}) const;

    FileImport import_text(const std::string& shown_name, std::string_view content, const std::string& template_id) const {
        ImportOptions o;
        o.template_id = template_id;
        return import_text(shown_name, content, o);
    }

    bool has_template(const std::string& id) const;

private:
    FileImport place_documents(const std::string& shown_name, const TextGrid& grid,
                               const std::vector<const ImportTemplate*>& pool, const ImportOptions& options) const;

    std::vector<std::unique_ptr<ImportTemplate>> templates_;
};

}  // namespace formwork::io
