// The C++ reference rules (see ref_rules.h).
#include "ref_rules.h"

#include <map>
#include <set>
#include <optional>
#include <string_view>

#include "core/decimal.h"
#include "core/filing_facts.h"
#include "core/sums.h"
#include "core/percent_bounds.h"
#include "core/target_value.h"
#include "core/unit_class.h"
#include "checks/spec_index.h"

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

// Rule 4: a numeric half-year 预算执行率 target (%) agrees with Σ half-year / Σ full-year of
// the expense lines, within the rounding of the amounts to 0.01 万元.
std::size_t half_year_rate(const Filing& f, const FormSpec& spec, const BlockSpec& ind, std::vector<RefFinding>& out) {
    auto opt = spec.options.find("half_year_rate_base");
    const BlockSpec* expenses = spec.find_block("expenses");
    if (opt == spec.options.end() || opt->second != "full_year" || !expenses) return 0;
    bool has_half = false, has_full = false, has_period = false;
    for (const auto& c : expenses->columns) has_half = has_half || c.id == "half_year", has_full = has_full || c.id == "full_year";
    for (const auto& p : ind.indicators.periods) has_period = has_period || p.id == "half_year";
    if (!has_half || !has_full || !has_period) return 0;
    const Table* t = f.find_table("expenses");
    static const Decimal half_step = *Decimal::parse("0.005");
    std::size_t runs = 1;
    for (size_t i = 0; i < f.indicators.size(); ++i) {
        const Indicator& x = f.indicators[i];
        if (x.name.find("预算执行率") == std::string::npos) continue;
        auto it = x.targets.find("half_year");
        if (it == x.targets.end()) continue;
        const TargetValue v = parse_target(it->second);
        if (v.kind != TargetKind::Numeric || v.unit != "%") continue;
        if (!t) return runs;
        const ColumnSum half = sum_column(*t, "half_year"), full = sum_column(*t, "full_year");
        if (!half.clean() || !full.clean() || half.numeric == 0 || full.numeric == 0) return runs;
        const auto range = percent_range(half.total, full.total, half_step);
        if (!range) return runs;
        const Decimal& p = v.value;
        bool agrees = true;
        switch (v.cmp) {
            case Comparator::Eq: case Comparator::None: agrees = range->low <= p && p <= range->high; break;
            case Comparator::Ge: agrees = range->high >= p; break;
            case Comparator::Gt: agrees = range->high > p; break;
            case Comparator::Le: agrees = range->low <= p; break;
            case Comparator::Lt: agrees = range->low < p; break;
        }
        if (!agrees)
            out.push_back({"half-year-rate-agrees", "i/" + std::to_string(i) + "/t/half_year",
                           "半年计划执行数 " + half.total.to_string() + " / 全年预算数 " + full.total.to_string() + " = " +
                               percent(half.total, full.total, 2).to_string() + "%，与“" + x.name + "”半年指标值 " + it->second +
                               " 不符（按 " + p.to_string() + "% 半年应为 " + percent_of(full.total, p, 2).to_string() + "）"});
    }
    return runs;
}

// Rule 6, funds: in a fixed-rows table with mid_term and annual columns, no row's mid-term
// amount is below its annual one.
std::size_t mid_term_funds(const Filing& f, const BlockSpec& b, std::vector<RefFinding>& out) {
    bool mid = false, annual = false;
    for (const auto& c : b.columns) mid = mid || c.id == "mid_term", annual = annual || c.id == "annual";
    if (!mid || !annual) return 0;
    const Table* t = f.find_table(b.id);
    for (size_t r = 0; r < b.rows.size(); ++r) {
        const auto m = parse_amount(cell_at(t, r, "mid_term")), y = parse_amount(cell_at(t, r, "annual"));
        if (m && y && *m < *y)
            out.push_back({"mid-term-funds-cover-annual", "t/" + b.id + "/" + std::to_string(r) + "/mid_term",
                           "中期" + b.rows[r].label + " " + m->to_string() + " < 年度" + b.rows[r].label + " " + y->to_string()});
    }
    return 1;
}

// Rule 6, targets: a mid-term quantity (same unit, a floor, a class that adds up) is not below
// the annual one.
std::size_t mid_term_targets(const Filing& f, const BlockSpec& b, std::vector<RefFinding>& out) {
    bool mid = false, annual = false;
    for (const auto& p : b.indicators.periods) mid = mid || p.id == "mid_term", annual = annual || p.id == "annual";
    if (!mid || !annual) return 0;
    auto floor = [](Comparator c) { return c == Comparator::Ge || c == Comparator::Gt || c == Comparator::Eq || c == Comparator::None; };
    for (size_t i = 0; i < f.indicators.size(); ++i) {
        const Indicator& x = f.indicators[i];
        auto a = x.targets.find("mid_term"), y = x.targets.find("annual");
        if (a == x.targets.end() || y == x.targets.end()) continue;
        const TargetValue m = parse_target(a->second), n = parse_target(y->second);
        if (m.kind != TargetKind::Numeric || n.kind != TargetKind::Numeric || m.unit != n.unit || !floor(m.cmp) || !floor(n.cmp)) continue;
        const UnitInfo u = classify_unit(m.unit);
        const bool adds_up = u.base == UnitClass::Count || u.base == UnitClass::Measure || u.base == UnitClass::Money || u.base == UnitClass::None;
        if (adds_up && !u.per && m.value < n.value)
            out.push_back({"mid-term-targets-cover-annual", "i/" + std::to_string(i) + "/t/mid_term",
                           "“" + x.name + "”中期指标值 " + a->second + " 少于年度指标值 " + y->second});
    }
    return 1;
}

}  // namespace

