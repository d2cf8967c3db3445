-- 成本指标 (BRIEF.md rule 11): a cost cap in money is not larger than the budget, and money
-- caps and cost indicators are where they belong.
--   cost-cap-within-budget    a cap (≤ or <) in 元 / 万元 / 亿元 ≤ the filing's total budget   error
--   cost-indicator-placement  a money cap outside 成本指标, or a 成本指标 whose value is not an
--                             amount (a rate, a count)                                     warning
-- Caps per unit (≤550元/人/天, ≤10元/平方米.月) are unit costs, not totals: they are not
-- compared with the budget. Sentences and placeholders under 成本指标 are rule 9's.

local COST = "成本指标"

-- A total money cap: its value in the template's money unit, or nil.
local function money_cap(f, cmp, value, unit)
    if cmp ~= "≤" and cmp ~= "<" then return nil end
    local class, per = check.unit_class(unit)
    if class ~= "money" or per then return nil end
    return check.to_money(value, unit, f:spec().money_unit)
end

local ts = require "template_spec"

local function each_numeric(f, visit)
    for i, pid in f:targets("numeric") do
        local _, cmp, value, unit, text = f:target(i, pid)
        visit(i, pid, cmp, value, unit, text)
    end
end

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "cost-cap-within-budget",
            title = { zh = "成本上限不超过预算", en = "A cost cap is not larger than the budget" },
            severity = "error",
            templates = { "*" },
            applies = ts.has_indicators,
            run = function(f)
                local total_ref = f:spec().total
                local caps, budget, why = 0, nil, nil
                if total_ref then budget, why = f:amount(total_ref) end
                each_numeric(f, function(i, p, cmp, value, unit, text)
                    local cap = money_cap(f, cmp, value, unit)
                    if not cap then return end
                    caps = caps + 1
                    if budget and cap > budget then
                        local _, _, name = f:indicator(i)
                        local money = f:spec().money_unit
                        f:report(f:target_path(i, p),
                            ("“%s”的上限 %s 超过%s %s %s（多 %s %s）"):format(name, text, f:label(total_ref), budget, money,
                                cap - budget, money),
                            ("the cap %s of \"%s\" exceeds %s %s %s (by %s %s)"):format(text, name, f:label(total_ref), budget,
                                money, cap - budget, money))
                    end
                end)
                if caps == 0 then return check.not_applicable("没有以金额表示的上限") end
                if not budget then
                    return check.insufficient(total_ref and (f:label(total_ref) .. (why == "blank" and " 未填" or " 不是数字"))
                        or "模板未指明预算总额")
                end
            end,
            cases = {
                check.case{
                    name = "沅江：控制日常运行经费 ≤9.6万元，预算 9.6",
                    template = "yuanjiang-project",
                    filing = {
                        fields = { annual_budget = "9.6" },
                        indicators = { { "产出指标", "成本指标", "控制日常运行经费", value = "≤9.6万元" } },
                    },
                },
                check.case{
                    name = "江苏：项目总成本 ≤80万元，预算 33.9",
                    template = "jiangsu-project",
                    filing = {
                        tables = { income = { total = { full_year = "33.9" } } },
                        indicators = { { "产出指标", "数量指标", "项目总成本", half_year = "≤80万元", full_year = "≤80万元" } },
                    },
                    expect = {
                        { path = "i/0/t/half_year", contains = { "≤80万元", "33.9", "46.1" } },
                        { path = "i/0/t/full_year", contains = { "≤80万元", "33.9" } },
                    },
                },
                check.case{
                    name = "以元计的上限换算成万元：≤120000元 = 12 万元 > 9.6",
                    template = "yuanjiang-project",
                    filing = {
                        fields = { annual_budget = "9.6" },
                        indicators = { { "产出指标", "成本指标", "日常运行经费", value = "≤120000元" } },
                    },
                    expect = { { path = "i/0/t/value", contains = { "≤120000元", "2.4" } } },
                },
                check.case{
                    name = "单位成本不与预算比较",
                    template = "jiangsu-project",
                    filing = {
                        tables = { income = { total = { full_year = "538.26" } } },
                        indicators = { { "产出指标", "成本指标", "培训费", half_year = "≤550元/人/天", full_year = "≤550元/人/天" } },
                    },
                    outcome = "not_applicable",
                },
                check.case{
                    name = "有上限而预算未填",
                    template = "yuanjiang-project",
                    filing = { indicators = { { "产出指标", "成本指标", "控制成本", value = "≤3.84万元" } } },
                    outcome = "insufficient_data",
                },
            },
        },

        check.define{
            id = "cost-indicator-placement",
            title = { zh = "金额上限列在成本指标下，成本指标以金额表示", en = "Money caps sit under 成本指标, and 成本指标 are amounts" },
            severity = "warning",
            templates = { "*" },
            applies = ts.has_indicators,
            run = function(f)
                if not f:spec().indicators then return check.not_applicable("模板没有绩效指标表") end
                local reported = {}
                each_numeric(f, function(i, p, cmp, value, unit, text)
                    local _, c2 = f:category(i)
                    if c2 ~= COST and money_cap(f, cmp, value, unit) then
                        local _, l2, name = f:indicator(i)
                        f:report(f:target_path(i, p),
                            ("金额上限“%s”（%s）填在“%s”下，成本上限应列在成本指标"):format(text, name, l2),
                            ("the money cap \"%s\" (%s) is filed under \"%s\"; cost caps belong under 成本指标"):format(text, name, l2))
                    elseif c2 == COST and not reported[i] then
                        local class = check.unit_class(unit)
                        if class ~= "money" then
                            reported[i] = true
                            local _, _, name = f:indicator(i)
                            f:report(f:target_path(i, p),
                                ("成本指标“%s”的指标值“%s”不是金额（成本指标应以元、万元等表示）"):format(name, text),
                                ("the cost indicator \"%s\" has the target \"%s\", which is not an amount of money"):format(name, text))
                        end
                    end
                end)
            end,
            cases = {
                check.case{
                    name = "成本指标是金额或单位成本",
                    template = "jiangsu-project",
                    filing = { indicators = {
                        { "产出指标", "成本指标", "项目总成本", half_year = "≤121.05万元", full_year = "≤269万元" },
                        { "产出指标", "成本指标", "物业单位成本", half_year = "≤10元/平方米.月", full_year = "≤10元/平方米.月" },
                        { "效益指标", "社会效益", "拨付资金巩固脱贫成果", half_year = "≥0万元", full_year = "≥20万元" },
                    } },
                },
                check.case{
                    name = "江苏：成本指标填了比率；数量指标下有万元上限",
                    template = "jiangsu-project",
                    filing = { indicators = {
                        { "产出指标", "成本指标", "运维工单按时办结率", half_year = "≥95%", full_year = "≥95%" },
                        { "产出指标", "数量指标", "项目总成本", half_year = "≤80万元", full_year = "≤80万元" },
                    } },
                    expect = {
                        { path = "i/0/t/half_year", contains = { "运维工单按时办结率", "≥95%" } },
                        { path = "i/1/t/half_year", contains = { "≤80万元", "数量指标" } },
                        { path = "i/1/t/full_year", contains = "≤80万元" },
                    },
                },
            },
        },
    },
}
