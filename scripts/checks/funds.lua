-- 资金核对 (BRIEF.md rules 1, 2, 3, 14): the figures of a filing's funds tables add up.
--   income-adds-up           资金总额 = the sum of its sources, 财政拨款 小计 = its parts   error
--   expenses-add-up          the expense lines add up to the total budget                 error
--   expense-half-within-full no expense line plans more for the half-year than the year   error
--   budget-stated-twice      预算数 = 其中：财政资金 + 其他资金                             error
-- Money is compared exactly (Decimal); a cell holding — or 无 counts as blank.

-- Which fixed-rows tables each rule reads, by the template ids the shipped templates use
-- (scripts/README.md asks templates to reuse them). Add your template's table id here.
local INCOME_TABLES = { income = true, funds = true }
local STATED_TWICE = { budget = true }
-- A decomposition into these rows is the department split of rule 5 (department.lua).
local SPLIT_ROWS = { basic = true, project = true }

-- Questions about the template's tables (scripts/lib/template_spec.lua).
local ts = require "template_spec"
local table_of, has_column = ts.table_of, ts.has_column

-- Whether the template has one of the chosen fixed-rows tables with a row that sums others.
local function has_sums(spec, chosen)
    for _, t in ipairs(spec.tables) do
        if chosen[t.id] and t.fixed then
            for _, row in ipairs(t.rows) do
                if #row.sum_of > 0 then return true end
            end
        end
    end
    return false
end

local function is_split(parts)
    for _, p in ipairs(parts) do
        if SPLIT_ROWS[p] then return true end
    end
    return false
end

