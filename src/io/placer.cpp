// The placer's row dispatch and its handling of labelled rows: header fields, fixed table
// rows, column heads, and labels whose values come on the next row (see placer.h).
#include "io/placer.h"

#include <algorithm>
#include <map>

#include "io/row_align.h"

namespace formwork::io {

Placer::Placer(const ImportTemplate& t, Filing& filing, std::vector<Unplaced>& unplaced, GridLayout layout)
    : spec_(*t.spec),
      index_(t.index),
      vocab_(t.vocab),
      budget_(t.budget),
      cell_kinds_(t.cell_kinds),
      filing_(filing),
      unplaced_(unplaced),
      reached_(spec_.blocks.size(), false),
      words_(layout == GridLayout::SpaceRows) {}

void Placer::row(const GridRow& row) {
    if (row.all_blank()) return;
    last_short_ = false;
    const bool in_table = mode_ == Mode::Indicators && !row.is_text;
    std::vector<Item> items = cell_items(row, index_, words_ ? (in_table ? Split::Tokens : Split::Words) : Split::Pairs);
    // Printed text the template says to ignore (sub-headings, unit notes) is consumed here.
    auto drop_ignored = [](std::vector<Item>& list) {
        std::erase_if(list, [](const Item& it) {
            return it.targets &&
                   std::all_of(it.targets->begin(), it.targets->end(), [](const LabelTarget& t) { return t.kind == LabelKind::Ignore; });
        });
    };
    drop_ignored(items);
    if (items.empty()) return;
    if (indicator_header(items, row)) return;
    if (words_ && in_table && has_place_label(items)) {  // the table ended: words between labels are one value again
        items = cell_items(row, index_, Split::Words);
        drop_ignored(items);
    }
    if (!has_place_label(items)) {
        if (in_table) return indicator_row(row, items);
        if (!pending_.empty()) return fill_pending(items);
        if (mode_ == Mode::FreeTable && !row.is_text) return free_row(row, items);
        for (const auto& item : items) unlabelled(item, row.is_text);
        return;
    }
    if (mode_ == Mode::Indicators) mode_ = Mode::None;
    labelled_row(items);
}

void Placer::finish() { flush_pending(); }

// The target a label item stands for here: one of a block, field, row or column, preferring
// the block being read (`context`), then a field over a row over a column over a block heading.
const LabelTarget* Placer::choose(const Item& item, int context) const {
    if (!item.targets) return nullptr;
    auto rank = [&](const LabelTarget& t) {
        static const std::map<LabelKind, int> order = {
            {LabelKind::Field, 0}, {LabelKind::Row, 1}, {LabelKind::Column, 2}, {LabelKind::Block, 3}};
        return (t.block == context ? 0 : 10) + order.at(t.kind);
    };
    const LabelTarget* best = nullptr;
    for (const auto& t : *item.targets)
        if (is_place_label(t.kind) && (!best || rank(t) < rank(*best))) best = &t;
    return best;
}

// True when the row names a block, field, row or column. Inside the indicator table a word of
// the level-1/level-2 vocabulary is an indicator cell even when a label spells the same.
bool Placer::has_place_label(const std::vector<Item>& items) const {
    return std::any_of(items.begin(), items.end(), [&](const Item& it) {
        if (!choose(it, block_)) return false;
        return mode_ != Mode::Indicators || !index_.is_level_word(it.key);
    });
}

void Placer::labelled_row(const std::vector<Item>& items) {
    flush_pending();
    continuation_ = {};
    std::vector<Segment> segments;
    bool row_has_values = false;
    int context = block_;  // a label read earlier in the row sets the context of the next
    for (const auto& item : items) {
        const LabelTarget* target = choose(item, context);
        if (target) context = target->block;
        if (!target) {
            row_has_values = true;
            if (segments.empty()) unlabelled(item, false);
            else segments.back().values.push_back(&item);
            continue;
        }
        // "财政拨款 | 小计": two cells naming one row, with no figure between, are one label.
        if (!segments.empty() && segments.back().values.empty() && target->kind == LabelKind::Row &&
            segments.back().target->kind == LabelKind::Row && segments.back().target->block == target->block &&
            segments.back().target->item == target->item)
            continue;
        segments.push_back({&item, target, {}});
    }
    // Suzhou prints 中期资金总额 | 450 | 年度资金总额 | 150 on one row: the k-th label of a
    // fixed row in a row fills the k-th column.
    std::map<std::pair<int, int>, int> occurrences, seen;
    for (const auto& s : segments)
        if (s.target->kind == LabelKind::Row) ++occurrences[{s.target->block, s.target->item}];
    for (const auto& s : segments) {
        switch (s.target->kind) {
            case LabelKind::Block:
                enter_block(s.target->block);
                for (const Item* v : s.values) unlabelled(*v, false);
                break;
            case LabelKind::Field: field_segment(s, row_has_values); break;
            case LabelKind::Row: {
                const std::pair<int, int> key{s.target->block, s.target->item};
                row_segment(s, seen[key]++, occurrences[key]);
                break;
            }
            case LabelKind::Column: column_segment(s, row_has_values); break;
            default: break;
        }
    }
}

void Placer::enter_block(int block) {
    reached_[block] = true;
    if (block == block_) return;
    block_ = block;
    const BlockSpec& b = spec_.blocks[block];
    column_pos_.assign(b.columns.size(), -1);
    free_row_ = -1;
    header_cells_ = 0;
    if (b.kind == BlockKind::Table) mode_ = b.fixed_rows() ? Mode::FixedTable : Mode::FreeTable;
    else mode_ = Mode::None;
}

void Placer::field_segment(const Segment& s, bool row_has_values) {
    enter_block(s.target->block);
    const Slot slot = field_slot(s.target->block, s.target->item);
    if (s.values.empty()) {
        // A row of labels only: the values are printed under them, on the next row.
        if (!row_has_values) pending_.push_back({slot, s.label->pos});
        else if (!is_filled(slot)) put(slot, "", s.label->line);
        return;
    }
    if (slot.longtext) {
        std::string text;
        for (const Item* v : s.values) text += (text.empty() ? "" : "\n") + v->text;
        put(slot, text, s.values.front()->line);
        continuation_ = slot;
        return;
    }
    put(slot, s.values.front()->text, s.values.front()->line);
    for (size_t i = 1; i < s.values.size(); ++i) unplaced(s.values[i]->line, s.values[i]->text);
}

void Placer::row_segment(const Segment& s, int occurrence, int occurrences) {
    enter_block(s.target->block);
    const BlockSpec& b = spec_.blocks[s.target->block];
    table_of(s.target->block);  // every fixed row exists once the table is seen
    const int columns = static_cast<int>(b.columns.size());
    std::vector<int> to(s.values.size(), -1);
    if (occurrences > 1) {
        if (!s.values.empty() && occurrence < columns) to[0] = occurrence;
    } else if (columns == 1) {
        if (!s.values.empty()) to[0] = 0;
    } else {
        std::vector<int> pos;
        for (const Item* v : s.values) pos.push_back(v->pos);
        std::vector<AlignRole> roles;
        for (int c = 0; c < columns; ++c) roles.push_back({column_pos_[c]});
        to = align_row(pos, roles, [](int, int) { return 0; });
    }
    for (size_t i = 0; i < s.values.size(); ++i) {
        if (to[i] < 0) unplaced(s.values[i]->line, s.values[i]->text);
        else put(cell_slot(s.target->block, s.target->item, to[i]), s.values[i]->text, s.values[i]->line);
    }
}

void Placer::column_segment(const Segment& s, bool row_has_values) {
    enter_block(s.target->block);
    const BlockSpec& b = spec_.blocks[s.target->block];
    const int column = s.target->item;
    if (b.kind == BlockKind::SpendingPlan) {
        const Slot slot = cell_slot(s.target->block, 0, column);
        if (s.values.empty() && !row_has_values) pending_.push_back({slot, s.label->pos});
        else put(slot, s.values.empty() ? std::string() : s.values.front()->text, s.label->line);
        for (size_t i = 1; i < s.values.size(); ++i) unplaced(s.values[i]->line, s.values[i]->text);
        return;
    }
    if (s.values.empty()) {  // a column head: where the column's figures are printed
        column_pos_[column] = s.label->pos;
        header_cells_ = std::max(header_cells_, s.label->pos + 1);
        return;
    }
    if (b.fixed_rows()) {
        for (const Item* v : s.values) unplaced(v->line, v->text);
        return;
    }
    // "绩效目标：…" inside a free-rows table: a cell of the row being filled.
    Slot slot = cell_slot(s.target->block, free_row_, column);
    if (free_row_ < 0 || is_filled(slot)) slot.row = -1;
    std::string text;
    for (const Item* v : s.values) text += (text.empty() ? "" : "\n") + v->text;
    put(slot, text, s.values.front()->line);
    free_row_ = static_cast<int>(table_of(s.target->block).rows.size()) - 1;
    if (slot.longtext) {
        continuation_ = slot;
        continuation_.row = free_row_;
    }
}

void Placer::fill_pending(const std::vector<Item>& values) {
    std::vector<int> pos;
    for (const auto& v : values) pos.push_back(v.pos);
    std::vector<AlignRole> roles;
    for (const auto& p : pending_) roles.push_back({p.pos});
    const std::vector<int> to = align_row(pos, roles, [](int, int) { return 0; });
    std::vector<bool> filled(pending_.size(), false);
    for (size_t i = 0; i < values.size(); ++i) {
        if (to[i] < 0) {
            unplaced(values[i].line, values[i].text);
            continue;
        }
        const Slot& slot = pending_[to[i]].slot;
        put(slot, values[i].text, values[i].line);
        filled[to[i]] = true;
        if (slot.longtext) continuation_ = slot;
    }
    for (size_t i = 0; i < pending_.size(); ++i)
        if (!filled[i] && !is_filled(pending_[i].slot)) put(pending_[i].slot, "", 0);
    pending_.clear();
}

// Labels whose next row brought no values: they were printed, and left blank.
void Placer::flush_pending() {
    for (const auto& p : pending_)
        if (!is_filled(p.slot)) put(p.slot, "", 0);
    pending_.clear();
}

}  // namespace formwork::io
