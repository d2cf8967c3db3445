// Importing files into a database, the one path the CLI (`formwork import`) and the shell's
// File > Import both take: a JSON export restores its filings exactly, anything else is read
// by the importer (text, xlsx, docx, HTML, picked by content); each file's filings are saved
// in one transaction, so a file that fails leaves nothing behind while the other files still
// import.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/lang.h"
#include "io/importer.h"
#include "store/filing_store.h"

namespace formwork::io {

// Reads one file: a JSON export, or any format the importer reads (text, xlsx, docx, HTML).
FileImport read_import_file(const Importer& importer, const std::vector<std::shared_ptr<const FormSpec>>& specs,
                            const std::filesystem::path& path, const ImportOptions& options = {});

// Before writing into a database: SQLite's quick check. A damaged database is refused (the
// sentence says so and points at `formwork doctor`) rather than written into, which could
// spread the damage. nullopt when the file is sound.
std::optional<std::string> refuse_damaged_database(const store::Database& db, Lang lang);

// Saves the filings of a file that read without error, in one transaction, each with a
// revision summary naming the file; sets their ids. On a store error nothing of the file
// stays, the ids are reset, and the sentence describing the error is returned.
std::optional<std::string> save_imported(store::FilingStore& filings, FileImport& file, Lang lang);

}  // namespace formwork::io
