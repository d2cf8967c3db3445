-- 半年预算执行率 (BRIEF.md rule 4): where the template measures the half-year 预算执行率 against
-- the full-year budget (options.half_year_rate_base = "full_year", the Jiangsu provincial
-- family), a numeric half-year target such as "=45%" must agree with 半年计划执行数 /
-- 全年预算数 of the expense lines. The amounts are filed to 0.01 万元, so the share may be off
-- by their rounding (each amount ± 0.005) and by nothing else.
--
-- Elsewhere the check does not apply: in the Nantong family a half-year 100% means 100% of
-- the half-year plan, which the amounts cannot contradict.

local HALF_STEP = check.dec("0.005")  -- half of 0.01 万元, the precision amounts are filed to

local function agrees(cmp, low, high, p)
    if cmp == "=" or cmp == "" then return low <= p and p <= high end
    if cmp == "≥" then return high >= p end
    if cmp == ">" then return high > p end
    if cmp == "≤" then return low <= p end
    if cmp == "<" then return low < p end
    return true
end

local function jiangsu(half, full, target)
    return {
        tables = {
            income = { total = { full_year = full } },
            expenses = { { item = "项目支出", half_year = half, full_year = full } },
        },
        indicators = {
            { "过程", "资金管理", "预算执行率", half_year = target, full_year = "=100%" },
        },
    }
end

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "half-year-rate-agrees",
            title = { zh = "半年预算执行率指标与半年计划执行数相符", en = "The half-year execution rate target agrees with the amounts" },
            severity = "error",
            templates = { "*" },
            applies = function(spec) return spec.options.half_year_rate_base == "full_year" end,
            run = function(f)
                if f:option("half_year_rate_base") ~= "full_year" then
                    return check.not_applicable("模板未规定半年执行率以全年预算为基数")
                end
                if not (f:has("expenses.half_year") and f:has("expenses.full_year")) then
                    return check.not_applicable("模板的支出明细没有半年和全年两列")
                end
                local rates = 0
                for i = 1, f:indicators() do
                    local _, _, name = f:indicator(i)
                    local kind, cmp, p, unit, text = f:target(i, "half_year")
                    -- Nantong-style templates lack the option and never get here (applies).
                    if name:find("预算执行率", 1, true) and kind == "numeric" and unit == "%" then
                        rates = rates + 1
                        local half, hn, _, hbad = f:sum("expenses.half_year")
                        local full, fn, _, fbad = f:sum("expenses.full_year")
                        if hbad or fbad or hn == 0 or fn == 0 then
                            return check.insufficient("支出明细的半年或全年金额未填或不是数字")
                        end
                        local low, high = check.percent_range(half, full, HALF_STEP)
                        if not low then return check.insufficient("全年预算数合计为 " .. full) end
                        if not agrees(cmp, low, high, p) then
                            local share = check.percent(half, full, 2)
                            local expected = check.percent_of(full, p, 2)
                            f:report(f:target_path(i, "half_year"),
                                ("半年计划执行数 %s / 全年预算数 %s = %s%%，与“%s”半年指标值 %s 不符（按 %s%% 半年应为 %s）"):format(
                                    half, full, share, name, text, p, expected),
                                ("half-year plan %s / full-year budget %s = %s%%, which disagrees with the half-year target %s of %s (at %s%% the half-year plan would be %s)"):format(
                                    half, full, share, text, name, p, expected))
                        end
                    end
                end
                if rates == 0 then return check.not_applicable("没有以百分比表示的预算执行率半年指标") end
            end,
            cases = {
                check.case{
                    name = "江苏：121.05 / 269 = 45%",
                    template = "jiangsu-project",
                    filing = jiangsu("121.05", "269", "=45%"),
                },
                check.case{
                    name = "江苏：15.25 / 33.9 = 44.985%，在金额取整误差内与 45% 相符",
                    template = "jiangsu-project",
                    filing = jiangsu("15.25", "33.9", "=45%"),
                },
                check.case{
                    name = "江苏：557.56 / 1239.92 = 44.97% ≠ 45%",
                    template = "jiangsu-project",
                    filing = jiangsu("557.56", "1239.92", "=45%"),
                    expect = { { path = "i/0/t/half_year", contains = { "44.97%", "=45%", "557.96" } } },
                },
                check.case{
                    name = "江苏：≥45% 而计划只有 40%",
                    template = "jiangsu-project",
                    filing = jiangsu("40", "100", "≥45%"),
                    expect = { { path = "i/0/t/half_year", contains = "40%" } },
                },
                check.case{
                    name = "江苏：≥45% 而计划 50%",
                    template = "jiangsu-project",
                    filing = jiangsu("50", "100", "≥45%"),
                },
                check.case{
                    name = "南通：半年 =100% 指半年计划本身，不适用",
                    template = "nantong-project",
                    filing = {
                        tables = { expenses = { { half_year = "1.5", full_year = "3" } } },
                        indicators = { { "过程", "资金管理", "预算执行率", half_year = "=100%", full_year = "=100%" } },
                    },
                    outcome = "not_applicable",
                },
                check.case{
                    name = "江苏：半年指标是文字（序时进度），不适用",
                    template = "jiangsu-project",
                    filing = jiangsu("121.05", "269", "序时进度"),
                    outcome = "not_applicable",
                },
                check.case{
                    name = "江苏：半年金额未填",
                    template = "jiangsu-project",
                    filing = jiangsu("", "269", "=45%"),
                    outcome = "insufficient_data",
                },
            },
        },
    },
}
