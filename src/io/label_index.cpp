// Building the label look-up of one template (see label_index.h).
#include "io/label_index.h"

#include <algorithm>

#include "io/label_text.h"

namespace formwork::io {

LabelIndex::LabelIndex(const FormSpec& spec) {
    for (int b = 0; b < static_cast<int>(spec.blocks.size()); ++b) {
        const BlockSpec& block = spec.blocks[b];
        add_all(block.label, block.aliases, {LabelKind::Block, b});
        for (int i = 0; i < static_cast<int>(block.fields.size()); ++i)
            add_all(block.fields[i].label, block.fields[i].aliases, {LabelKind::Field, b, i});
        for (int i = 0; i < static_cast<int>(block.rows.size()); ++i)
            add_all(block.rows[i].label, block.rows[i].aliases, {LabelKind::Row, b, i});
        for (int i = 0; i < static_cast<int>(block.columns.size()); ++i)
            add_all(block.columns[i].label, block.columns[i].aliases, {LabelKind::Column, b, i});
        if (block.kind != BlockKind::Indicators) continue;
        const IndicatorsSpec& ind = block.indicators;
        for (int i = 0; i < static_cast<int>(ind.periods.size()); ++i)
            add_all(ind.periods[i].label, ind.periods[i].aliases, {LabelKind::Period, b, i});
        for (int i = 0; i < static_cast<int>(ind.extra.size()); ++i)
            add_all(ind.extra[i].label, ind.extra[i].aliases, {LabelKind::Extra, b, i});
        for (int i = 0; i < static_cast<int>(spec.import_spec.level_head_aliases.size()); ++i)
            for (const auto& head : spec.import_spec.level_head_aliases[i]) add(head, {LabelKind::LevelHead, b, i});
        for (int i = 0; i < static_cast<int>(ind.tree.size()); ++i) {
            add_all(ind.tree[i].name, ind.tree[i].aliases, {LabelKind::Level1, b, i});
            for (int k = 0; k < static_cast<int>(ind.tree[i].level2.size()); ++k)
                add_all(ind.tree[i].level2[k].name, ind.tree[i].level2[k].aliases, {LabelKind::Level2, b, i, k});
        }
    }
    for (const auto& text : spec.import_spec.ignore) add(text, {LabelKind::Ignore});
}

void LabelIndex::add(const std::string& text, LabelTarget target) {
    const std::string key = normalize_label(text);
    if (key.empty()) return;
    auto& targets = map_[key];
    const bool duplicate = std::any_of(targets.begin(), targets.end(), [&](const LabelTarget& t) {
        return t.kind == target.kind && t.block == target.block && t.item == target.item && t.sub == target.sub;
    });
    if (duplicate) return;
    if (target.kind != LabelKind::Ignore && std::none_of(targets.begin(), targets.end(), [](const LabelTarget& t) {
            return t.kind != LabelKind::Ignore;
        }))
        ++label_count_;
    targets.push_back(target);
}

void LabelIndex::add_all(const std::string& label, const std::vector<std::string>& aliases, LabelTarget target) {
    add(label, target);
    for (const auto& a : aliases) add(a, target);
}

const std::vector<LabelTarget>* LabelIndex::find(const std::string& key) const {
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second;
}

namespace {
bool has_kind(const std::vector<LabelTarget>* targets, LabelKind kind) {
    return targets && std::any_of(targets->begin(), targets->end(), [&](const LabelTarget& t) { return t.kind == kind; });
}
}  // namespace

bool LabelIndex::is_level1(const std::string& key) const { return has_kind(find(key), LabelKind::Level1); }
bool LabelIndex::is_level2(const std::string& key) const { return has_kind(find(key), LabelKind::Level2); }
bool LabelIndex::is_level_word(const std::string& key) const { return is_level1(key) || is_level2(key); }

}  // namespace formwork::io
