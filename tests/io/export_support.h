// What the export tests share: the real seed filings (samples/seeds, imported once through the
// importer, so every family is exported as it was really filed), scratch folders, and running
// the command-line readers (unzip, pdftotext) that read the exports back.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"
#include "io/export.h"

namespace export_test {

struct Seed {
    formwork::Filing filing;
    std::shared_ptr<const formwork::FormSpec> spec;
};

// Every filing of samples/seeds/*.txt, ids 1, 2, … in file order.
const std::vector<Seed>& seeds();

// The shipped template with this id (the test fails when it does not load).
std::shared_ptr<const formwork::FormSpec> shipped_template(const std::string& id);

// One item per template id found in the seeds (the first filing of each): the seven families.
std::vector<formwork::io::ExportItem> one_per_template();
std::vector<formwork::io::ExportItem> all_seeds();

// A new empty folder under /tmp, removed at exit (kept when FORMWORK_KEEP_EXPORTS is set).
std::string scratch_dir();

// Runs a shell command; its standard output (and the exit status in *status).
std::string run(const std::string& command, int* status = nullptr);

std::string read_file(const std::string& path);

// Text with every kind of white space removed (readers re-wrap text as they like).
std::string squeeze(const std::string& text);

// The exact decimal a spreadsheet's stored double stands for: 15 significant digits, which a
// double holds exactly for any decimal filed with 15 digits or fewer.
std::string number_text(double value);

}  // namespace export_test
