// Rebuilding the rows of a stream layout for one template (see stream_rows.h).
#include "io/stream_rows.h"

#include <algorithm>

#include "core/sums.h"
#include "io/cell_items.h"
#include "io/label_text.h"

namespace formwork::io {

namespace {

enum class Role { Level1, Level2, Name, Value };

struct Cell {
    enum class Kind { Empty, Label, Head, Level1, Level2, Level1Or2, Value } kind = Kind::Empty;
    std::vector<Role> roles;  // Head: the columns it names (several for a head naming all levels)
    const FieldSpec* column = nullptr;  // Head of a value column: the column (an extra or a period)
};

bool has(const std::vector<LabelTarget>& targets, LabelKind kind) {
    return std::any_of(targets.begin(), targets.end(), [&](const LabelTarget& t) { return t.kind == kind; });
}

Cell classify(const GridRow& row, const FormSpec& spec, const LabelIndex& index) {
    Cell c;
    if (row.all_blank()) return c;
    const std::vector<Item> items = cell_items(row, index, true);
    if (items.empty()) return c;
    const Item& first = items.front();
    if (first.targets && items.size() == 1) {
        const auto& t = *first.targets;
        if (has(t, LabelKind::LevelHead) || has(t, LabelKind::Period) || has(t, LabelKind::Extra)) {
            c.kind = Cell::Kind::Head;
            std::vector<int> levels;
            for (const auto& x : t)
                if (x.kind == LabelKind::LevelHead) levels.push_back(x.item);
            std::sort(levels.begin(), levels.end());
            levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
            for (int l : levels) c.roles.push_back(l == 0 ? Role::Level1 : l == 1 ? Role::Level2 : Role::Name);
            if (levels.empty()) {
                c.roles.push_back(Role::Value);
                for (const auto& x : t) {
                    if (x.kind != LabelKind::Period && x.kind != LabelKind::Extra) continue;
                    const IndicatorsSpec& ind = spec.blocks[x.block].indicators;
                    c.column = x.kind == LabelKind::Period ? &ind.periods[x.item] : &ind.extra[x.item];
                    break;
                }
            }
            return c;
        }
    }
    if (items.size() == 1 && index.is_level1(first.key) && index.is_level2(first.key)) return {Cell::Kind::Level1Or2, {}};
    if (index.is_level1(first.key) && items.size() == 1) return {Cell::Kind::Level1, {}};
    if (index.is_level2(first.key) && items.size() == 1) return {Cell::Kind::Level2, {}};
    if (first.targets && std::any_of(first.targets->begin(), first.targets->end(), [](const LabelTarget& t) {
            return is_place_label(t.kind);
        }))
        return {Cell::Kind::Label, {}};
    c.kind = Cell::Kind::Value;
    return c;
}

class Assembler {
public:
    Assembler(const FormSpec& spec, const LabelIndex& index) : spec_(spec), index_(index) {}

    std::vector<GridRow> run(const std::vector<GridRow>& rows) {
        for (const GridRow& row : rows) {
            if (row.is_text || row.cells.size() != 1) {  // text around the table, or already a row
                close();
                out_.push_back(row);
                continue;
            }
            take(row, classify(row, spec_, index_));
        }
        close();
        return std::move(out_);
    }

private:
    enum class Mode { Normal, Header, Indicators };

    const FormSpec& spec_;
    const LabelIndex& index_;
    std::vector<GridRow> out_;
    std::vector<const FieldSpec*> columns_;  // per role: the value column, or nullptr
    Mode mode_ = Mode::Normal;
    GridRow labels_;  // Normal: the labels read (side by side when more than one)
    GridRow values_;  // Normal: their values
    GridRow open_;    // Header: the column heads; Indicators: the indicator being dealt
    std::vector<Role> roles_;              // the indicator table's columns
    int next_role_ = 0;
    bool level1_seen_ = false;

    static GridRow blank_like(const GridRow& row) {
        GridRow r;
        r.line = row.line;
        r.sheet = row.sheet;
        return r;
    }

    void emit(GridRow& row) {
        if (!row.cells.empty()) out_.push_back(std::move(row));
        row = GridRow{};
    }

    void close() {
        if (labels_.cells.size() == 1) {
            for (auto& v : values_.cells) labels_.cells.push_back(std::move(v));
            values_ = GridRow{};
        }
        emit(labels_);
        emit(values_);
        emit(open_);
        next_role_ = 0;
    }

    void take(const GridRow& row, const Cell& cell) {
        switch (mode_) {
            case Mode::Normal: return normal(row, cell);
            case Mode::Header: return header(row, cell);
            case Mode::Indicators: return indicator(row, cell);
        }
    }

    // Labels and the values after them. One label: one row with its values. Labels side by
    // side: a row of them, then a row of their values.
    void normal(const GridRow& row, const Cell& cell) {
        const GridCell& c = row.cells.front();
        if (cell.kind == Cell::Kind::Head) {
            close();
            mode_ = Mode::Header;
            roles_.clear();
            columns_.clear();
            open_ = blank_like(row);
            return header(row, cell);
        }
        if (cell.kind == Cell::Kind::Label) {
            if (labels_.cells.empty() || !values_.cells.empty()) {
                close();
                labels_ = blank_like(row);
            }
            labels_.cells.push_back(c);
            return;
        }
        if (labels_.cells.empty()) {  // a value with no label before it: a row of its own
            out_.push_back(row);
            return;
        }
        if (values_.cells.empty()) values_ = blank_like(row);
        values_.cells.push_back(c);
        if (labels_.cells.size() > 1 && values_.cells.size() == labels_.cells.size()) close();
    }

