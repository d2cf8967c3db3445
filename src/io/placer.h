// Places the rows of one document (one printed form) into a Filing, driven only by the
// template: its labels and aliases (through the label index) and its import section. Rows come
// in printed order; the placer keeps what the form is in the middle of (the current block, a
// table header's columns, labels waiting for values on the next row, a long text that goes on)
// and puts each cell where the template says it belongs. A cell that fits nowhere is recorded
// as unplaced, with its line, never dropped.
//
// Internal to src/io: the importer (importer.h) is the public face.
#pragma once

#include <string>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"
#include "core/target_value.h"
#include "io/cell_items.h"
#include "io/import_template.h"
#include "io/label_index.h"
#include "io/text_grid.h"

namespace formwork::io {

struct Unplaced {
    int line = 0;
    std::string text;
};

// Where one value goes: a header field, or a cell of a table (row -1: a new row).
struct Slot {
    enum class Kind { None, Field, Cell } kind = Kind::None;
    int block = -1;
    std::string id;      // field id, or table id
    int row = -1;        // Cell
    std::string column;  // Cell
    bool longtext = false;  // paragraphs that follow may continue it

    bool empty() const { return kind == Kind::None; }
};

class Placer {
public:
    // `layout`: how the rows were read; a space-separated layout's lines are split where the
    // template's labels begin (cell_items Split::Words).
    Placer(const ImportTemplate& t, Filing& filing, std::vector<Unplaced>& unplaced, GridLayout layout = GridLayout::RowPerLine);

    void title(const GridRow& row);  // the row that started the document
    void row(const GridRow& row);
    void finish();

    // Money written with a unit and converted into the column's unit ("250万" → 250), and money
    // that could not be read, each as "label “as filed” → value" with its line, for the notes.
    std::vector<Unplaced> conversions;

    bool reached(int block) const { return block >= 0 && block < static_cast<int>(reached_.size()) && reached_[block]; }
    // The last row placed in a table had fewer cells than the table's header: cut off there?
    bool last_row_short() const { return last_short_; }

private:
    enum class Mode { None, FixedTable, FreeTable, Indicators };
    struct Pending {
        Slot slot;
        int pos = 0;
    };
    struct Role {
        enum class Kind { Level1, Level2, Name, Period, Extra, Level2Again, NameAgain } kind;
        int index = -1;  // period or extra index
        int pos = 0;
    };
    struct Segment {
        const Item* label = nullptr;
        const LabelTarget* target = nullptr;
        std::vector<const Item*> values;
    };

    const FormSpec& spec_;
    const LabelIndex& index_;
    const TargetVocabulary& vocab_;
    PatternBudget& budget_;
    std::unordered_map<std::string, ImportTemplate::CellKinds>& cell_kinds_;
    Filing& filing_;
    std::vector<Unplaced>& unplaced_;

    int block_ = -1;
    Mode mode_ = Mode::None;
    std::vector<int> column_pos_;  // header position of each column of the current table, -1 unknown
    int free_row_ = -1;            // the free-rows table row that labelled cells fill
    int header_cells_ = 0;         // cells of the current table's header row
    std::vector<Pending> pending_;
    Slot continuation_;
    std::vector<Role> roles_;
    std::string level1_, level2_;
    bool last_short_ = false;
    std::vector<bool> reached_;
    bool words_ = false;                 // a space-separated layout
    std::vector<bool> last_roles_;       // which columns the last indicator row filled

    // placer.cpp: rows with labels, fields, fixed rows, labels waiting for the next row.
    const LabelTarget* choose(const Item& item, int context) const;
    bool has_place_label(const std::vector<Item>& items) const;
    void labelled_row(const std::vector<Item>& items);
    void enter_block(int block);
    void field_segment(const Segment& s, bool row_has_values);
    void row_segment(const Segment& s, int occurrence, int occurrences);
    void column_segment(const Segment& s, bool row_has_values);
    void fill_pending(const std::vector<Item>& values);
    void flush_pending();

    // placer_values.cpp: where a value is written, unlabelled text, unplaced cells.
    Slot field_slot(int block, int field) const;
    Slot cell_slot(int block, int row, int column) const;
    Table& table_of(int block);
    bool is_filled(const Slot& slot) const;
    void put(const Slot& slot, const std::string& value, int line);
    const FieldSpec* slot_spec(const Slot& slot) const;
    std::string money_value(const Slot& slot, const std::string& value, int line);
    void unlabelled(const Item& item, bool text_row);
    bool apply_rules(const std::string& text, int line, bool title_only);
    void unplaced(int line, const std::string& text);

    // placer_tables.cpp: value rows of free-rows tables.
    void free_row(const GridRow& row, const std::vector<Item>& values);

    // placer_indicators.cpp: the indicator table's header and rows.
    bool indicator_header(const std::vector<Item>& items, const GridRow& row);
    void indicator_row(const GridRow& row, const std::vector<Item>& items);
    bool continue_last_indicator(const std::string& text, int line);
    // What a cell's text is, worked out once per cell: the row alignment asks about every
    // cell in every column.
    struct CellFacts {
        const std::string* text;
        bool level1, level2;
        TargetKind kind;
    };
    CellFacts facts_of(const std::string& text) const;
    int indicator_fit(const CellFacts& cell, const Role& role) const;
};

}  // namespace formwork::io
