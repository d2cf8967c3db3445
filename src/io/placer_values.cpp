// Where the placer writes values, and what it does with text that has no label: the template's
// import rules, the continuation of a long text, or an unplaced note (see placer.h).
#include <algorithm>

#include "core/money_text.h"
#include "core/sums.h"
#include "io/label_text.h"
#include "io/placer.h"
#include "io/text_pattern.h"

namespace formwork::io {

Slot Placer::field_slot(int block, int field) const {
    const FieldSpec& f = spec_.blocks[block].fields[field];
    Slot s;
    s.kind = Slot::Kind::Field;
    s.block = block;
    s.id = f.id;
    s.longtext = f.kind == ValueKind::LongText;
    return s;
}

Slot Placer::cell_slot(int block, int row, int column) const {
    const BlockSpec& b = spec_.blocks[block];
    Slot s;
    s.kind = Slot::Kind::Cell;
    s.block = block;
    s.id = b.id;
    s.row = row;
    s.column = b.columns[column].id;
    s.longtext = b.columns[column].kind == ValueKind::LongText;
    return s;
}

// The filing's table of a block; a fixed-rows table gets all its rows, every cell blank, the
// first time, so that row i is always the template's row i. A spending plan is one row.
Table& Placer::table_of(int block) {
    const BlockSpec& b = spec_.blocks[block];
    const bool exists = filing_.find_table(b.id) != nullptr;
    Table& t = filing_.table(b.id);
    if (!exists) {
        const size_t rows = b.fixed_rows() ? b.rows.size() : b.kind == BlockKind::SpendingPlan ? 1 : 0;
        for (size_t r = 0; r < rows; ++r) {
            TableRow row;
            for (const auto& c : b.columns) row.cells[c.id] = "";
            t.rows.push_back(std::move(row));
        }
    }
    return t;
}

bool Placer::is_filled(const Slot& slot) const {
    if (slot.kind == Slot::Kind::Field) return filing_.fields.count(slot.id) > 0;
    if (slot.kind != Slot::Kind::Cell || slot.row < 0) return false;
    const Table* t = filing_.find_table(slot.id);
    return t && slot.row < static_cast<int>(t->rows.size()) && !t->rows[slot.row].cell(slot.column).empty();
}

// Writes a value as filed. A second, different value for a place already filled (a label
// printed twice) is kept as unplaced rather than overwriting the first.
const FieldSpec* Placer::slot_spec(const Slot& slot) const {
    const BlockSpec& b = spec_.blocks[slot.block];
    if (slot.kind == Slot::Kind::Field) {
        for (const auto& f : b.fields)
            if (f.id == slot.id) return &f;
        return nullptr;
    }
    for (const auto& c : b.columns)
        if (c.id == slot.column) return &c;
    return nullptr;
}

// Money as the form prints it, in the column's unit: "250万" in a 万元 table is stored as 250
// (and the note keeps "250万"); a figure whose unit cannot be read stays as filed, noted.
std::string Placer::money_value(const Slot& slot, const std::string& value, int line) {
    const FieldSpec* f = slot_spec(slot);
    if (!f || f->kind != ValueKind::Money || value.empty() || is_blank_cell(value)) return value;
    const BlockSpec& b = spec_.blocks[slot.block];
    const std::string unit = b.unit.empty() ? spec_.money_unit : b.unit;
    const std::string label = (slot.kind == Slot::Kind::Cell && slot.row >= 0 && slot.row < static_cast<int>(b.rows.size())
                                   ? b.rows[slot.row].label + " "
                                   : std::string()) +
                              f->label;
    try {
        if (const auto r = read_money(value, unit)) {
            if (!r->converted()) return value;
            const std::string converted = r->value.to_string();
            conversions.push_back({line, label + "：“" + value + "” 换算为 " + converted + "（" + unit + "）"});
            return converted;
        }
    } catch (const DecimalOverflow&) {
    }
    if (!parse_amount(value))
        conversions.push_back({line, label + "：“" + value + "” 不是能按" + unit + "读取的金额，按原文保留"});
    return value;
}

void Placer::put(const Slot& slot, const std::string& filed, int line) {
    reached_[slot.block] = true;
    const std::string value = money_value(slot, filed, line);
    if (slot.kind == Slot::Kind::Field) {
        auto [it, inserted] = filing_.fields.emplace(slot.id, value);
        if (!inserted) {
            if (it->second.empty()) it->second = value;
            else if (!value.empty() && value != it->second) unplaced(line, value);
        }
        return;
    }
    Table& t = table_of(slot.block);
    int row = slot.row;
    if (row < 0 || row >= static_cast<int>(t.rows.size())) {
        TableRow r;
        for (const auto& c : spec_.blocks[slot.block].columns) r.cells[c.id] = "";
        t.rows.push_back(std::move(r));
        row = static_cast<int>(t.rows.size()) - 1;
    }
    std::string& cell = t.rows[row].cells[slot.column];
    if (cell.empty()) cell = value;
    else if (!value.empty() && value != cell) unplaced(line, value);
}

void Placer::title(const GridRow& row) {
    std::string text;
    for (const auto& c : row.cells)
        if (!c.text.empty()) text += (text.empty() ? "" : " ") + c.text;
    apply_rules(strip_bookmarks(text), row.line, true);
}

// Text without a label: an import rule of the template places it, or it goes on the long text
// just before it (a paragraph of 立项必要性, of a numbered narrative), or it is unplaced.
void Placer::unlabelled(const Item& item, bool text_row) {
    const std::string text = strip_bookmarks(item.text);
    if (apply_rules(text, item.line, false)) return;
    if (!continuation_.empty() && (text_row || continuation_.kind == Slot::Kind::Field)) {
        if (continuation_.kind == Slot::Kind::Field) {
            std::string& v = filing_.fields[continuation_.id];
            v += (v.empty() ? "" : "\n") + item.text;
        } else {
            std::string& v = table_of(continuation_.block).rows[continuation_.row].cells[continuation_.column];
            v += (v.empty() ? "" : "\n") + item.text;
        }
        return;
    }
    unplaced(item.line, item.text);
}

// The first rule of the template's import.values that takes the text. On the title row only
// rules with a pattern apply (a title is not "the text after a block").
bool Placer::apply_rules(const std::string& text, int line, bool title_only) {
    for (const auto& rule : spec_.import_spec.values) {
        if (title_only && rule.pattern.empty()) continue;
        const auto dot = rule.to.find('.');
        const std::string head = rule.to.substr(0, dot), id = rule.to.substr(dot + 1);
        Slot slot;
        if (head == "fields") {
            for (int b = 0; b < static_cast<int>(spec_.blocks.size()) && slot.empty(); ++b)
                for (int f = 0; f < static_cast<int>(spec_.blocks[b].fields.size()); ++f)
                    if (spec_.blocks[b].fields[f].id == id) slot = field_slot(b, f);
            if (slot.empty() || (filing_.fields.count(id) && !filing_.fields[id].empty())) continue;
        } else {
            // A column of a free-rows table: only while that table is read; starts a new row.
            const auto& blocks = spec_.blocks;
            auto b = std::find_if(blocks.begin(), blocks.end(), [&](const BlockSpec& s) { return s.id == head; });
            if (b == blocks.end() || b - blocks.begin() != block_) continue;
            auto c = std::find_if(b->columns.begin(), b->columns.end(), [&](const FieldSpec& f) { return f.id == id; });
            if (c == b->columns.end()) continue;
            slot = cell_slot(block_, -1, static_cast<int>(c - b->columns.begin()));
        }
        if (!rule.after.empty() && (block_ < 0 || spec_.blocks[block_].id != rule.after)) continue;
        std::optional<std::string> value = rule.pattern.empty() ? std::optional<std::string>(text) : match_pattern(text, rule.pattern, &budget_);
        if (!value) continue;
        put(slot, *value, line);
        if (slot.kind == Slot::Kind::Cell) {
            free_row_ = static_cast<int>(table_of(slot.block).rows.size()) - 1;
            slot.row = free_row_;
        }
        continuation_ = slot.longtext ? slot : Slot{};
        return true;
    }
    return false;
}

void Placer::unplaced(int line, const std::string& text) {
    if (!text.empty()) unplaced_.push_back({line, text});
}

}  // namespace formwork::io