    void header(const GridRow& row, const Cell& cell) {
        if (cell.kind == Cell::Kind::Head) {
            for (Role r : cell.roles) {
                GridCell head = row.cells.front();
                open_.cells.push_back(head);
                roles_.push_back(r);
                columns_.push_back(r == Role::Value ? cell.column : nullptr);
            }
            return;
        }
        if (cell.kind == Cell::Kind::Empty) return;
        emit(open_);
        mode_ = Mode::Indicators;
        next_role_ = 0;
        level1_seen_ = false;
        indicator(row, cell);
    }

    bool fits(const std::string& text, int role) const {
        const FieldSpec* c = columns_[role];
        if (!c) return true;
        switch (c->kind) {
            case ValueKind::Money:
            case ValueKind::Integer:
            case ValueKind::Percent: return parse_amount(text).has_value();
            case ValueKind::Enum: return std::find(c->options.begin(), c->options.end(), text) != c->options.end();
            default: return true;
        }
    }

    int role_index(Role r, int from) const {
        for (int i = from; i < static_cast<int>(roles_.size()); ++i)
            if (roles_[i] == r) return i;
        for (int i = 0; i < from && i < static_cast<int>(roles_.size()); ++i)
            if (roles_[i] == r) return i;
        return -1;
    }

    void indicator(const GridRow& row, const Cell& cell) {
        if (cell.kind == Cell::Kind::Empty) return;
        if (cell.kind == Cell::Kind::Label || cell.kind == Cell::Kind::Head) {
            close();
            mode_ = Mode::Normal;
            return normal(row, cell);
        }
        int role = -1;
        // "满意度指标 | 满意度指标 |": a word naming a level-1 and a level-2 category is the
        // level-2 when the row's level 1 is already there.
        Cell::Kind kind = cell.kind;
        if (kind == Cell::Kind::Level1Or2)
            kind = next_role_ == role_index(Role::Level2, 0) && !open_.cells.empty() ? Cell::Kind::Level2 : Cell::Kind::Level1;
        if (kind == Cell::Kind::Level1) {
            role = role_index(Role::Level1, 0);
            level1_seen_ = true;
        } else if (kind == Cell::Kind::Level2) {
            role = role_index(Role::Level2, 0);
        } else if (!level1_seen_ && role_index(Role::Level1, 0) >= 0) {
            // Text above the first level-1 word: not an indicator.
            close();
            GridRow text = row;
            text.is_text = true;
            out_.push_back(std::move(text));
            return;
        } else {
            const int name = role_index(Role::Name, 0);
            role = next_role_ <= name ? name : next_role_;
            // A value column takes what fits it (figures, its fixed list); text that fits no
            // column left in the row is the next indicator's name.
            while (role < static_cast<int>(roles_.size()) && role > name && !fits(row.cells.front().text, role)) ++role;
            if (role >= static_cast<int>(roles_.size())) role = name;  // the row was full: a new one
        }
        if (role < 0) role = std::min<int>(next_role_, static_cast<int>(roles_.size()) - 1);
        if (role < next_role_ && !open_.cells.empty()) close();
        if (open_.cells.empty()) open_ = blank_like(row);
        if (static_cast<int>(open_.cells.size()) <= role) open_.cells.resize(role + 1);
        GridCell c = row.cells.front();
        open_.cells[role] = c;
        for (auto& filler : open_.cells)
            if (filler.line == 0) filler.line = c.line;
        next_role_ = role + 1;
    }
};

}  // namespace

std::vector<GridRow> assemble_stream_rows(const std::vector<GridRow>& rows, const FormSpec& spec, const LabelIndex& index) {
    return Assembler(spec, index).run(rows);
}

std::vector<GridRow> join_broken_labels(const std::vector<GridRow>& rows, const LabelIndex& index) {
    std::vector<GridRow> out = rows;
    auto single_word = [](const GridRow& r) {
        return r.cells.size() == 1 && !r.cells[0].text.empty() && r.cells[0].text.find_first_of(" \t\n") == std::string::npos;
    };
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        if (out[i].is_text || out[i + 1].is_text || !single_word(out[i]) || out[i + 1].cells.size() != 1) continue;
        const std::string& next = out[i + 1].cells[0].text;
        const std::size_t space = next.find_first_of(" \t");
        const std::string head = next.substr(0, space);
        const auto* targets = index.find(normalize_label(out[i].cells[0].text + head));
        if (!targets || std::all_of(targets->begin(), targets->end(), [](const LabelTarget& t) { return t.kind == LabelKind::Ignore; }))
            continue;
        out[i].cells[0].text += head;
        const std::size_t rest = space == std::string::npos ? std::string::npos : next.find_first_not_of(" \t", space);
        out[i + 1].cells[0].text = rest == std::string::npos ? std::string() : next.substr(rest);
        if (out[i + 1].cells[0].text.empty()) out.erase(out.begin() + static_cast<long>(i + 1));
    }
    return out;
}

}  // namespace formwork::io