std::size_t ref_check(const Filing& filing, const FormSpec& spec, std::vector<RefFinding>& out) {
    std::size_t runs = period(filing, out);
    for (const auto& b : spec.blocks) {
        switch (b.kind) {
        case BlockKind::Fields: runs += header(filing, b, out); break;
        case BlockKind::Table:
            runs += b.fixed_rows() ? fixed_sums(filing, b, out) + mid_term_funds(filing, b, out) : free_rows(filing, spec, b, out);
            break;
        case BlockKind::Indicators:
            runs += indicators(filing, spec, b, out) + half_year_rate(filing, spec, b, out) + mid_term_targets(filing, b, out);
            break;
        case BlockKind::SpendingPlan: runs += spending_plan(filing, b, out); break;
        }
    }
    return runs;
}

namespace {

// The split of a department-wide template: table, money column, found like department.lua.
struct Split {
    const BlockSpec* table = nullptr;
    std::string column;
};

Split split_of(const FormSpec& spec) {
    for (const auto& b : spec.blocks) {
        if (b.kind != BlockKind::Table || !b.fixed_rows()) continue;
        for (const auto& row : b.rows)
            for (const auto& parts : row.sum_of) {
                bool basic = false, project = false;
                for (const auto& p : parts) basic = basic || p == "basic", project = project || p == "project";
                if (!basic || !project) continue;
                for (const auto& c : b.columns)
                    if (c.kind == ValueKind::Money) return {&b, c.id};
            }
    }
    return {};
}

}  // namespace

std::size_t ref_check_departments(const std::vector<Filing>& filings,
                                  const std::map<std::string, std::shared_ptr<const FormSpec>>& specs,
                                  std::vector<RefFinding>& out) {
    std::map<std::string, std::unique_ptr<script::SpecIndex>> indexes;
    for (const auto& [id, spec] : specs) indexes[id] = std::make_unique<script::SpecIndex>(spec);
    // Department and fallback keys, then the fallback resolved to the one department it names.
    std::vector<std::string> key(filings.size()), fallback(filings.size());
    std::map<std::string, std::set<std::string>> named;
    for (size_t i = 0; i < filings.size(); ++i) {
        auto it = indexes.find(filings[i].template_id);
        if (it == indexes.end()) continue;
        const script::SpecIndex& x = *it->second;
        const auto year = filing_year(filings[i], x.spec());
        const std::string y = year ? std::to_string(*year) : "?";
        if (!x.department_field().empty()) {
            const std::string name = script::normalize_category(filings[i].field(x.department_field()));
            if (!name.empty()) key[i] = name + "|" + y;
        }
        if (!x.department_fallback().empty()) {
            std::string k = x.spec().family + "|" + y;
            for (const auto& field : x.department_fallback()) {
                const std::string v = script::normalize_category(filings[i].field(field));
                if (v.empty()) {
                    k.clear();
                    break;
                }
                k += "|" + v;
            }
            fallback[i] = k;
            if (!k.empty() && !key[i].empty()) named[k].insert(key[i]);
        }
    }
    std::map<std::string, std::vector<size_t>> groups;
    for (size_t i = 0; i < filings.size(); ++i) {
        if (key[i].empty() && !fallback[i].empty())
            if (auto it = named.find(fallback[i]); it != named.end() && it->second.size() == 1) key[i] = *it->second.begin();
        if (!key[i].empty()) groups[key[i]].push_back(i);
    }
    std::size_t runs = 0;
    for (const auto& [k, members] : groups) {
        for (size_t d : members) {
            const FormSpec& ds = *specs.at(filings[d].template_id);
            if (!ds.id.ends_with("-department")) continue;
            const Split split = split_of(ds);
            if (!split.table) continue;
            ++runs;
            size_t project_row = 0;
            while (project_row < split.table->rows.size() && split.table->rows[project_row].id != "project") ++project_row;
            const auto stated = parse_amount(cell_at(filings[d].find_table(split.table->id), project_row, split.column));
            if (!stated) continue;
            Decimal sum;
            size_t n = 0;
            bool missing = false;
            for (size_t p : members) {
                const FormSpec& ps = *specs.at(filings[p].template_id);
                if (ps.id.ends_with("-department") || ps.family != ds.family) continue;
                const auto total = filing_total(filings[p], ps);
                const auto v = total ? parse_amount(*total) : std::nullopt;
                if (!v) {
                    missing = true;
                    break;
                }
                sum += *v;
                ++n;
            }
            if (missing || n == 0 || sum == *stated) continue;
            out.push_back({"department-projects-sum", "t/" + split.table->id + "/" + std::to_string(project_row) + "/" + split.column,
                           split.table->rows[project_row].label + " " + stated->to_string() + " ≠ 本部门 " + std::to_string(n) +
                               " 张项目表的预算金额之和 " + sum.to_string()});
        }
    }
    return runs;
}

}  // namespace formwork::bench
