// The C++ reference rules (see ref_rules.h).
#include "ref_rules.h"

#include <map>
#include <optional>
#include <string_view>

#include "core/decimal.h"
#include "core/filing_facts.h"
#include "core/sums.h"
#include "core/target_value.h"
#include "core/unit_class.h"

namespace formwork::bench {

namespace {

bool ends_with(std::string_view s, std::string_view tail) { return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail; }

std::optional<int> leading_year(const std::string& text) {
    if (text.size() < 4) return std::nullopt;
    int y = 0;
    for (int i = 0; i < 4; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        y = y * 10 + (text[i] - '0');
    }
    return y;
}

const std::string& cell_at(const Table* t, size_t row, const std::string& col) {
    static const std::string empty;
    return t && row < t->rows.size() ? t->rows[row].cell(col) : empty;
}

std::size_t fixed_sums(const Filing& f, const BlockSpec& b, std::vector<RefFinding>& out) {
    std::size_t runs = 0;
    const Table* t = f.find_table(b.id);
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < b.rows.size(); ++i) index[b.rows[i].id] = i;
    for (size_t r = 0; r < b.rows.size(); ++r)
        for (const auto& parts : b.rows[r].sum_of)
            for (const auto& col : b.columns) {
                if (col.kind != ValueKind::Money) continue;
                ++runs;
                const auto total = parse_amount(cell_at(t, r, col.id));
                Decimal sum;
                std::string detail;
                for (const auto& p : parts)
                    if (auto v = parse_amount(cell_at(t, index[p], col.id))) {
                        sum += *v;
                        detail += b.rows[index[p]].label + " " + v->to_string() + " + ";
                    }
                if (total && *total != sum)
                    out.push_back({"income-adds-up", "t/" + b.id + "/" + std::to_string(r) + "/" + col.id,
                                   b.rows[r].label + " " + total->to_string() + " ≠ 其组成之和 " + sum.to_string() + "（" + detail + "）"});
            }
    return runs;
}

std::size_t free_rows(const Filing& f, const FormSpec& spec, const BlockSpec& b, std::vector<RefFinding>& out) {
    std::size_t runs = 0;
    const Table* t = f.find_table(b.id);
    if (!t) return 0;
    const bool halves = b.columns.size() >= 2;
    for (size_t r = 0; halves && r < t->rows.size(); ++r) {
        const auto half = parse_amount(t->rows[r].cell("half_year"));
        const auto full = parse_amount(t->rows[r].cell("full_year"));
        ++runs;
        if (half && full && *half > *full)
            out.push_back({"expense-half-within-full", "t/" + b.id + "/" + std::to_string(r) + "/half_year",
                           "半年 " + half->to_string() + " > 全年 " + full->to_string()});
    }
    for (const auto& col : b.total_columns) {
        if (col != "full_year") continue;
        ++runs;
        const ColumnSum sum = sum_column(*t, col);
        const auto total_text = filing_total(f, spec);
        const auto total = total_text ? parse_amount(*total_text) : std::nullopt;
        if (total && sum.clean() && sum.total != *total)
            out.push_back({"expenses-add-up", "t/" + b.id, "支出合计 " + sum.total.to_string() + " ≠ 总额 " + total->to_string()});
    }
    return runs;
}

std::size_t indicators(const Filing& f, const FormSpec& spec, const BlockSpec& b, std::vector<RefFinding>& out) {
    std::size_t runs = 1;
    const auto& tree = b.indicators.tree;
    for (const auto& l1 : tree) {
        bool has1 = false;
        for (const auto& ind : f.indicators) has1 = has1 || ind.level1 == l1.name;
        if (l1.required && !has1) out.push_back({"indicator-tree", "i", "缺少一级指标 " + l1.name});
        for (const auto& l2 : l1.level2) {
            bool has2 = false;
            for (const auto& ind : f.indicators) has2 = has2 || (ind.level1 == l1.name && ind.level2 == l2.name);
            if (l2.required && has1 && !has2) out.push_back({"indicator-tree", "i", "缺少二级指标 " + l2.name});
        }
    }
    const auto total_text = filing_total(f, spec);
    const auto total = total_text ? parse_amount(*total_text) : std::nullopt;
    for (size_t i = 0; i < f.indicators.size(); ++i) {
        const Indicator& ind = f.indicators[i];
        const std::string base = "i/" + std::to_string(i);
        if (ind.name.empty()) out.push_back({"indicator-tree", base + "/name", "三级指标没有名称"});
        for (const auto& period : b.indicators.periods) {
            runs += 3;
            auto it = ind.targets.find(period.id);
            const std::string& text = it == ind.targets.end() ? std::string() : it->second;
            if (is_blank_cell(text)) {
                out.push_back({"indicator-tree", base + "/t/" + period.id, "“" + ind.name + "”没有" + period.label});
                continue;
            }
            const TargetValue v = parse_target(text);
            if (v.kind == TargetKind::Placeholder || v.kind == TargetKind::Unparsed) {
                out.push_back({"target-parses", base + "/t/" + period.id, "“" + ind.name + "”的指标值“" + text + "”不是目标值"});
                continue;
            }
            if (v.kind != TargetKind::Numeric) continue;
            const UnitInfo unit = classify_unit(v.unit);
            const bool rate = ends_with(ind.name, "率") || ends_with(ind.name, "度");
            const bool count = ind.name.find("次数") != std::string::npos || ind.name.find("人数") != std::string::npos ||
                               ind.name.find("数量") != std::string::npos;
            if (rate && unit.base != UnitClass::Percent && unit.base != UnitClass::None)
                out.push_back({"unit-fits", base + "/t/" + period.id, "“" + ind.name + "”是比率，指标值单位却是“" + v.unit + "”"});
            if (count && unit.base == UnitClass::Percent)
                out.push_back({"unit-fits", base + "/t/" + period.id, "“" + ind.name + "”是数量，指标值却是百分比"});
            if (unit.base == UnitClass::Money && !unit.per && total) {
                if (auto cap = convert_money(v.value, v.unit, spec.money_unit); cap && *cap > *total)
                    out.push_back({"cost-cap", base + "/t/" + period.id, "成本上限 " + cap->to_string() + " 大于预算 " + total->to_string()});
            }
        }
    }
    return runs;
}

std::size_t spending_plan(const Filing& f, const BlockSpec& b, std::vector<RefFinding>& out) {
    const Table* t = f.find_table(b.id);
    if (!t || t->rows.empty()) return 0;
    std::optional<Decimal> last;
    const Decimal hundred = Decimal::from_int(100);
    for (const auto& col : b.columns) {
        std::string text = t->rows[0].cell(col.id);
        if (ends_with(text, "%")) text.pop_back();
        const auto v = Decimal::parse(text);
        if (!v) continue;
        if (*v < Decimal() || *v > hundred) out.push_back({"spending-plan", "t/" + b.id + "/0/" + col.id, col.label + " 不在 0–100%"});
        if (last && *v < *last) out.push_back({"spending-plan", "t/" + b.id + "/0/" + col.id, col.label + " 比上一期少"});
        last = v;
    }
    if (last && *last != hundred) out.push_back({"spending-plan", "t/" + b.id, "年底累计不是 100%"});
    return 1;
}

std::size_t header(const Filing& f, const BlockSpec& b, std::vector<RefFinding>& out) {
    std::size_t runs = 0;
    for (const auto& field : b.fields) {
        const std::string& text = f.field(field.id);
        if (field.required) {
            ++runs;
            if (is_blank_cell(text)) out.push_back({"required-fields", "f/" + field.id, field.label + " 未填"});
        }
        if (field.kind == ValueKind::Phone && !is_blank_cell(text)) {
            ++runs;
            int digits = 0;
            for (char c : text) digits += c >= '0' && c <= '9';
            if (digits < 7) out.push_back({"phone", "f/" + field.id, field.label + "“" + text + "”不像电话号码"});
        }
    }
    return runs;
}

std::size_t period(const Filing& f, std::vector<RefFinding>& out) {
    const auto year = leading_year(f.field("budget_year"));
    const auto start = leading_year(f.field("start_year"));
    const auto end = leading_year(f.field("end_year"));
    if (!year || (!start && !end)) return 0;
    if ((start && *year < *start) || (end && *year > *end))
        out.push_back({"budget-year-in-period", "f/budget_year", "预算年度 " + std::to_string(*year) + " 不在项目期内"});
    return 1;
}

}  // namespace

std::size_t ref_check(const Filing& filing, const FormSpec& spec, std::vector<RefFinding>& out) {
    std::size_t runs = period(filing, out);
    for (const auto& b : spec.blocks) {
        switch (b.kind) {
        case BlockKind::Fields: runs += header(filing, b, out); break;
        case BlockKind::Table: runs += b.fixed_rows() ? fixed_sums(filing, b, out) : free_rows(filing, spec, b, out); break;
        case BlockKind::Indicators: runs += indicators(filing, spec, b, out); break;
        case BlockKind::SpendingPlan: runs += spending_plan(filing, b, out); break;
        }
    }
    return runs;
}

}  // namespace formwork::bench
