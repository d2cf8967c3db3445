-- 跨年度: the same project's filing of the year before (f:previous(): the template's key
-- fields agree, by default the department and the title) is the yardstick for this year's.
--   total-changed-from-previous-year   info; a finding is a warning when the total moved by
--                                      more than half, or from or to zero
-- A total that changed is not wrong (budgets change), but a reviewer reads each one, and a
-- large jump is often a unit slip (元 filed as 万元) or the wrong project's figure.
local LARGE = check.dec(50)  -- percent of last year's total

local function total_of(f)
    local ref = f:spec().total
    local value = f:amount(ref)
    return value, ref
end

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "total-changed-from-previous-year",
            title = { zh = "资金总额与上年同一项目相比有变化", en = "The total differs from the same project's last year" },
            severity = "info",
            templates = { "*" },
            applies = function(spec) return spec.total ~= nil end,
            run = function(f)
                local this_year, ref = total_of(f)
                if this_year == nil then return check.insufficient("资金总额未填或不是数字") end
                local last = f:previous()
                if last == nil then return check.not_applicable("没有上一年度的同一项目") end
                local last_year = total_of(last)
                if last_year == nil then return check.insufficient("上一年度的资金总额未填或不是数字") end
                if this_year:cmp(last_year) == 0 then return end

                local unit = f:spec().money_unit or "万元"
                local change = this_year - last_year
                local sign = change:sign() > 0 and "增加" or "减少"
                local sign_en = change:sign() > 0 and "up" or "down"
                local severity, share_zh, share_en = "info", "", ""
                if last_year:is_zero() or this_year:is_zero() then
                    severity = "warning"
                else
                    local share = check.percent(change:abs(), last_year, 1)
                    share_zh, share_en = ("（%s%%）"):format(share), (" (%s%%)"):format(share)
                    if share > LARGE then severity = "warning" end
                end
                local label = f:label(ref)
                f:report(ref,
                    ("%s %s %s，上一年度（%d 年，填报 %d）为 %s %s，%s %s %s%s"):format(
                        label, this_year, unit, last:year() or 0, last:id(), last_year, unit, sign, change:abs(), unit, share_zh),
                    ("%s %s %s; last year (%d, filing %d) %s %s: %s %s %s%s"):format(
                        label, this_year, unit, last:year() or 0, last:id(), last_year, unit, sign_en, change:abs(), unit, share_en),
                    { severity = severity })
            end,
            cases = {
                check.case{
                    name = "与上年相同",
                    template = "jiangsu-project",
                    filings = {
                        { year = 2024, fields = { project_name = "公车运行维护", department = "省机关事务管理局" }, tables = { income = { total = { full_year = "18" } } } },
                        { year = 2023, fields = { project_name = "公车运行维护", department = "省机关事务管理局" }, tables = { income = { total = { full_year = "18" } } } },
                    },
                },
                check.case{
                    name = "比上年增加一成",
                    template = "jiangsu-project",
                    filings = {
                        { year = 2024, fields = { project_name = "公车运行维护", department = "省机关事务管理局" }, tables = { income = { total = { full_year = "19.8" } } } },
                        { year = 2023, fields = { project_name = "公车运行维护", department = "省机关事务管理局" }, tables = { income = { total = { full_year = "18" } } } },
                    },
                    expect = { { path = "t/income/0/full_year", contains = { "19.8", "18", "增加 1.8", "10%" } } },
                },
                check.case{
                    name = "别的项目、别的年份不算",
                    template = "jiangsu-project",
                    filings = {
                        { year = 2024, fields = { project_name = "公车运行维护", department = "省机关事务管理局" }, tables = { income = { total = { full_year = "19.8" } } } },
                        { year = 2023, fields = { project_name = "办公楼维修", department = "省机关事务管理局" }, tables = { income = { total = { full_year = "18" } } } },
                        { year = 2022, fields = { project_name = "公车运行维护", department = "省机关事务管理局" }, tables = { income = { total = { full_year = "18" } } } },
                    },
                    outcome = "not_applicable",
                },
            },
        },
    },
}
