// Builds the printed layout of a filing from its template (see export_layout.h for the rules).
#include "io/export_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/filing_facts.h"
#include "core/sums.h"

namespace formwork::io {

namespace {

// Integer spans over the grid in proportion to `weights` (largest remainder, at least 1 each),
// so that every table of a sheet spans the same width.
std::vector<int> spans(const std::vector<double>& weights, int total = kGridUnits) {
    std::vector<int> out(weights.size(), 1);
    if (weights.empty()) return out;
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    const int spare = total - static_cast<int>(weights.size());
    if (spare <= 0) return out;
    std::vector<std::pair<double, std::size_t>> remainders;
    int given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = spare * weights[i] / sum;
        const int whole = static_cast<int>(std::floor(exact));
        out[i] += whole;
        given += whole;
        remainders.push_back({exact - whole, i});
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](auto& a, auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < spare; ++k, ++given) ++out[remainders[k % remainders.size()].second];
    return out;
}

double column_weight(const FieldSpec& f) {
    switch (f.kind) {
        case ValueKind::LongText: return 6;
        case ValueKind::Text: return 4;
        case ValueKind::Target: return 3;
        default: return 2.5;
    }
}

Align value_align(ValueKind kind, bool numeric) {
    if (numeric) return Align::Right;
    switch (kind) {
        case ValueKind::Target:
        case ValueKind::Enum:
        case ValueKind::Year:
        case ValueKind::Percent:
        case ValueKind::Money:
        case ValueKind::Integer: return Align::Center;
        default: return Align::Left;
    }
}

// The sum's text with as many decimals as the most precise filed value: the exact sum of
// values with at most p decimals has at most p decimals, so this only pads.
std::string with_places(Decimal value, int places) {
    std::string s = value.to_string();
    const auto point = s.find('.');
    const int have = point == std::string::npos ? 0 : static_cast<int>(s.size() - point - 1);
    if (places > have) {
        if (point == std::string::npos) s += '.';
        s.append(static_cast<std::size_t>(places - have), '0');
    }
    return s;
}

class Builder {
public:
    Builder(const Filing& filing, const FormSpec& spec) : filing_(filing), spec_(spec) {}

    Layout build() {
        title();
        for (const auto& b : spec_.blocks) {
            switch (b.kind) {
                case BlockKind::Fields: fields(b); break;
                case BlockKind::Table: b.fixed_rows() ? fixed_table(b) : free_table(b); break;
                case BlockKind::SpendingPlan: spending_plan(b); break;
                case BlockKind::Indicators: indicators(b); break;
            }
        }
        return std::move(layout_);
    }

private:
    LayoutRow& row(bool boxed = true) {
        layout_.rows.push_back({});
        layout_.rows.back().boxed = boxed;
        return layout_.rows.back();
    }
    int last_index() const { return static_cast<int>(layout_.rows.size()) - 1; }

    static LayoutCell cell(std::string text, int col, int span, CellRole role, Align align) {
        LayoutCell c;
        c.text = std::move(text);
        c.col = col;
        c.span = span;
        c.role = role;
        c.align = align;
        return c;
    }

    static LayoutCell value(const std::string& text, int col, int span, ValueKind kind, std::string path) {
        LayoutCell c = cell(text, col, span, kind == ValueKind::LongText ? CellRole::LongValue : CellRole::Value, Align::Left);
        c.number = number_of(text, kind);
        c.align = value_align(kind, c.number.has_value());
        c.path = std::move(path);
        return c;
    }

    bool has_money() const {
        for (const auto& b : spec_.blocks) {
            if (!b.unit.empty()) return true;
            for (const auto* list : {&b.fields, &b.columns})
                for (const auto& f : *list)
                    if (f.kind == ValueKind::Money) return true;
        }
        return false;
    }

