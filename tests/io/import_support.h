// Shared by the import tests: the shipped templates loaded once, the seeds imported with them,
// and an independent way to read the expected text of a seed cell (by line and tab position).
#pragma once

#include <string>
#include <vector>

#include "core/filing.h"
#include "io/importer.h"

const formwork::io::Importer& shipped_importer();

// Imports samples/seeds/<name> with the shipped templates (cached: each seed is read once).
const formwork::io::FileImport& seed_import(const std::string& name);

// The filing of an imported file whose title field is `title`; fails the test if none.
const formwork::io::ImportedFiling& filing_titled(const formwork::io::FileImport& file, const std::string& title);

// The text of seed line `line`, tab-separated cell `cell`, tidied like any cell (io::clean_cell).
std::string seed_cell(const std::string& name, int line, int cell);

// The whole content of a seed file.
std::string seed_text(const std::string& name);

// Seed names.
inline const std::string kNantong = "000_0fc43aa88057eaed.txt";
inline const std::string kYuanjiang = "001_e8aa0500ee62ffd0.txt";
inline const std::string kSuzhou = "002_be243faf42b34df7.txt";
inline const std::string kJiangsu = "003_e71277c5732aaa08.txt";
inline const std::string kHebei = "004_69cafeba3764958f.txt";

using Rows = std::vector<std::vector<std::string>>;

// Every indicator of `filing` in order, each as {level1, level2, name, the targets of
// `periods`..., the `extras`...}; also checks that no other period or extra column is set.
void check_indicators(const formwork::Filing& filing, const std::vector<std::string>& periods,
                      const std::vector<std::string>& extras, const Rows& expected);

// Every row of table `table`, each as the cells of `columns` in order; also checks that the
// rows have no other cells.
void check_table(const formwork::Filing& filing, const std::string& table, const std::vector<std::string>& columns,
                 const Rows& expected);
