// The indicator table (see placer.h): its header row gives each column a role (level 1,
// level 2, level 3, a period's target, an extra column, or a repeat of level 2/3 when two
// periods are printed side by side as two halves); each row is realigned to those roles by
// content, and a level-1/level-2 written only on the first row of its group carries down.
#include <algorithm>

#include "io/label_text.h"
#include "io/placer.h"
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
        if (const LabelTarget* t = target(LabelKind::LevelHead)) {
            static constexpr Role::Kind first[] = {Role::Kind::Level1, Role::Kind::Level2, Role::Kind::Name};
            static constexpr Role::Kind again[] = {Role::Kind::Level1, Role::Kind::Level2Again, Role::Kind::NameAgain};
            const Role::Kind k = has_role(first[t->item]) ? again[t->item] : first[t->item];
            if (k == Role::Kind::Level1 && has_role(k)) unplaced(it.line, it.text);
            else roles_.push_back({k, -1, it.pos});
        } else if (const LabelTarget* p = target(LabelKind::Period)) {
            period_used[p->item] = true;
            roles_.push_back({Role::Kind::Period, p->item, it.pos});
        } else if (const LabelTarget* x = target(LabelKind::Extra)) {
            extra_used[x->item] = true;
            roles_.push_back({Role::Kind::Extra, x->item, it.pos});
        } else if (!it.has(LabelKind::Block)) {
            unplaced(it.line, it.text);  // a column this template does not know
        }
    }
    level1_.clear();
    level2_.clear();
    header_cells_ = static_cast<int>(row.cells.size());
    return true;
}

int Placer::indicator_fit(const std::string& text, const Role& role) const {
    const std::string key = normalize_label(text);
    const bool l1 = index_.is_level1(key), l2 = index_.is_level2(key);
    const auto stranger = [&] {
        const TargetKind k = parse_target(text, vocab_).kind;
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
            const TargetKind k = parse_target(text, vocab_).kind;
            if (k == TargetKind::Placeholder) return 1;  // "不适用", "……" stand for a missing indicator
            return k == TargetKind::Numeric || k == TargetKind::Grade ? kValueAsName : 0;
        }
        case Role::Kind::Period: {
            if (l1 || l2) return 30;
            return parse_target(text, vocab_).kind == TargetKind::Unparsed ? 2 : 0;
        }
        case Role::Kind::Extra: return l1 || l2 ? 30 : 1;
    }
    return 0;
}

void Placer::indicator_row(const GridRow& row) {
    std::vector<int> pos;
    std::vector<const GridCell*> cells;
    for (int i = 0; i < static_cast<int>(row.cells.size()); ++i)
        if (!row.cells[i].text.empty()) pos.push_back(i), cells.push_back(&row.cells[i]);
    std::vector<AlignRole> roles;
    for (const auto& r : roles_) roles.push_back({r.pos});
    const std::vector<int> to = align_row(pos, roles, [&](int c, int r) { return indicator_fit(cells[c]->text, roles_[r]); });

    const IndicatorsSpec& ind = spec_.blocks[block_].indicators;
    Indicator out;
    for (const auto& p : ind.periods) out.targets[p.id] = "";
    for (const auto& x : ind.extra) out.extra[x.id] = "";
    std::string l1, l2, l2_again, name;
    const GridCell* l2_again_cell = nullptr;
    const GridCell* name_again_cell = nullptr;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (to[i] < 0) {
            unplaced(cells[i]->line, cells[i]->text);
            continue;
        }
        const Role& role = roles_[to[i]];
        const std::string& text = cells[i]->text;
        switch (role.kind) {
            case Role::Kind::Level1: l1 = text; break;
            case Role::Kind::Level2: l2 = text; break;
            case Role::Kind::Name: name = text; break;
            case Role::Kind::Period: out.targets[ind.periods[role.index].id] = text; break;
            case Role::Kind::Extra: out.extra[ind.extra[role.index].id] = text; break;
            case Role::Kind::Level2Again: l2_again = text, l2_again_cell = cells[i]; break;
            case Role::Kind::NameAgain: name_again_cell = cells[i]; break;
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
    last_short_ = static_cast<int>(row.cells.size()) < header_cells_;
}

}  // namespace formwork::io