-- Compares one fixed-rows total with the sum of its parts in one column. Returns
-- "compared", "empty" (nothing filed) or "blank" (total blank, parts filed: reported).
-- `bad` remembers the cells already reported as not a number (a subtotal is both a total
-- and a part), so that each is reported once.
local function compare_parts(f, tid, row, parts, col, bad)
    local total_ref = tid .. "." .. row .. "." .. col
    local total, why = f:amount(total_ref)
    if why == "not_a_number" then
        if bad[total_ref] then return "compared" end
        bad[total_ref] = true
        f:report(total_ref, ("%s “%s” 不是数字，无法核对"):format(f:label(total_ref), f:text(total_ref)),
            ("%s \"%s\" is not a number; cannot check the sum"):format(f:label(total_ref), f:text(total_ref)))
        return "compared"
    end
    local sum, filed, shown = check.dec(0), 0, {}
    for _, p in ipairs(parts) do
        local ref = tid .. "." .. p .. "." .. col
        local v, pwhy = f:amount(ref)
        if pwhy == "not_a_number" then
            if bad[ref] then return "compared" end
            bad[ref] = true
            f:report(ref, ("%s “%s” 不是数字，无法核对%s"):format(f:label(ref), f:text(ref), f:label(total_ref)),
                ("%s \"%s\" is not a number; cannot check %s"):format(f:label(ref), f:text(ref), f:label(total_ref)))
            return "compared"
        end
        if v then
            filed = filed + 1
            sum = sum + v
            if not v:is_zero() then shown[#shown + 1] = f:label(ref) .. " " .. v end
        end
    end
    local detail = #shown > 0 and table.concat(shown, " + ") or "各项均为 0"
    if not total then
        if filed == 0 or sum:is_zero() then return "empty" end
        f:report(total_ref, ("%s 未填，而其组成之和为 %s（%s）"):format(f:label(total_ref), sum, detail),
            ("%s is blank, but its parts add up to %s (%s)"):format(f:label(total_ref), sum, detail))
        return "blank"
    end
    if total ~= sum then
        f:report(total_ref,
            ("%s %s ≠ 其组成之和 %s（%s），差 %s"):format(f:label(total_ref), total, sum, detail, (total - sum):abs()),
            ("%s %s ≠ the sum of its parts %s (%s), difference %s"):format(f:label(total_ref), total, sum, detail,
                (total - sum):abs()))
    end
    return "compared"
end

-- Runs compare_parts over every decomposition of the chosen tables.
local function compare_tables(f, chosen, what)
    local tables, compared, bad = 0, 0, {}
    for _, t in ipairs(f:spec().tables) do
        if chosen[t.id] and t.fixed then
            tables = tables + 1
            for _, row in ipairs(t.rows) do
                for _, parts in ipairs(row.sum_of) do
                    if not is_split(parts) then
                        for _, col in ipairs(t.columns) do
                            if col.kind == "money" and compare_parts(f, t.id, row.id, parts, col.id, bad) ~= "empty" then
                                compared = compared + 1
                            end
                        end
                    end
                end
            end
        end
    end
    if tables == 0 then return check.not_applicable("模板没有" .. what) end
    if compared == 0 then return check.insufficient(what .. "未填") end
end

-- A small Nantong income block: 资金总额 = 小计 + 上年结转资金, 小计 = 一般公共预算资金.
local function nantong_income(total, subtotal, general, carried)
    return {
        total = { full_year = total },
        fiscal_subtotal = { full_year = subtotal },
        general_budget = { full_year = general },
        government_funds = { full_year = "" },
        special_account = { full_year = "" },
        state_capital = { full_year = "" },
        social_security = { full_year = "0" },
        carried_over = { full_year = carried },
        other = { full_year = "0" },
    }
end

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "income-adds-up",
            title = { zh = "资金来源合计与资金总额相符", en = "Income sources add up to the total" },
            severity = "error",
            templates = { "*" },
            applies = function(spec) return has_sums(spec, INCOME_TABLES) end,
            run = function(f)
                return compare_tables(f, INCOME_TABLES, "资金来源表")
            end,
            cases = {
                check.case{
                    name = "南通：资金总额 18 = 小计 18 + 结转 0，小计 18 = 一般公共预算 18",
                    template = "nantong-project",
                    filing = { tables = { income = nantong_income("18", "18", "18", "0") } },
                },
                check.case{
                    name = "南通：资金总额 18 ≠ 小计 18 + 上年结转 1",
                    template = "nantong-project",
                    filing = { tables = { income = nantong_income("18", "18", "18", "1") } },
                    expect = { { path = "t/income/0/full_year", contains = { "资金总额 18", "19", "上年结转资金 1", "差 1" } } },
                },
                check.case{
                    name = "南通：小计 20 ≠ 一般公共预算资金 18",
                    template = "nantong-project",
                    filing = { tables = { income = nantong_income("20", "20", "18", "0") } },
                    expect = { { path = "t/income/1/full_year", contains = { "财政拨款 小计 20", "18", "差 2" } } },
                },
                check.case{
                    name = "宿州：中期与年度各自相符",
                    template = "suzhou-project",
                    filing = { tables = { income = {
                        total = { mid_term = "450", annual = "150" },
                        fiscal_subtotal = { mid_term = "450", annual = "150" },
                        other = { mid_term = "", annual = "" },
                    } } },
                },
                check.case{
                    name = "宿州：年度资金总额 150 ≠ 财政拨款 140 + 其他资金 0",
                    template = "suzhou-project",
                    filing = { tables = { income = {
                        total = { mid_term = "450", annual = "150" },
                        fiscal_subtotal = { mid_term = "450", annual = "140" },
                        other = { mid_term = "—", annual = "0" },
                    } } },
                    expect = { { path = "t/income/0/annual", contains = { "资金总额（年度） 150", "140" } } },
                },
                check.case{
                    name = "沅江部门：按收入性质分相符（按支出性质分由 department-split-adds-up 核对）",
                    template = "yuanjiang-department",
                    filing = { tables = { funds = {
                        total = { amount = "109.04" }, general_budget = { amount = "109.04" },
                        special_account = { amount = "0" }, other = { amount = "0" },
                        basic = { amount = "66.16" }, project = { amount = "44.28" },
                    } } },
                },
                check.case{
                    name = "金额不是数字",
                    template = "nantong-project",
                    filing = { tables = { income = nantong_income("18", "十八", "18", "0") } },
                    expect = { { path = "t/income/1/full_year", contains = { "财政拨款 小计", "十八", "不是数字" } } },
                },
                check.case{
                    name = "资金总额未填而来源已填",
                    template = "jiangsu-project",
                    filing = { tables = { income = { total = { full_year = "" }, general_budget = { full_year = "269" } } } },
                    expect = { { path = "t/income/0/full_year", contains = { "未填", "269" } } },
                },
                check.case{
                    name = "资金来源表全空",
                    template = "jiangsu-project",
                    filing = { tables = { income = {} } },
                    outcome = "insufficient_data",
                },
                check.case{
                    name = "没有资金来源表的模板",
                    template = "hebei-project",
                    filing = { fields = { project_name = "车辆保险费" } },
                    outcome = "not_applicable",
                },
            },
        },

        check.define{
            id = "expenses-add-up",
            title = { zh = "支出合计与资金总额相符", en = "Expense lines add up to the total budget" },
            severity = "error",
            templates = { "*" },
            applies = function(spec) return spec.total ~= nil and has_column(table_of(spec, "expenses"), "full_year") end,
            run = function(f)
                if not f:has("expenses.full_year") then return check.not_applicable("模板没有支出明细") end
                local total_ref = f:spec().total
                if not total_ref then return check.not_applicable("模板未指明资金总额") end
                local total, why = f:amount(total_ref)
                if not total then
                    return check.insufficient(f:label(total_ref) .. (why == "blank" and " 未填" or " 不是数字"))
                end
                local sum, numeric, _, bad_row, bad_text = f:sum("expenses.full_year")
                if bad_row then
                    f:report(f:path("expenses", bad_row, "full_year"),
                        ("支出第 %d 行全年预算数 “%s” 不是数字，无法核对支出合计"):format(bad_row, bad_text),
                        ("expense line %d: full-year amount \"%s\" is not a number; cannot check the total"):format(bad_row, bad_text))
                    return
                end
                if numeric == 0 then
                    if total:is_zero() then return end
                    f:report(f:path("expenses"), ("没有填写支出明细，而%s为 %s"):format(f:label(total_ref), total),
                        ("no expense lines, but %s is %s"):format(f:label(total_ref), total))
                    return
                end
                if sum ~= total then
                    f:report(total_ref,
                        ("支出合计 %s ≠ %s %s（差 %s）"):format(sum, f:label(total_ref), total, (sum - total):abs()),
                        ("expense lines add up to %s ≠ %s %s (difference %s)"):format(sum, f:label(total_ref), total,
                            (sum - total):abs()))
                end
                -- The half-year column, where the template states a half-year total beside the
                -- full-year one (none of the shipped templates does).
                local half_ref = total_ref:gsub("%.full_year$", ".half_year")
                if half_ref ~= total_ref and f:has(half_ref) and f:has("expenses.half_year") then
                    local half = f:amount(half_ref)
                    local hsum, hn = f:sum("expenses.half_year")
                    if half and hn > 0 and hsum ~= half then
                        f:report(half_ref,
                            ("半年支出合计 %s ≠ %s %s（差 %s）"):format(hsum, f:label(half_ref), half, (hsum - half):abs()),
                            ("half-year expense lines add up to %s ≠ %s %s"):format(hsum, f:label(half_ref), half))
                    end
                end
            end,
            cases = {
                check.case{
                    name = "南通：四行支出 3 + 4 + 2 + 10 = 19 ≠ 资金总额 18",
                    template = "nantong-project",
                    filing = { tables = {
                        income = { total = { full_year = "18" } },
                        expenses = {
                            { item = "安全监测服务费", half_year = "1.5", full_year = "3" },
                            { item = "应急演练", half_year = "2", full_year = "4" },
                            { item = "培训", half_year = "1", full_year = "2" },
                            { item = "视频会议专线", half_year = "5", full_year = "10" },
                        },
                    } },
                    expect = { { path = "t/income/0/full_year", contains = { "支出合计 19", "资金总额 18", "差 1" } } },
                },
                check.case{
                    name = "江苏：一行支出 269 = 资金总额 269",
                    template = "jiangsu-project",
                    filing = { tables = {
                        income = { total = { full_year = "269" } },
                        expenses = { { item = "省政风热线", half_year = "121.05", full_year = "269" } },
                    } },
                },
                check.case{
                    name = "千分位与全角数字照样精确相加",
                    template = "jiangsu-project",
                    filing = { tables = {
                        income = { total = { full_year = "1,239.92" } },
                        expenses = { { full_year = "1,000.9" }, { full_year = "２３９.０２" } },
                    } },
                },
                check.case{
                    name = "支出金额不是数字",
                    template = "nantong-project",
                    filing = { tables = { income = { total = { full_year = "18" } }, expenses = { { full_year = "约18" } } } },
                    expect = { { path = "t/expenses/0/full_year", contains = "约18" } },
                },
                check.case{
                    name = "没有支出明细",
                    template = "nantong-project",
                    filing = { tables = { income = { total = { full_year = "18" } } } },
                    expect = { { path = "t/expenses", contains = "没有填写支出明细" } },
                },
                check.case{
                    name = "资金总额未填",
                    template = "nantong-project",
                    filing = { tables = { expenses = { { full_year = "3" } } } },
                    outcome = "insufficient_data",
                },
                check.case{
                    name = "没有支出明细表的模板",
                    template = "yuanjiang-project",
                    filing = { fields = { annual_budget = "9.6" } },
                    outcome = "not_applicable",
                },
            },
        },

        check.define{
            id = "expense-half-within-full",
            title = { zh = "支出半年计划不超过全年预算", en = "No expense line plans more for the half-year than for the year" },
            severity = "error",
            templates = { "*" },
            applies = function(spec)
                local t = table_of(spec, "expenses")
                return has_column(t, "half_year") and has_column(t, "full_year")
            end,
            run = function(f)
                if not (f:has("expenses.half_year") and f:has("expenses.full_year")) then
                    return check.not_applicable("模板的支出明细没有半年和全年两列")
                end
                local n, compared = f:rows("expenses"), 0
                for i = 1, n do
                    local half = f:cell_amount("expenses", i, "half_year")
                    local full = f:cell_amount("expenses", i, "full_year")
                    if half and full then
                        compared = compared + 1
                        if half > full then
                            local item = f:cell("expenses", i, "item")
                            local name = item ~= "" and "“" .. item .. "”" or ("第 " .. i .. " 行")
                            f:report(f:path("expenses", i, "half_year"),
                                ("支出 %s 半年计划执行数 %s > 全年预算数 %s"):format(name, half, full),
                                ("expense line %d: half-year plan %s > full-year budget %s"):format(i, half, full))
                        end
                    end
                end
                if n == 0 then return check.not_applicable("没有支出明细") end
                if compared == 0 then return check.insufficient("没有同时填写半年和全年金额的支出行") end
            end,
            cases = {
                check.case{
                    name = "半年等于全年可以",
                    template = "nantong-project",
                    filing = { tables = { expenses = { { item = "精密空调维护费", half_year = "2", full_year = "2" } } } },
                },
                check.case{
                    name = "半年 5 > 全年 4",
                    template = "nantong-project",
                    filing = { tables = { expenses = {
                        { item = "甲", half_year = "1", full_year = "2" },
                        { item = "乙", half_year = "5", full_year = "4" },
                    } } },
                    expect = { { path = "t/expenses/1/half_year", contains = { "“乙”", "5", "4" } } },
                },
                check.case{
                    name = "只填了全年",
                    template = "jiangsu-project",
                    filing = { tables = { expenses = { { item = "甲", full_year = "2" } } } },
                    outcome = "insufficient_data",
                },
            },
        },

        check.define{
            id = "budget-stated-twice",
            title = { zh = "预算数与其中财政资金、其他资金相符", en = "A budget stated twice agrees with itself" },
            severity = "error",
            templates = { "*" },
            applies = function(spec) return has_sums(spec, STATED_TWICE) end,
            run = function(f)
                return compare_tables(f, STATED_TWICE, "预算数分列")
            end,
            cases = {
                check.case{
                    name = "河北：预算数 6.80 = 财政资金 6.80 + 其他资金（空）",
                    template = "hebei-project",
                    filing = { tables = { budget = {
                        total = { amount = "6.80" }, fiscal = { amount = "6.80" }, other = { amount = "" },
                    } } },
                },
                check.case{
                    name = "河北：其他资金填 “—”",
                    template = "hebei-project",
                    filing = { tables = { budget = {
                        total = { amount = "73.00" }, fiscal = { amount = "73" }, other = { amount = "—" },
                    } } },
                },
                check.case{
                    name = "河北：预算数 14 ≠ 财政资金 12 + 其他资金 1",
                    template = "hebei-project",
                    filing = { tables = { budget = {
                        total = { amount = "14.00" }, fiscal = { amount = "12.00" }, other = { amount = "1" },
                    } } },
                    expect = { { path = "t/budget/0/amount", contains = { "预算数 14", "13", "差 1" } } },
                },
                check.case{
                    name = "南通模板没有预算数分列",
                    template = "nantong-project",
                    filing = { fields = { project_name = "甲" } },
                    outcome = "not_applicable",
                },
            },
        },
    },
}
