// The filing open in the shell: every edit goes through here, so each one is recorded as the
// cell changes it made (src/core/filing_cells.h) and can be undone and redone. Consecutive
// keystrokes in one field merge into one undo step. No ImGui here: the views call these
// functions, and tests drive them directly.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/filing.h"
#include "core/filing_cells.h"
#include "core/form_spec.h"

namespace formwork::ui {

class EditSession {
public:
    EditSession(Filing filing, std::shared_ptr<const FormSpec> spec);

    const Filing& filing() const { return filing_; }
    const FormSpec* spec() const { return spec_.get(); }
    std::shared_ptr<const FormSpec> spec_ptr() const { return spec_; }
    // A reloaded template: the content, history and unsaved state stay.
    void set_spec(std::shared_ptr<const FormSpec> spec) { spec_ = std::move(spec); ++version_; }

    // Edits. `merge_key` non-empty: merges with the previous step when that had the same key
    // (typing into one field); an empty key always starts a new step.
    void set_field(const std::string& field, const std::string& text, const std::string& merge_key = {});
    void set_cell(const std::string& table, size_t row, const std::string& column, const std::string& text,
                  const std::string& merge_key = {});
    void add_row(const std::string& table, size_t at);
    void remove_row(const std::string& table, size_t row);
    void move_row(const std::string& table, size_t row, int delta);
    void set_indicator(size_t index, const Indicator& value, const std::string& merge_key = {});
    void add_indicator(size_t at, Indicator value);
    void remove_indicator(size_t index);
    // Any number of changes as one undo step (a paste, a fill, a cleared block).
    void edit_together(const std::function<void(Filing&)>& mutate);
    // Makes sure a fixed-rows table has one row per template row (a new filing's tables).
    void ensure_fixed_rows();

    bool can_undo() const { return undo_pos_ > 0; }
    bool can_redo() const { return undo_pos_ < steps_.size(); }
    bool undo();
    bool redo();
    // Ends the current merge (e.g. when a field loses focus).
    void end_merge() { merge_open_ = false; }

    // Unsaved changes since the last mark_saved().
    bool dirty() const { return never_saved_ || saved_cells_ != cells_; }
    void mark_saved(std::int64_t id);
    // The stored revision the edits are based on (what a save carries, to detect another save).
    void set_revision(std::int64_t revision) { filing_.revision = revision; }
    // Increases with every change (edit, undo, redo), so views can re-check only when it moves.
    std::uint64_t version() const { return version_; }
    // The paths changed by the last change; for tests and markers.
    const std::vector<CellChange>& last_changes() const { return last_changes_; }

    // Replaces the content (a restored revision or draft) as one undoable step.
    void replace_content(const Filing& content);

private:
    template <class F>
    void edit(const std::string& merge_key, F mutate);
    void apply(const std::vector<CellChange>& changes, bool forward);

    struct Step {
        std::vector<CellChange> changes;
        std::string merge_key;
    };

    Filing filing_;
    std::shared_ptr<const FormSpec> spec_;
    FilingCells cells_;
    FilingCells saved_cells_;
    bool never_saved_ = false;  // a new filing is unsaved even while empty
    std::vector<Step> steps_;
    size_t undo_pos_ = 0;
    bool merge_open_ = false;
    std::uint64_t version_ = 0;
    std::vector<CellChange> last_changes_;
};

}  // namespace formwork::ui