    void title() {
        const std::string name = filing_title(filing_, spec_);
        layout_.title = name.empty() ? spec_.title : name;
        row(false).cells.push_back(cell(spec_.title, 0, kGridUnits, CellRole::Title, Align::Center));
        if (auto year = filing_year(filing_, spec_))
            row(false).cells.push_back(cell(std::to_string(*year) + "年度", 0, kGridUnits, CellRole::Subtitle, Align::Center));
        if (has_money() && !spec_.money_unit.empty())
            row(false).cells.push_back(cell("单位：" + spec_.money_unit, 0, kGridUnits, CellRole::UnitLine, Align::Right));
    }

    // A block's label on a line of its own; the unit is added when it differs from the form's.
    void heading(const BlockSpec& b) {
        std::string text = b.label;
        if (!b.unit.empty() && b.unit != spec_.money_unit && text.find(b.unit) == std::string::npos)
            text += "（单位：" + b.unit + "）";
        if (text.empty()) return;
        LayoutRow& r = row();
        r.keep_with_next = true;
        r.cells.push_back(cell(text, 0, kGridUnits, CellRole::Heading, Align::Left));
    }

    void fields(const BlockSpec& b) {
        // A block holding one field of the same name (资金用途 / 资金用途) would print it twice.
        if (!(b.fields.size() == 1 && b.fields[0].label == b.label)) heading(b);
        constexpr int kLabel = 4, kHalf = kGridUnits / 2;
        std::vector<const FieldSpec*> pending;  // short fields waiting to share a line
        auto flush = [&] {
            if (pending.empty()) return;
            LayoutRow& r = row();
            for (std::size_t i = 0; i < pending.size(); ++i) {
                const FieldSpec& f = *pending[i];
                const int col = static_cast<int>(i) * kHalf;
                const int value_span = pending.size() == 1 ? kGridUnits - kLabel : kHalf - kLabel;
                r.cells.push_back(cell(f.label, col, kLabel, CellRole::Label, Align::Center));
                r.cells.push_back(value(filing_.field(f.id), col + kLabel, value_span, f.kind, "f/" + f.id));
            }
            pending.clear();
        };
        for (const auto& f : b.fields) {
            if (f.kind == ValueKind::LongText) {
                flush();
                pending.push_back(&f);
                flush();
            } else {
                pending.push_back(&f);
                if (pending.size() == 2) flush();
            }
        }
        flush();
    }

    void fixed_table(const BlockSpec& b) {
        std::vector<double> weights = {2.0 * static_cast<double>(std::max<std::size_t>(1, b.columns.size()))};
        for (std::size_t i = 0; i < b.columns.size(); ++i) weights.push_back(b.columns.size() == 1 ? 1.0 : 2.0);
        const auto w = spans(weights);
        LayoutRow& head = row();
        head.keep_with_next = true;
        head.cells.push_back(cell(b.label, 0, w[0], CellRole::ColumnHead, Align::Center));
        int col = w[0];
        for (std::size_t i = 0; i < b.columns.size(); col += w[i + 1], ++i)
            head.cells.push_back(cell(b.columns[i].label, col, w[i + 1], CellRole::ColumnHead, Align::Center));
        const int head_index = last_index();
        const Table* table = filing_.find_table(b.id);
        for (std::size_t r = 0; r < b.rows.size(); ++r) {
            const RowSpec& rs = b.rows[r];
            LayoutRow& line = row();
            line.repeat_row = head_index;
            LayoutCell label = cell(rs.label, 0, w[0], CellRole::Label, Align::Left);
            label.indent = rs.indent;
            line.cells.push_back(label);
            col = w[0];
            for (std::size_t i = 0; i < b.columns.size(); col += w[i + 1], ++i) {
                const auto& c = b.columns[i];
                const std::string text = table && r < table->rows.size() ? table->rows[r].cell(c.id) : std::string();
                line.cells.push_back(value(text, col, w[i + 1], c.kind, "t/" + b.id + "/" + std::to_string(r) + "/" + c.id));
            }
        }
    }

