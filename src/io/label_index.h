// Every label a template prints, by comparison key (normalize_label): block labels, header
// fields, fixed rows, table columns, indicator heads and columns, the level-1/level-2
// vocabulary and the texts to ignore, each with what it names. The importer's one look-up.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/form_spec.h"

namespace formwork::io {

enum class LabelKind {
    Block,      // item = -1
    Field,      // item = field index in the block
    Row,        // item = row index of a fixed-rows table
    Column,     // item = column index of a table or point index of a spending plan
    Period,     // item = period index of an indicators block
    Extra,      // item = extra column index
    LevelHead,  // item = 0, 1, 2: the level-1, level-2, level-3 column
    Level1,     // item = index in the tree
    Level2,     // item = level-1 index, sub = index under it
    Ignore,
};

struct LabelTarget {
    LabelKind kind = LabelKind::Ignore;
    int block = -1;  // index into FormSpec::blocks (-1 for Ignore)
    int item = -1;
    int sub = -1;
};

class LabelIndex {
public:
    explicit LabelIndex(const FormSpec& spec);

    // What a (normalised) label names; nullptr when nothing.
    const std::vector<LabelTarget>* find(const std::string& key) const;

    // True when the key is level-1 or level-2 vocabulary (indicator rows hold these as values).
    bool is_level_word(const std::string& key) const;
    bool is_level1(const std::string& key) const;
    bool is_level2(const std::string& key) const;

    // Keys of the labels that identify this template's layout (everything but ignored text).
    std::size_t label_count() const { return label_count_; }

private:
    void add(const std::string& text, LabelTarget target);
    void add_all(const std::string& label, const std::vector<std::string>& aliases, LabelTarget target);

    std::unordered_map<std::string, std::vector<LabelTarget>> map_;
    std::size_t label_count_ = 0;
};

// True for the kinds that name something to fill: a block, field, fixed row or table column.
inline bool is_place_label(LabelKind k) {
    return k == LabelKind::Block || k == LabelKind::Field || k == LabelKind::Row || k == LabelKind::Column;
}

}  // namespace formwork::io
