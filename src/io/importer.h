// Importing plain-text filing exports (Word/Excel/PDF exported to text, as in samples/seeds/):
// one file holds one or more printed forms; each becomes a Filing of the template it matches,
// every value kept exactly as printed. Driven entirely by the templates (labels, aliases and
// their `import` sections): no family-specific code.
//
//   io::Importer importer(registry_specs);
//   io::FileImport r = importer.import_file("seeds/000.txt");
//   if (r.failed) report(r.file, r.line, r.error.zh);
//   for (auto& f : r.filings) save(f.filing);   // f.unplaced: cells that fit nowhere
//
// A file fails as a whole (no filings) when it is empty, not text, prints a form no template
// matches, or ends in the middle of a form; the caller saves nothing of it.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"
#include "io/placer.h"

namespace formwork::io {

struct ImportTemplate;

struct ImportedFiling {
    Filing filing;  // template id and version set; id 0; unplaced cells also kept as notes (kind "import")
    std::shared_ptr<const FormSpec> spec;
    int first_line = 0;  // where the form starts in the file
    std::vector<Unplaced> unplaced;
};

struct ImportMessage {
    std::string zh, en;
};

struct FileImport {
    std::string file;  // as shown in messages
    std::vector<ImportedFiling> filings;
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

    // `template_id` non-empty: every form of the file is read as that template.
    FileImport import_text(const std::string& shown_name, std::string_view content, const std::string& template_id = {}) const;
    FileImport import_file(const std::filesystem::path& path, const std::string& template_id = {}) const;
    // The same for a grid already read (from any reader).
    FileImport import_grid(const std::string& shown_name, const TextGrid& grid, const std::string& template_id = {}) const;

    bool has_template(const std::string& id) const;

private:
    FileImport place_documents(const std::string& shown_name, const TextGrid& grid,
                               const std::vector<const ImportTemplate*>& pool) const;

    std::vector<std::unique_ptr<ImportTemplate>> templates_;
};

}  // namespace formwork::io
