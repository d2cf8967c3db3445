-- 项目期 (BRIEF.md rule 7): the budget year lies inside the project period 开始时间 … 完成时间.
-- Applies to templates with start_year and end_year fields (Nantong, Jiangsu); the others
-- print the period as text (一年, 长期) or not at all.

local function has_field(spec, id)
    for _, field in ipairs(spec.fields) do
        if field.id == id then return true end
    end
    return false
end

local function jiangsu(start_year, end_year)
    return { fields = { project_name = "政风热线", start_year = start_year, end_year = end_year } }
end

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "budget-year-in-period",
            title = { zh = "预算年度在项目期内", en = "The budget year lies inside the project period" },
            severity = "error",
            templates = { "*" },
            applies = function(spec) return has_field(spec, "start_year") and has_field(spec, "end_year") end,
            run = function(f)
                if not (f:has("start_year") and f:has("end_year")) then
                    return check.not_applicable("模板没有开始时间和完成时间")
                end
                local first, why1 = f:year_of("start_year")
                local last, why2 = f:year_of("end_year")
                if why1 == "not_a_year" or why2 == "not_a_year" then
                    local ref = why1 == "not_a_year" and "start_year" or "end_year"
                    f:report(ref, ("%s “%s” 不是年份"):format(f:label(ref), f:text(ref)),
                        ("%s \"%s\" is not a year"):format(f:label(ref), f:text(ref)))
                    return
                end
                if not first or not last then return check.insufficient("开始时间或完成时间未填") end
                local year = f:year()
                if not year then return check.insufficient("预算年度不明") end
                if first > last then
                    f:report("end_year", ("完成时间 %d 早于开始时间 %d"):format(last, first),
                        ("end year %d is before start year %d"):format(last, first))
                elseif year > last then
                    f:report("end_year",
                        ("项目期 %d—%d 不含预算年度 %d：完成时间早于预算年度"):format(first, last, year),
                        ("the project period %d–%d does not include the budget year %d: it ended before"):format(first, last, year))
                elseif year < first then
                    f:report("start_year",
                        ("项目期 %d—%d 不含预算年度 %d：开始时间晚于预算年度"):format(first, last, year),
                        ("the project period %d–%d does not include the budget year %d: it starts after"):format(first, last, year))
                end
            end,
            cases = {
                check.case{ name = "2024—2026 含 2024", template = "jiangsu-project", filing = jiangsu("2024年", "2026年") },
                check.case{ name = "2022—2024 含 2024", template = "jiangsu-project", filing = jiangsu("2022", "2024") },
                check.case{
                    name = "2021—2023 不含 2024",
                    template = "jiangsu-project",
                    filing = jiangsu("2021年", "2023年"),
                    expect = { { path = "f/end_year", contains = { "2021—2023", "2024" } } },
                },
                check.case{
                    name = "2025 开始，不含 2024",
                    template = "nantong-project",
                    filing = { fields = { start_year = "2025", end_year = "2026" } },
                    expect = { { path = "f/start_year", contains = "2025" } },
                },
                check.case{
                    name = "完成早于开始",
                    template = "nantong-project",
                    filing = { fields = { start_year = "2024", end_year = "2023" } },
                    expect = { { path = "f/end_year", contains = "早于开始时间" } },
                },
                check.case{
                    name = "不是年份",
                    template = "nantong-project",
                    filing = { fields = { start_year = "2024年1月", end_year = "2024" } },
                    expect = { { path = "f/start_year", contains = "不是年份" } },
                },
                check.case{
                    name = "未填",
                    template = "nantong-project",
                    filing = { fields = { start_year = "2024" } },
                    outcome = "insufficient_data",
                },
                check.case{
                    name = "宿州的项目期是文字",
                    template = "suzhou-project",
                    filing = { fields = { project_period = "长期" } },
                    outcome = "not_applicable",
                },
            },
        },
    },
}
