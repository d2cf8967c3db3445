// Reading back the JSON that `formwork export --format json` writes (export_json.cpp), so
// that filings can move between databases and tools without losing a character.
//
// The document (format_version 1):
//   {
//     "format": "formwork-filings", "format_version": 1,
//     "filings": [ {
//       "id": 12,                                   the id in the database it came from (informational)
//       "template": { "id": "nantong-project", "version": 1, "title": "…" },
//       "fields": { "project_name": "信息化管理专项经费", … },
//       "tables": { "income": [ { "row": "total", "cells": { "full_year": "18" } }, … ], … },
//       "indicators": [ { "level1": "产出指标", "level2": "数量指标", "name": "…",
//                         "targets": { "full_year": { "text": "≥90%", "parse": { … } } },
//                         "extra": { "basis": "…" } }, … ],
//       "notes": [ { "kind": "import", "text": "…" } ]
//     } ]
//   }
// Every value is the text as filed. A target value (an indicator's period, and a field or a
// table column the template declares as a target) is an object: its text and the core's parse
// of it — kind numeric (comparator, value as an exact decimal string, unit, subject,
// canonical), grade or placeholder (word), or unparsed (reason). "row" names a fixed row of
// the template; free rows have none. Tables are listed even when empty (row count 0).
//
// The reader takes the text of every value (a plain string, or an object's "text"); parses
// and "row" names are output only.
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
#include "io/importer.h"

namespace formwork::io {

class JsonImportError : public std::runtime_error {
public:
    // `where`: a JSON pointer to the offending value ("/filings/0/fields/project_name"), or
    // "line:column" for text that is not JSON.
    JsonImportError(std::string where, std::string problem_zh, std::string problem_en);

    const std::string& where() const { return where_; }
    std::string message(Lang lang) const;

private:
    std::string where_;
    std::string zh_;
    std::string en_;
};

// True when the content looks like JSON (its first non-blank character is '{'), so that an
// importer can tell it from a plain-text export.
bool looks_like_json(std::string_view content);

// The filings of a JSON export, with id 0 (new to the database they go into). Throws
// JsonImportError.
std::vector<Filing> read_filings_json(std::string_view content);

// For `formwork import`: when the file at `path` is JSON, its filings as an import (each with
// its template from `templates`; the file fails as a whole when it is not a valid export or
// names a template that is not installed). nullopt when the file is not JSON (or cannot be
// read), so that the caller reads it as a plain-text export instead.
std::optional<FileImport> import_json_file(const std::filesystem::path& path,
                                           const std::vector<std::shared_ptr<const FormSpec>>& templates);

}  // namespace formwork::io
