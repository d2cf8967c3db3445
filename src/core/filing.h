// The filing model: one form, filled in. Holds any family without family-specific code:
// the template (Lua, src/templates) says which fields, tables and indicator columns exist; the
// filing only keeps values, always as the text that was filed or typed, so nothing is lost
// or reformatted. Numbers and target values are parsed from that text on demand by the core.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace formwork {

// One row of a named table (income lines, expense lines, spending plan …): cells by column id.
struct TableRow {
    std::map<std::string, std::string> cells;

    const std::string& cell(const std::string& column) const;
    bool operator==(const TableRow&) const = default;
};

struct Table {
    std::vector<TableRow> rows;

    bool operator==(const Table&) const = default;
};

// A level-3 performance indicator with its level-1/level-2 categories. `targets` holds one
// target-value text per period column id (e.g. "half_year", "full_year" or "mid_term",
// "annual"); `extra` holds the family's optional columns (description, basis, standard …).
struct Indicator {
    std::string level1;
    std::string level2;
    std::string name;
    std::map<std::string, std::string> targets;
    std::map<std::string, std::string> extra;

    bool operator==(const Indicator&) const = default;
};

// Something worth keeping that has no field of its own: an import note (a cell the importer
// could not place, with where it came from), a reviewer's remark.
struct Note {
    std::string kind;  // "import", "user" …
    std::string text;

    bool operator==(const Note&) const = default;
};

struct Filing {
    std::int64_t id = 0;  // 0 until stored
    // The stored revision this content was loaded at or last saved as (0: none known). A save
    // carries it, so that one landing in between is detected instead of overwritten.
    std::int64_t revision = 0;
    std::string template_id;
    int template_version = 0;
    std::map<std::string, std::string> fields;  // header fields by field id
    std::map<std::string, Table> tables;  // by table id; the template gives the display order
    std::vector<Indicator> indicators;
    std::vector<Note> notes;

    const std::string& field(const std::string& field_id) const;
    Table* find_table(const std::string& table_id);
    const Table* find_table(const std::string& table_id) const;
    Table& table(const std::string& table_id) { return tables[table_id]; }  // finds or adds

    // Everything but the storage id: two filings with the same content compare equal.
    bool same_content(const Filing& other) const;
};

}  // namespace formwork
