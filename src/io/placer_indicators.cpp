// The indicator table (see placer.h): its header row gives each column a role (level 1,
// level 2, level 3, a period's target, an extra column, or a repeat of level 2/3 when two
// periods are printed side by side as two halves); each row is realigned to those roles by
// content, and a level-1/level-2 written only on the first row of its group carries down.
#include <algorithm>

#include "io/label_text.h"
#include "io/placer.h"
#include "core/sums.h"
#include "io/row_align.h"

namespace formwork::io {

namespace {

// Costs of a cell's content in each role (row_align.h). A word of the level vocabulary belongs
// in its level column; a target value in a target column; the level-3 name is free text.
constexpr int kMisfit = 50;      // a level-1 word in the level-2 column and the like
constexpr int kValueAsLevel = 30;  // a target value in a level column
constexpr int kStranger = 12;    // other text in a level column (a category the template lacks)
constexpr int kValueAsName = 6;  // a figure or grade in the name column

}  // namespace

bool Placer::indicator_header(const std::vector<Item>& items, const GridRow& row) {
    int heads = 0, columns = 0, block = -1;
    for (const auto& it : items) {
        if (!it.targets) continue;
        for (const auto& t : *it.targets) {
            if (t.kind == LabelKind::LevelHead) ++heads, block = t.block;
        }
        if (it.has(LabelKind::LevelHead) || it.has(LabelKind::Period) || it.has(LabelKind::Extra)) ++columns;
    }
    if (heads == 0 || columns < 2) return false;
    flush_pending();
    continuation_ = {};
    enter_block(block);
    mode_ = Mode::Indicators;
    const IndicatorsSpec& ind = spec_.blocks[block].indicators;
    roles_.clear();
    std::vector<bool> period_used(ind.periods.size(), false), extra_used(ind.extra.size(), false);
    auto has_role = [&](Role::Kind k) { return std::any_of(roles_.begin(), roles_.end(), [&](const Role& r) { return r.kind == k; }); };
    for (const auto& it : items) {
        const auto target = [&](LabelKind kind) -> const LabelTarget* {
            if (!it.targets) return nullptr;
            for (const auto& t : *it.targets)
                if (t.kind == kind && t.block == block) {
                    if (kind == LabelKind::Period && period_used[t.item]) continue;
                    if (kind == LabelKind::Extra && extra_used[t.item]) continue;
                    return &t;
                }
            return nullptr;
        };
        if (target(LabelKind::LevelHead)) {
            // One head may name several levels ("项目" over a column holding all three).
            static constexpr Role::Kind first[] = {Role::Kind::Level1, Role::Kind::Level2, Role::Kind::Name};
            static constexpr Role::Kind again[] = {Role::Kind::Level1, Role::Kind::Level2Again, Role::Kind::NameAgain};
            std::vector<int> levels;
            for (const auto& t : *it.targets)
                if (t.kind == LabelKind::LevelHead && t.block == block) levels.push_back(t.item);
            std::sort(levels.begin(), levels.end());
            levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
            for (int level : levels) {
                const Role::Kind k = has_role(first[level]) ? again[level] : first[level];
                if (k == Role::Kind::Level1 && has_role(k)) unplaced(it.line, it.text);
                else roles_.push_back({k, -1, words_ ? -1 : it.pos});
            }
        } else if (const LabelTarget* p = target(LabelKind::Period)) {
            period_used[p->item] = true;
            roles_.push_back({Role::Kind::Period, p->item, words_ ? -1 : it.pos});
        } else if (const LabelTarget* x = target(LabelKind::Extra)) {
            extra_used[x->item] = true;
            roles_.push_back({Role::Kind::Extra, x->item, words_ ? -1 : it.pos});
        } else if (!it.has(LabelKind::Block)) {
            unplaced(it.line, it.text);  // a column this template does not know
        }
    }
    level1_.clear();
    level2_.clear();
    last_roles_.clear();
    header_cells_ = words_ ? 0 : static_cast<int>(row.cells.size());
    return true;
}

Placer::CellFacts Placer::facts_of(const std::string& text) const {
    if (auto it = cell_kinds_.find(text); it != cell_kinds_.end())
        return {&text, it->second.level1, it->second.level2, it->second.kind};
    const std::string key = normalize_label(text);
    const ImportTemplate::CellKinds kinds{index_.is_level1(key), index_.is_level2(key), parse_target(text, vocab_).kind};
    if (cell_kinds_.size() < ImportTemplate::kMaxCellKinds && text.size() <= 256) cell_kinds_.emplace(text, kinds);
    return {&text, kinds.level1, kinds.level2, kinds.kind};
}

int Placer::indicator_fit(const CellFacts& cell, const Role& role) const {
    const std::string& text = *cell.text;
    const bool l1 = cell.level1, l2 = cell.level2;
    const auto stranger = [&] {
        const TargetKind k = cell.kind;
        return k == TargetKind::Numeric || k == TargetKind::Grade ? kValueAsLevel : kStranger;
    };
    switch (role.kind) {
        case Role::Kind::Level1: return l1 ? 0 : l2 ? kMisfit : stranger();
        case Role::Kind::Level2:
        case Role::Kind::Level2Again: return l2 ? 0 : l1 ? kMisfit : stranger();
        case Role::Kind::Name:
        case Role::Kind::NameAgain: {
            if (l1) return kMisfit;
            if (l2) return 2;
            const TargetKind k = cell.kind;
            if (k == TargetKind::Placeholder) return 1;  // "不适用", "……" stand for a missing indicator
            return k == TargetKind::Numeric || k == TargetKind::Grade ? kValueAsName : 0;
        }
        case Role::Kind::Period: {
            if (l1 || l2) return 30;
            return cell.kind == TargetKind::Unparsed ? 2 : 0;
        }
        case Role::Kind::Extra: {
            if (l1 || l2) return 30;
            // The column's kind says what it holds: 定性/定量 in an enum, a weight in an integer.
            const FieldSpec& column = spec_.blocks[block_].indicators.extra[role.index];
            switch (column.kind) {
                case ValueKind::Enum:
                    return std::find(column.options.begin(), column.options.end(), text) != column.options.end() ? 0 : 8;
                case ValueKind::Integer:
                case ValueKind::Money:
                case ValueKind::Percent: return parse_amount(text) ? 0 : 8;
                case ValueKind::Target: return cell.kind == TargetKind::Unparsed ? 2 : 0;
                default: return 1;
            }
        }
    }
    return 0;
}

// A figure alone on its line under an indicator whose last columns are empty: the cell wrapped
// onto the next line ("食品安全整体状况 定性 高中低" / "10"), not a new indicator.
bool Placer::continue_last_indicator(const std::string& text, int line) {
    if (filing_.indicators.empty() || last_roles_.size() != roles_.size()) return false;
    const CellFacts facts = facts_of(text);
    if (facts.kind != TargetKind::Numeric) return false;
    int last = -1;
    for (int r = 0; r < static_cast<int>(last_roles_.size()); ++r)
        if (last_roles_[r]) last = r;
    int best = -1, best_cost = 10;
    for (int r = last + 1; r < static_cast<int>(roles_.size()); ++r) {
        const Role& role = roles_[r];
        if (role.kind != Role::Kind::Period && role.kind != Role::Kind::Extra) continue;
        const int cost = indicator_fit(facts, role);
        if (cost < best_cost) best = r, best_cost = cost;
    }
    if (best < 0) return false;
    Indicator& ind = filing_.indicators.back();
    const IndicatorsSpec& spec = spec_.blocks[block_].indicators;
    const Role& role = roles_[best];
    if (role.kind == Role::Kind::Period) ind.targets[spec.periods[role.index].id] = text;
    else ind.extra[spec.extra[role.index].id] = text;
    last_roles_[best] = true;
    (void)line;
    return true;
}

void Placer::indicator_row(const GridRow& row, const std::vector<Item>& items) {
    // The row's pieces: its cells, or in a space-separated layout its words.
    struct Piece {
        int pos;
        int line;
        std::string text;
    };
    std::vector<Piece> pieces;
    if (!words_) {
        for (int i = 0; i < static_cast<int>(row.cells.size()); ++i)
            if (!row.cells[i].text.empty()) pieces.push_back({i, row.cells[i].line, row.cells[i].text});
    } else {
        for (const Item& it : items) pieces.push_back({it.pos, it.line, it.text});
        // More words than the columns that take text: a name written with spaces. Its words
        // are put back together, as printed.
        int text_roles = 0;
        for (const Role& r : roles_)
            text_roles += r.kind != Role::Kind::Level1 && r.kind != Role::Kind::Level2 && r.kind != Role::Kind::Level2Again;
        std::size_t first = 0;
        while (first < items.size() && index_.is_level_word(items[first].key)) ++first;
        const int words = static_cast<int>(items.size() - first);
        if (words > text_roles && text_roles > 0 && !row.cells.empty()) {
            const std::size_t last = first + static_cast<std::size_t>(words - text_roles);
            const std::string& line_text = row.cells.front().text;
            Piece merged{items[first].pos, items[first].line,
                         line_text.substr(items[first].begin, items[last].end - items[first].begin)};
            pieces.erase(pieces.begin() + static_cast<long>(first), pieces.begin() + static_cast<long>(last) + 1);
            pieces.insert(pieces.begin() + static_cast<long>(first), std::move(merged));
        }
        if (pieces.size() == 1 && !index_.is_level_word(normalize_label(pieces.front().text)) &&
            continue_last_indicator(pieces.front().text, pieces.front().line))
            return;
    }
    std::vector<int> pos;
    for (const auto& p : pieces) pos.push_back(p.pos);
    std::vector<AlignRole> roles;
    for (const auto& r : roles_) roles.push_back({r.pos});
    std::vector<CellFacts> facts;
    for (const auto& p : pieces) facts.push_back(facts_of(p.text));
    const std::vector<int> to = align_row(pos, roles, [&](int c, int r) { return indicator_fit(facts[c], roles_[r]); });

    const IndicatorsSpec& ind = spec_.blocks[block_].indicators;
    Indicator out;
    for (const auto& p : ind.periods) out.targets[p.id] = "";
    for (const auto& x : ind.extra) out.extra[x.id] = "";
    std::string l1, l2, l2_again, name;
    const Piece* l2_again_cell = nullptr;
    const Piece* name_again_cell = nullptr;
    last_roles_.assign(roles_.size(), false);
    for (size_t i = 0; i < pieces.size(); ++i) {
        if (to[i] < 0) {
            unplaced(pieces[i].line, pieces[i].text);
            continue;
        }
        last_roles_[to[i]] = true;
        const Role& role = roles_[to[i]];
        const std::string& text = pieces[i].text;
        switch (role.kind) {
            case Role::Kind::Level1: l1 = text; break;
            case Role::Kind::Level2: l2 = text; break;
            case Role::Kind::Name: name = text; break;
            case Role::Kind::Period: out.targets[ind.periods[role.index].id] = text; break;
            case Role::Kind::Extra: out.extra[ind.extra[role.index].id] = text; break;
            case Role::Kind::Level2Again: l2_again = text, l2_again_cell = &pieces[i]; break;
            case Role::Kind::NameAgain: name_again_cell = &pieces[i]; break;
        }
    }
    // The second half repeats level 2 and the name; when it says something else, keep it as
    // unplaced so that nothing is lost.
    if (l2.empty()) l2 = l2_again;
    else if (l2_again_cell && normalize_label(l2_again) != normalize_label(l2)) unplaced(l2_again_cell->line, l2_again);
    if (name_again_cell) {
        if (name.empty()) name = name_again_cell->text;
        else if (normalize_label(name_again_cell->text) != normalize_label(name)) unplaced(name_again_cell->line, name_again_cell->text);
    }
    if (!l1.empty()) level1_ = l1, level2_.clear();
    if (!l2.empty()) level2_ = l2;
    out.level1 = level1_;
    out.level2 = level2_;
    out.name = name;
    filing_.indicators.push_back(std::move(out));
    reached_[block_] = true;
    last_short_ = !words_ && static_cast<int>(row.cells.size()) < header_cells_;
}

}  // namespace formwork::io