    void free_table(const BlockSpec& b) {
        heading(b);
        std::vector<double> weights;
        for (const auto& c : b.columns) weights.push_back(column_weight(c));
        const auto w = spans(weights);
        std::vector<int> starts;
        for (int i = 0, col = 0; i < static_cast<int>(w.size()); col += w[static_cast<std::size_t>(i)], ++i) starts.push_back(col);
        LayoutRow& head = row();
        head.keep_with_next = true;
        for (std::size_t i = 0; i < b.columns.size(); ++i)
            head.cells.push_back(cell(b.columns[i].label, starts[i], w[i], CellRole::ColumnHead, Align::Center));
        const int head_index = last_index();
        const Table* table = filing_.find_table(b.id);
        const std::size_t n = table ? table->rows.size() : 0;
        for (std::size_t r = 0; r < std::max<std::size_t>(n, 1); ++r) {
            LayoutRow& line = row();
            line.repeat_row = head_index;
            for (std::size_t i = 0; i < b.columns.size(); ++i) {
                const auto& c = b.columns[i];
                if (r < n)
                    line.cells.push_back(value(table->rows[r].cell(c.id), starts[i], w[i], c.kind, "t/" + b.id + "/" + std::to_string(r) + "/" + c.id));
                else  // an empty table still prints one line to fill in
                    line.cells.push_back(cell({}, starts[i], w[i], CellRole::Value, Align::Left));
            }
        }
        if (!b.total_columns.empty()) total_row(b, table, w, starts, head_index);
    }

    void total_row(const BlockSpec& b, const Table* table, const std::vector<int>& w, const std::vector<int>& starts, int head_index) {
        auto is_total = [&](const std::string& id) {
            return std::find(b.total_columns.begin(), b.total_columns.end(), id) != b.total_columns.end();
        };
        LayoutRow& line = row();
        line.repeat_row = head_index;
        std::size_t lead = 0;  // the columns before the first summed one carry the label
        while (lead < b.columns.size() && !is_total(b.columns[lead].id)) ++lead;
        if (lead > 0)
            line.cells.push_back(cell(b.total_label.empty() ? "合计" : b.total_label, 0, starts[lead - 1] + w[lead - 1],
                                      CellRole::Total, Align::Center));
        for (std::size_t i = lead; i < b.columns.size(); ++i) {
            const auto& c = b.columns[i];
            LayoutCell out = cell({}, starts[i], w[i], CellRole::Total, Align::Right);
            if (is_total(c.id)) {
                const ColumnSum sum = table ? sum_column(*table, c.id) : ColumnSum{};
                if (sum.clean() && sum.numeric > 0) {  // a column with text in it has no total to print
                    int places = 0;
                    if (table)
                        for (const auto& r : table->rows)
                            if (auto n = number_of(r.cell(c.id), ValueKind::Money)) places = std::max(places, n->places);
                    out.text = with_places(sum.total, places);
                    out.number = NumberValue{sum.total, places, false, false};
                }
            }
            line.cells.push_back(std::move(out));
        }
    }

    void spending_plan(const BlockSpec& b) {
        heading(b);
        const auto w = spans(std::vector<double>(b.columns.size(), 1.0));
        LayoutRow& head = row();
        head.keep_with_next = true;
        int col = 0;
        for (std::size_t i = 0; i < b.columns.size(); col += w[i], ++i)
            head.cells.push_back(cell(b.columns[i].label, col, w[i], CellRole::ColumnHead, Align::Center));
        const Table* table = filing_.find_table(b.id);
        LayoutRow& line = row();
        line.repeat_row = last_index() - 1;
        col = 0;
        for (std::size_t i = 0; i < b.columns.size(); col += w[i], ++i) {
            const auto& c = b.columns[i];
            const std::string text = table && !table->rows.empty() ? table->rows[0].cell(c.id) : std::string();
            line.cells.push_back(value(text, col, w[i], c.kind, "t/" + b.id + "/0/" + c.id));
        }
    }

