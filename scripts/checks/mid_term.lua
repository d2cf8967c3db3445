-- 中期与年度 (BRIEF.md rule 6): a family that files a mid-term (e.g. 2023—2025) beside the
-- annual figures must not promise less over the mid-term than in the one year inside it.
--   mid-term-funds-cover-annual     中期资金 ≥ 年度资金, row by row          error
--   mid-term-targets-cover-annual   中期指标值 ≥ 年度指标值 for quantities     warning
-- Found through the template: a money table with columns mid_term and annual, and indicator
-- periods mid_term and annual (the Suzhou family).

-- Targets that state an amount to reach (a floor), in units that add up over years: counts,
-- measures and money. Rates (%) and time limits (≤6小时) do not accumulate.
local FLOOR = { ["≥"] = true, [">"] = true, ["="] = true, [""] = true }
local ADDS_UP = { count = true, measure = true, money = true, none = true }

local function has_columns(t, a, b)
    local seen = {}
    for _, c in ipairs(t.columns) do seen[c.id] = true end
    return seen[a] and seen[b]
end

local function mid_term_funds(spec)
    for _, t in ipairs(spec.tables) do
        if t.fixed and has_columns(t, "mid_term", "annual") then return true end
    end
    return false
end

local function mid_term_targets(spec)
    return spec.indicators ~= nil and has_columns({ columns = spec.indicators.periods }, "mid_term", "annual")
end

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "mid-term-funds-cover-annual",
            title = { zh = "中期资金不少于年度资金", en = "Mid-term funds are not less than the annual funds" },
            severity = "error",
            templates = { "*" },
            applies = mid_term_funds,
            run = function(f)
                local compared = 0
                for _, t in ipairs(f:spec().tables) do
                    if t.fixed and f:has(t.id .. "." .. t.rows[1].id .. ".mid_term") and f:has(t.id .. "." .. t.rows[1].id .. ".annual") then
                        for _, row in ipairs(t.rows) do
                            local mid_ref = t.id .. "." .. row.id .. ".mid_term"
                            local year_ref = t.id .. "." .. row.id .. ".annual"
                            local mid, year = f:amount(mid_ref), f:amount(year_ref)
                            if mid and year then
                                compared = compared + 1
                                if mid < year then
                                    f:report(mid_ref,
                                        ("中期%s %s < 年度%s %s"):format(row.label, mid, row.label, year),
                                        ("mid-term %s %s < annual %s %s"):format(row.label, mid, row.label, year))
                                end
                            end
                        end
                    end
                end
                if not f:has("income.total.mid_term") and compared == 0 then
                    return check.not_applicable("模板没有中期资金")
                end
                if compared == 0 then return check.insufficient("中期或年度资金未填") end
            end,
            cases = {
                check.case{
                    name = "宿州：中期 450 ≥ 年度 150",
                    template = "suzhou-project",
                    filing = { tables = { income = {
                        total = { mid_term = "450", annual = "150" }, fiscal_subtotal = { mid_term = "450", annual = "150" },
                    } } },
                },
                check.case{
                    name = "中期 90 < 年度 100",
                    template = "suzhou-project",
                    filing = { tables = { income = { total = { mid_term = "90", annual = "100" } } } },
                    expect = { { path = "t/income/0/mid_term", contains = { "90", "100" } } },
                },
                check.case{
                    name = "没有中期资金的模板",
                    template = "nantong-project",
                    filing = { tables = { income = { total = { full_year = "18" } } } },
                    outcome = "not_applicable",
                },
            },
        },

        check.define{
            id = "mid-term-targets-cover-annual",
            title = { zh = "中期数量指标不少于年度指标", en = "Mid-term quantity targets are not less than the annual ones" },
            severity = "warning",
            templates = { "*" },
            applies = mid_term_targets,
            run = function(f)
                local spec = f:spec().indicators
                local has_mid, has_year = false, false
                for _, p in ipairs(spec and spec.periods or {}) do
                    has_mid = has_mid or p.id == "mid_term"
                    has_year = has_year or p.id == "annual"
                end
                if not (has_mid and has_year) then return check.not_applicable("模板没有中期和年度两列指标值") end
                for i = 1, f:indicators() do
                    local mk, mcmp, mid, munit, mtext = f:target(i, "mid_term")
                    local yk, ycmp, year, yunit, ytext = f:target(i, "annual")
                    if mk == "numeric" and yk == "numeric" and munit == yunit and FLOOR[mcmp] and FLOOR[ycmp] then
                        local class, per = check.unit_class(munit)
                        if ADDS_UP[class] and not per and mid < year then
                            local _, _, name = f:indicator(i)
                            f:report(f:target_path(i, "mid_term"),
                                ("“%s”中期指标值 %s 少于年度指标值 %s"):format(name, mtext, ytext),
                                ("mid-term target %s of \"%s\" is less than the annual one %s"):format(mtext, name, ytext))
                        end
                    end
                end
            end,
            cases = {
                check.case{
                    name = "宿州：中期 ≥9次，年度 ≥3次",
                    template = "suzhou-project",
                    filing = { indicators = {
                        { "产出指标", "数量指标", "开展网络文化活动次数", mid_term = "≥9次", annual = "≥3次" },
                        { "产出指标", "数量指标", "管理属地网站、微信公众号、微博号", mid_term = "≥4万家", annual = "≥4万家" },
                        { "产出指标", "质量指标", "违法违规网站账号处置率", mid_term = "100%", annual = "100%" },
                        { "产出指标", "时效指标", "处置重点网络安全应急事件时限", mid_term = "≤6小时", annual = "≤6小时" },
                    } },
                },
                check.case{
                    name = "中期 ≥2次 少于年度 ≥5次",
                    template = "suzhou-project",
                    filing = { indicators = {
                        { "产出指标", "数量指标", "发布安全预警", mid_term = "≥2次", annual = "≥5次" },
                        { "产出指标", "质量指标", "满意率", mid_term = "≥90%", annual = "≥95%" },
                    } },
                    expect = { { path = "i/0/t/mid_term", contains = { "≥2次", "≥5次" } } },
                },
                check.case{
                    name = "没有中期指标的模板",
                    template = "hebei-project",
                    filing = { indicators = { { "产出指标", "数量指标", "管理车辆数", value = "17辆" } } },
                    outcome = "not_applicable",
                },
            },
        },
    },
}
