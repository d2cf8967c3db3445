// A block as a grid of text cells (see grid_model.h).
#include "ui/grid_model.h"

#include <algorithm>

#include "core/money_text.h"
#include "core/sums.h"
#include "core/value_rules.h"

namespace formwork::ui {

GridRange GridRange::of(size_t row_a, size_t col_a, size_t row_b, size_t col_b) {
    return {std::min(row_a, row_b), std::min(col_a, col_b), std::max(row_a, row_b), std::max(col_a, col_b)};
}

std::optional<GridModel> GridModel::of(const BlockSpec& block, const FormSpec& form) {
    GridModel g;
    g.block_id_ = block.id;
    g.kind_ = block.kind;
    g.money_unit_ = block.unit.empty() ? form.money_unit : block.unit;
    switch (block.kind) {
        case BlockKind::Fields: return std::nullopt;
        case BlockKind::Table:
            for (const auto& c : block.columns) g.columns_.push_back({c.id, c.label, c.kind});
            g.fixed_rows_ = block.rows.size();
            g.grows_ = !block.fixed_rows();
            break;
        case BlockKind::SpendingPlan:
            for (const auto& c : block.columns) g.columns_.push_back({c.id, c.label, ValueKind::Percent});
            g.fixed_rows_ = 1;
            break;
        case BlockKind::Indicators: {
            const IndicatorsSpec& s = block.indicators;
            // The level columns have no label in the template: the view names them in its language.
            g.columns_.push_back({"l1", "", ValueKind::Text});
            g.columns_.push_back({"l2", "", ValueKind::Text});
            g.columns_.push_back({"name", "", ValueKind::Text});
            for (const auto& p : s.periods) g.columns_.push_back({"t/" + p.id, p.label, ValueKind::Target});
            for (const auto& x : s.extra) g.columns_.push_back({"x/" + x.id, x.label, x.kind});
            g.grows_ = true;
            break;
        }
    }
    return g;
}

size_t GridModel::rows(const Filing& f) const {
    if (kind_ == BlockKind::Indicators) return f.indicators.size();
    if (!grows_) return fixed_rows_;
    const Table* t = f.find_table(block_id_);
    return t ? t->rows.size() : 0;
}

std::string GridModel::text(const Filing& f, size_t row, size_t col) const {
    if (col >= columns_.size()) return {};
    const std::string& id = columns_[col].id;
    if (kind_ == BlockKind::Indicators) {
        if (row >= f.indicators.size()) return {};
        const Indicator& ind = f.indicators[row];
        if (id == "l1") return ind.level1;
        if (id == "l2") return ind.level2;
        if (id == "name") return ind.name;
        const auto& map = id[0] == 't' ? ind.targets : ind.extra;
        auto it = map.find(id.substr(2));
        return it == map.end() ? std::string() : it->second;
    }
    const Table* t = f.find_table(block_id_);
    return t && row < t->rows.size() ? t->rows[row].cell(id) : std::string();
}

std::string GridModel::path(size_t row, size_t col) const {
    const std::string& id = col < columns_.size() ? columns_[col].id : std::string();
    if (kind_ == BlockKind::Indicators) return "i/" + std::to_string(row) + "/" + id;
    return "t/" + block_id_ + "/" + std::to_string(row) + "/" + id;
}

void GridModel::set(Filing& f, size_t row, size_t col, const std::string& text) const {
    if (col >= columns_.size()) return;
    const std::string& id = columns_[col].id;
    if (kind_ == BlockKind::Indicators) {
        if (f.indicators.size() <= row) f.indicators.resize(row + 1);
        Indicator& ind = f.indicators[row];
        if (id == "l1") ind.level1 = text;
        else if (id == "l2") ind.level2 = text;
        else if (id == "name") ind.name = text;
        else (id[0] == 't' ? ind.targets : ind.extra)[id.substr(2)] = text;
        return;
    }
    Table& t = f.table(block_id_);
    if (t.rows.size() <= row) t.rows.resize(row + 1);
    t.rows[row].cells[id] = text;
}

io::CellBlock GridModel::copy(const Filing& f, const GridRange& range) const {
    io::CellBlock block;
    for (size_t r = range.top; r <= range.bottom; ++r) {
        std::vector<std::string> row;
        for (size_t c = range.left; c <= range.right && c < columns_.size(); ++c) row.push_back(text(f, r, c));
        block.push_back(std::move(row));
    }
    return block;
}

std::optional<CellRefusal::Reason> GridModel::validate(size_t col, std::string& text, std::string* conversion) const {
    const ValueKind kind = columns_[col].kind;
    if (accepts(kind, text)) return std::nullopt;
    if (kind == ValueKind::Money) {
        // Money written with its unit, as people type and copy it ("250万", "2,500元").
        try {
            if (auto m = read_money(text, money_unit_); m && m->converted() && m->remark.empty()) {
                const std::string converted = m->value.to_string();
                if (conversion) *conversion = text + " → " + converted;
                text = converted;
                return std::nullopt;
            }
        } catch (const std::exception&) {
        }
        return CellRefusal::Reason::NotANumber;
    }
    if (kind == ValueKind::Integer) return CellRefusal::Reason::NotAWholeNumber;
    return CellRefusal::Reason::NotAPercent;
}

GridEdit GridModel::paste(const Filing& f, const GridRange& selection, const io::CellBlock& block) const {
    GridEdit edit;
    if (block.empty()) return edit;
    const size_t have = rows(f);
    auto put = [&](size_t r, size_t c, std::string value) {
        if (c >= columns_.size()) {
            edit.refused.push_back({r, c, value, CellRefusal::Reason::BeyondLastColumn});
            return;
        }
        if (r >= have && !grows_) {
            edit.refused.push_back({r, c, value, CellRefusal::Reason::BeyondLastRow});
            return;
        }
        std::string conversion;
        if (auto why = validate(c, value, &conversion)) {
            edit.refused.push_back({r, c, value, *why});
            return;
        }
        if (!conversion.empty()) edit.converted.push_back(conversion);
        edit.writes.push_back({r, c, std::move(value)});
    };
    const bool one_value = block.size() == 1 && block[0].size() == 1;
    if (one_value && (selection.rows() > 1 || selection.columns() > 1)) {
        for (size_t r = selection.top; r <= selection.bottom; ++r)
            for (size_t c = selection.left; c <= selection.right; ++c) put(r, c, block[0][0]);
        return edit;
    }
    for (size_t i = 0; i < block.size(); ++i)
        for (size_t j = 0; j < block[i].size(); ++j) put(selection.top + i, selection.left + j, block[i][j]);
    return edit;
}

GridEdit GridModel::fill_down(const Filing& f, const GridRange& selection) const {
    GridEdit edit;
    const size_t have = rows(f);
    if (selection.top >= have) return edit;
    const bool one_row = selection.rows() == 1;
    if (one_row && selection.top == 0) return edit;
    const size_t source = one_row ? selection.top - 1 : selection.top;
    const size_t first = one_row ? selection.top : selection.top + 1;
    for (size_t r = first; r <= selection.bottom && r < have; ++r)
        for (size_t c = selection.left; c <= selection.right && c < columns_.size(); ++c)
            edit.writes.push_back({r, c, text(f, source, c)});
    return edit;
}

GridEdit GridModel::clear(const Filing& f, const GridRange& range) const {
    GridEdit edit;
    const size_t have = rows(f);
    for (size_t r = range.top; r <= range.bottom && r < have; ++r)
        for (size_t c = range.left; c <= range.right && c < columns_.size(); ++c)
            if (!text(f, r, c).empty()) edit.writes.push_back({r, c, {}});
    return edit;
}

}  // namespace formwork::ui
