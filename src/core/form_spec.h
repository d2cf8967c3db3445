// FormSpec: what a template (a Lua file in scripts/templates/) says about one form family,
// as plain C++ data. The script layer builds it from Lua once per load; the importer, the
// shell, the checks and the exporters read only this struct, never a Lua state.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace formwork {

// The kind of a header field or a table column: how it is edited, shown and parsed.
enum class ValueKind { Text, LongText, Enum, Year, Phone, Money, Integer, Percent, Target };

const char* to_string(ValueKind kind);
const std::vector<std::string>& value_kind_names();  // "text", "longtext", … in enum order

// A header field or a table column: its label as printed on the family's form, and the
// other spellings seen in real filings (the importer matches on these).
struct FieldSpec {
    std::string id;
    std::string label;
    std::vector<std::string> aliases;
    ValueKind kind = ValueKind::Text;
    std::vector<std::string> options;  // Enum only: the choices as printed
    bool required = false;
    std::string help;
    int line = 0;  // where the template declares it (0 when unknown)
};

// A fixed row of a table (e.g. 资金总额, 财政拨款 小计 in an income table). `sum_of` lists
// decompositions the filed figures must obey: each inner list is a set of row ids whose
// values add up to this row's (资金总额 = 财政拨款 + 国有资本金 + …; also = 基本支出 + 项目支出).
struct RowSpec {
    std::string id;
    std::string label;
    std::vector<std::string> aliases;
    int indent = 0;
    std::vector<std::vector<std::string>> sum_of;
    int line = 0;
};

enum class BlockKind { Fields, Table, Indicators, SpendingPlan };

const char* to_string(BlockKind kind);

// The indicator tree: which level-1 and level-2 categories the family uses (and requires),
// and which target columns each level-3 indicator has (one per period) plus extra columns
// (description, basis, standard …).
struct Level2Spec {
    std::string name;
    std::vector<std::string> aliases;
    bool required = false;
};

struct Level1Spec {
    std::string name;
    std::vector<std::string> aliases;
    bool required = false;
    std::vector<Level2Spec> level2;
    int line = 0;
};

struct IndicatorsSpec {
    std::vector<FieldSpec> periods;  // kind Target: "half_year" + "full_year", "mid_term" + "annual", or one
    std::vector<FieldSpec> extra;    // description, basis, standard …
    std::vector<Level1Spec> tree;
};

struct BlockSpec {
    BlockKind kind = BlockKind::Fields;
    std::string id;
    std::string label;
    std::vector<std::string> aliases;
    std::string unit;  // e.g. "万元" for money tables
    int line = 0;

    std::vector<FieldSpec> fields;   // Fields
    std::vector<FieldSpec> columns;  // Table, SpendingPlan (the points: 3月底, 6月底 …)
    std::vector<RowSpec> rows;       // Table: fixed rows (row i of the filing's table is rows[i]); empty = free rows
    std::vector<std::string> total_columns;  // Table with free rows: columns summed in a total row (computed)
    std::string total_label;
    IndicatorsSpec indicators;       // Indicators

    bool fixed_rows() const { return !rows.empty(); }
};

// A value computed by the core (never by Lua): a sum over a table column or a ratio of two
// references. References: "<table>.<column>" (sum of a free-rows column),
// "<table>.<row>.<column>" (a fixed cell), "fields.<field>".
struct ComputedSpec {
    enum class Kind { Sum, Ratio };
    std::string id;
    std::string label;
    Kind kind = Kind::Sum;
    std::string of;           // Sum
    std::string numerator;    // Ratio
    std::string denominator;  // Ratio
    int places = 4;           // Ratio: decimal places, half-even
    int line = 0;
};

// How the importer reads a family's printed documents beyond matching labels (the template's
// `import = form.import{ … }` section; scripts/README.md). Patterns are Lua patterns, matched
// against a cell's text as printed (trimmed); where a pattern has a capture, the first capture
// is the value, else the whole text.
struct ImportValueRule {
    std::string to;       // "fields.<field>", or "<table>.<column>" of a free-rows table (starts a row)
    std::string pattern;  // the unlabelled text must match (empty: any text)
    std::string after;    // block id: only while that block is the one being read (empty: anywhere)
    bool whole_file = false;  // scope = "file": when the filing has no such text, take the first in its file
    int line = 0;
};

// A period printed in one cell ("2019-2021", "2023.07-2024.01", "2023年1月-12月") that the
// form's fields keep as a start and an end.
struct ImportSplit {
    std::string from;               // "fields.<field>": the cell as printed (kept as it is)
    std::vector<std::string> into;  // two "fields.<field>": start and end (a year field takes the year)
    int line = 0;
};

struct ImportSpec {
    std::vector<std::string> titles;  // a text line matching one of these starts a filing of this template
    std::vector<std::string> ignore;  // printed text that holds no value (sub-headings, "单位：万元" …)
    std::vector<ImportValueRule> values;  // where unlabelled text goes
    // The printed heads of the indicator table's level-1, level-2 and level-3 columns (what the
    // exports print), and every spelling each may have on a filed page (the first is the head
    // itself). One text may head several levels ("项目" over a column holding all three).
    std::vector<std::string> level_heads = {"一级指标", "二级指标", "三级指标"};
    std::vector<std::vector<std::string>> level_head_aliases = {{"一级指标"}, {"二级指标"}, {"三级指标"}};
    std::string separator;            // "" (detect), "tab", "pipe", "spaces", "lines": how text files lay cells out
    std::vector<std::string> footer;  // patterns: a line matching one ends the form; the rest is kept as notes
    std::vector<ImportSplit> splits;
    int line = 0;
};

// What "next year's filing" (formwork copy --next-year, the shell's File menu) does with a
// filing of this template: the template's `next_year = { … }` section (scripts/README.md).
struct NextYearSpec {
    bool clear_amounts = false;        // amounts = "clear": every money field and column is blanked
    std::vector<std::string> clear;    // more to blank: "fields.<f>", "<table>", "<table>.<column>", "indicators.<period>"
    std::vector<std::string> period;   // the project period: two year fields (start, end) or one printed period
    int line = 0;
};

struct FormSpec {
    int api = 1;
    std::string id;
    int version = 1;
    std::string title;
    std::string family;
    std::string region;
    // Optional English names for the English UI (menus, filters); the importer never reads them.
    std::string title_en;
    std::string region_en;
    std::string level;
    int year = 0;
    std::string money_unit = "万元";
    std::string title_field;  // the field that names a filing in lists
    std::string year_field;   // optional: a field holding the budget year; else `year`
    std::string total_ref;    // reference to the filing's total budget as filed
    std::vector<BlockSpec> blocks;
    std::vector<ComputedSpec> computed;
    std::vector<std::string> grades;  // extra qualitative target words this family uses
    std::map<std::string, std::string> options;  // free attributes that checks may read
    std::vector<std::string> hooks;   // names of Lua hook functions the template defines
    ImportSpec import_spec;           // the template's `import` section (defaults when absent)
    NextYearSpec next_year;           // the template's `next_year` section (defaults when absent)
    // The versions this file has a migration step from (`migrate = { [1] = function(old) … end }`:
    // 1 → 2); the steps themselves are Lua functions the registry keeps.
    std::vector<int> migrate_steps;
    std::string source;               // the file it was loaded from

    const BlockSpec* find_block(const std::string& id) const;
    const FieldSpec* find_field(const std::string& id) const;  // in any Fields block
};

}  // namespace formwork