    void indicators(const BlockSpec& b) {
        heading(b);
        const IndicatorsSpec& is = b.indicators;
        const auto& heads = spec_.import_spec.level_heads;
        std::vector<double> weights = {3, 3, 6};
        std::vector<std::string> labels;
        for (std::size_t i = 0; i < 3; ++i) labels.push_back(i < heads.size() ? heads[i] : std::string());
        for (const auto& p : is.periods) {
            weights.push_back(3);
            labels.push_back(p.label);
        }
        for (const auto& x : is.extra) {
            weights.push_back(column_weight(x));
            labels.push_back(x.label);
        }
        const auto w = spans(weights);
        std::vector<int> starts;
        for (std::size_t i = 0, col = 0; i < w.size(); col += static_cast<std::size_t>(w[i]), ++i) starts.push_back(static_cast<int>(col));
        LayoutRow& head = row();
        head.keep_with_next = true;
        for (std::size_t i = 0; i < labels.size(); ++i)
            head.cells.push_back(cell(labels[i], starts[i], w[i], CellRole::ColumnHead, Align::Center));
        const int head_index = last_index();

        const auto& list = filing_.indicators;
        if (list.empty()) {
            LayoutRow& line = row();
            line.repeat_row = head_index;
            for (std::size_t i = 0; i < labels.size(); ++i) line.cells.push_back(cell({}, starts[i], w[i], CellRole::Value, Align::Left));
            return;
        }
        for (std::size_t k = 0; k < list.size(); ++k) {
            const Indicator& ind = list[k];
            const std::string base = "i/" + std::to_string(k) + "/";
            LayoutRow& line = row();
            line.repeat_row = head_index;
            // Level 1 and level 2 are merged down over the run of indicators that share them.
            const bool new_l1 = k == 0 || list[k - 1].level1 != ind.level1;
            const bool new_l2 = new_l1 || list[k - 1].level2 != ind.level2;
            if (new_l1) {
                LayoutCell c = value(ind.level1, starts[0], w[0], ValueKind::Text, base + "l1");
                c.align = Align::Center;
                c.row_span = run_length(k, [&](const Indicator& o) { return o.level1 == ind.level1; });
                line.cells.push_back(std::move(c));
            }
            if (new_l2) {
                LayoutCell c = value(ind.level2, starts[1], w[1], ValueKind::Text, base + "l2");
                c.align = Align::Center;
                c.row_span = run_length(k, [&](const Indicator& o) { return o.level1 == ind.level1 && o.level2 == ind.level2; });
                line.cells.push_back(std::move(c));
            }
            line.cells.push_back(value(ind.name, starts[2], w[2], ValueKind::Text, base + "name"));
            std::size_t i = 3;
            for (const auto& p : is.periods) {
                auto it = ind.targets.find(p.id);
                line.cells.push_back(value(it == ind.targets.end() ? std::string() : it->second, starts[i], w[i], p.kind, base + "t/" + p.id));
                ++i;
            }
            for (const auto& x : is.extra) {
                auto it = ind.extra.find(x.id);
                line.cells.push_back(value(it == ind.extra.end() ? std::string() : it->second, starts[i], w[i], x.kind, base + "x/" + x.id));
                ++i;
            }
        }
    }

    template <class Same>
    int run_length(std::size_t from, Same same) const {
        std::size_t k = from;
        while (k < filing_.indicators.size() && same(filing_.indicators[k])) ++k;
        return static_cast<int>(k - from);
    }

    const Filing& filing_;
    const FormSpec& spec_;
    Layout layout_;
};

}  // namespace

Layout build_layout(const Filing& filing, const FormSpec& spec) { return Builder(filing, spec).build(); }

}  // namespace formwork::io
