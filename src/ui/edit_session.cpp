// Edits with undo/redo over cell changes (see edit_session.h).
#include "ui/edit_session.h"

#include <algorithm>

namespace formwork::ui {

EditSession::EditSession(Filing filing, std::shared_ptr<const FormSpec> spec)
    : filing_(std::move(filing)), spec_(std::move(spec)) {
    cells_ = to_cells(filing_);
    saved_cells_ = cells_;
    never_saved_ = filing_.id == 0;
}

template <class F>
void EditSession::edit(const std::string& merge_key, F mutate) {
    mutate(filing_);
    FilingCells after = to_cells(filing_);
    std::vector<CellChange> changes = diff_cells(cells_, after);
    cells_ = std::move(after);
    if (changes.empty()) return;
    last_changes_ = changes;
    ++version_;
    steps_.resize(undo_pos_);  // an edit after undo drops the redo steps
    if (merge_open_ && !merge_key.empty() && !steps_.empty() && steps_.back().merge_key == merge_key) {
        // Merge: keep each path's oldest "old" and newest "new".
        auto& prev = steps_.back().changes;
        for (auto& c : changes) {
            auto it = std::find_if(prev.begin(), prev.end(), [&](const CellChange& p) { return p.path == c.path; });
            if (it == prev.end()) {
                prev.push_back(c);
            } else {
                it->has_new = c.has_new;
                it->new_text = c.new_text;
            }
        }
        prev.erase(std::remove_if(prev.begin(), prev.end(),
                                  [](const CellChange& p) { return p.had_old == p.has_new && p.old_text == p.new_text; }),
                   prev.end());
    } else {
        steps_.push_back({std::move(changes), merge_key});
    }
    undo_pos_ = steps_.size();
    merge_open_ = !merge_key.empty();
}

void EditSession::apply(const std::vector<CellChange>& changes, bool forward) {
    for (const auto& c : changes) {
        const bool present = forward ? c.has_new : c.had_old;
        if (present) cells_[c.path] = forward ? c.new_text : c.old_text;
        else cells_.erase(c.path);
    }
    Filing rebuilt = from_cells(cells_);
    rebuilt.id = filing_.id;
    rebuilt.template_id = filing_.template_id;
    rebuilt.template_version = filing_.template_version;
    filing_ = std::move(rebuilt);
    last_changes_ = changes;
    ++version_;
    merge_open_ = false;
}

bool EditSession::undo() {
    if (!can_undo()) return false;
    apply(steps_[--undo_pos_].changes, false);
    return true;
}

bool EditSession::redo() {
    if (!can_redo()) return false;
    apply(steps_[undo_pos_++].changes, true);
    return true;
}

void EditSession::mark_saved(std::int64_t id) {
    filing_.id = id;
    saved_cells_ = cells_;
    never_saved_ = false;
    merge_open_ = false;
}

void EditSession::set_field(const std::string& field, const std::string& text, const std::string& merge_key) {
    edit(merge_key, [&](Filing& f) { f.fields[field] = text; });
}

void EditSession::set_cell(const std::string& table, size_t row, const std::string& column, const std::string& text,
                           const std::string& merge_key) {
    edit(merge_key, [&](Filing& f) {
        Table& t = f.table(table);
        if (t.rows.size() <= row) t.rows.resize(row + 1);
        t.rows[row].cells[column] = text;
    });
}

void EditSession::add_row(const std::string& table, size_t at) {
    edit({}, [&](Filing& f) {
        Table& t = f.table(table);
        t.rows.insert(t.rows.begin() + static_cast<long>(std::min(at, t.rows.size())), TableRow{});
    });
}

void EditSession::remove_row(const std::string& table, size_t row) {
    edit({}, [&](Filing& f) {
        Table& t = f.table(table);
        if (row < t.rows.size()) t.rows.erase(t.rows.begin() + static_cast<long>(row));
    });
}

void EditSession::move_row(const std::string& table, size_t row, int delta) {
    edit({}, [&](Filing& f) {
        Table& t = f.table(table);
        const long to = static_cast<long>(row) + delta;
        if (row < t.rows.size() && to >= 0 && to < static_cast<long>(t.rows.size()))
            std::swap(t.rows[row], t.rows[static_cast<size_t>(to)]);
    });
}

void EditSession::set_indicator(size_t index, const Indicator& value, const std::string& merge_key) {
    edit(merge_key, [&](Filing& f) {
        if (index < f.indicators.size()) f.indicators[index] = value;
    });
}

void EditSession::add_indicator(size_t at, Indicator value) {
    edit({}, [&](Filing& f) {
        f.indicators.insert(f.indicators.begin() + static_cast<long>(std::min(at, f.indicators.size())), std::move(value));
    });
}

void EditSession::remove_indicator(size_t index) {
    edit({}, [&](Filing& f) {
        if (index < f.indicators.size()) f.indicators.erase(f.indicators.begin() + static_cast<long>(index));
    });
}

void EditSession::edit_together(const std::function<void(Filing&)>& mutate) {
    edit({}, [&](Filing& f) { mutate(f); });
}

void EditSession::ensure_fixed_rows() {
    if (!spec_) return;
    edit({}, [&](Filing& f) {
        for (const auto& b : spec_->blocks) {
            if (b.kind == BlockKind::Table && b.fixed_rows()) {
                Table& t = f.table(b.id);
                if (t.rows.size() < b.rows.size()) t.rows.resize(b.rows.size());
            } else if (b.kind == BlockKind::SpendingPlan) {
                Table& t = f.table(b.id);
                if (t.rows.empty()) t.rows.resize(1);
            }
        }
    });
    // Setting up a new filing's shape is not an edit the user should undo.
    steps_.clear();
    undo_pos_ = 0;
}

void EditSession::replace_content(const Filing& content) {
    edit({}, [&](Filing& f) {
        f.fields = content.fields;
        f.tables = content.tables;
        f.indicators = content.indicators;
        f.notes = content.notes;
    });
}

}  // namespace formwork::ui
