-- 部门整体支出 (BRIEF.md rule 5): a department-wide table splits its 资金总额 into 基本支出 and
-- 项目支出, and its 项目支出 is what the department's project tables of the same year add up to.
--   department-split-adds-up     资金总额 = 基本支出 + 项目支出                              error
--   department-projects-sum      项目支出 = the sum of the department's project budgets   error
-- The split is found through the template: a fixed-rows table whose row sums to rows with ids
-- `basic` and `project` (yuanjiang-department). A department-wide template without figures
-- (hebei-department) has nothing to check.

-- The decomposition into basic + project spending in a template: table id, total row, column,
-- and the row ids, or nil when the template has none.
local function split_in(spec)
    for _, t in ipairs(spec.tables) do
        if t.fixed then
            for _, row in ipairs(t.rows) do
                for _, parts in ipairs(row.sum_of) do
                    local basic, project = false, false
                    for _, p in ipairs(parts) do
                        basic = basic or p == "basic"
                        project = project or p == "project"
                    end
                    if basic and project then
                        for _, col in ipairs(t.columns) do
                            if col.kind == "money" then return t.id, row.id, col.id, parts end
                        end
                    end
                end
            end
        end
    end
end

local function split_of(f)
    return split_in(f:spec())
end

local function yuanjiang_department(total, basic, project)
    return {
        template = "yuanjiang-department",
        fields = { department_name = "中共示例市委网络安全和信息化委员会办公室", filled_by = "严飞", filled_phone = "17763740907" },
        tables = { funds = {
            total = { amount = total }, general_budget = { amount = total },
            basic = { amount = basic }, project = { amount = project },
        } },
    }
end

-- A project table; filed by the department's filer unless `filer` says otherwise. With 预算部门
-- blank it joins the department whose department-wide table has the same filer.
local function yuanjiang_project(name, budget, department, filer)
    return {
        template = "yuanjiang-project",
        fields = { project_name = name, annual_budget = budget, department = department or "",
                   filled_by = filer or "严飞", filled_phone = filer and "13800000000" or "17763740907" },
    }
end

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "department-split-adds-up",
            title = { zh = "部门资金总额等于基本支出加项目支出", en = "Department total = basic + project spending" },
            severity = "error",
            templates = { "*-department" },
            applies = function(spec) return split_in(spec) ~= nil end,
            run = function(f)
                local tid, row, col, parts = split_of(f)
                if not tid then return check.not_applicable("模板没有按支出性质（基本支出、项目支出）分列的资金") end
                local total_ref = tid .. "." .. row .. "." .. col
                local total, why = f:amount(total_ref)
                if not total then return check.insufficient(f:label(total_ref) .. (why == "blank" and " 未填" or " 不是数字")) end
                local sum, shown = check.dec(0), {}
                for _, p in ipairs(parts) do
                    local ref = tid .. "." .. p .. "." .. col
                    local v, pwhy = f:amount(ref)
                    if pwhy == "not_a_number" then return check.insufficient(f:label(ref) .. " 不是数字") end
                    if v then
                        sum = sum + v
                        shown[#shown + 1] = f:label(ref) .. " " .. v
                    end
                end
                if #shown == 0 then return check.insufficient("基本支出和项目支出均未填") end
                if sum ~= total then
                    local detail = table.concat(shown, " + ")
                    f:report(total_ref,
                        ("%s %s ≠ %s = %s（差 %s）"):format(f:label(total_ref), total, detail, sum, (sum - total):abs()),
                        ("%s %s ≠ %s = %s (difference %s)"):format(f:label(total_ref), total, detail, sum, (sum - total):abs()))
                end
            end,
            cases = {
                check.case{
                    name = "沅江：109.04 = 66.16 + 42.88",
                    filing = yuanjiang_department("109.04", "66.16", "42.88"),
                },
                check.case{
                    name = "沅江：109.04 ≠ 66.16 + 44.28 = 110.44",
                    filing = yuanjiang_department("109.04", "66.16", "44.28"),
                    expect = { { path = "t/funds/0/amount", contains = { "资金总额 109.04", "110.44", "差 1.4" } } },
                },
                check.case{
                    name = "河北部门整体目标没有金额",
                    template = "hebei-department",
                    filing = { fields = { department_name = "414001市场监管部门市场监督管理局本级" } },
                    outcome = "not_applicable",
                },
            },
        },

        check.define{
            id = "department-projects-sum",
            title = { zh = "部门项目支出等于本部门当年各项目预算之和", en = "Department project spending = the sum of its project tables" },
            severity = "error",
            templates = { "*-department" },
            scope = "department",
            -- Asked of the department-wide templates: one without the split (hebei-department)
            -- has nothing to compare, and its department's filings are not even read.
            applies = function(spec) return split_in(spec) ~= nil end,
            run = function(filings)
                local departments, projects = {}, {}
                for _, f in ipairs(filings) do
                    if split_of(f) then
                        departments[#departments + 1] = f
                    elseif not f:template():find("%-department$") then
                        projects[#projects + 1] = f
                    end
                end
                if #departments == 0 then return check.not_applicable("没有分列项目支出的部门整体表") end
                for _, d in ipairs(departments) do
                    local tid, trow, col = split_of(d)
                    local ref = tid .. ".project." .. col
                    local stated, why = d:amount(ref)
                    if not stated then return check.insufficient(d:label(ref) .. (why == "blank" and " 未填" or " 不是数字")) end
                    local sum, n, missing = check.dec(0), 0, {}
                    for _, p in ipairs(projects) do
                        if p:family() == d:family() then
                            local total_ref = p:spec().total
                            local v = total_ref and p:amount(total_ref)
                            if v then
                                sum = sum + v
                                n = n + 1
                            else
                                missing[#missing + 1] = "“" .. p:title() .. "”"
                            end
                        end
                    end
                    if #missing > 0 then
                        return check.insufficient("项目表预算金额未填：" .. table.concat(missing, "、"))
                    end
                    if n == 0 then return check.insufficient("没有本部门同年度的项目表") end
                    if sum ~= stated then
                        -- When 基本支出 + the projects' sum gives 资金总额, the stated 项目支出 is
                        -- the figure out of line: say so, it is what the filer must correct.
                        local hint_zh, hint_en = "", ""
                        local total = d:amount(tid .. "." .. trow .. "." .. col)
                        local basic = d:amount(tid .. ".basic." .. col)
                        if total and basic and basic + sum == total and basic + stated ~= total then
                            hint_zh = ("；按项目表合计，%s %s + %s = %s，与%s相符"):format(d:label(tid .. ".basic." .. col), basic,
                                sum, total, d:label(tid .. "." .. trow .. "." .. col))
                            hint_en = ("; with the projects' sum, %s + %s = %s, the total"):format(basic, sum, total)
                        end
                        d:report(ref,
                            ("%s %s ≠ 本部门 %s 年 %d 张项目表的预算金额之和 %s（差 %s）%s"):format(
                                d:label(ref), stated, d:year() or "", n, sum, (sum - stated):abs(), hint_zh),
                            ("%s %s ≠ %s, the sum of the budgets of the department's %d project tables of %s (difference %s)%s"):format(
                                d:label(ref), stated, sum, n, d:year() or "", (sum - stated):abs(), hint_en))
                    end
                end
            end,
            cases = {
                check.case{
                    name = "项目支出 12.4 = 9.6 + 2.8",
                    filings = {
                        yuanjiang_department("78.56", "66.16", "12.4"),
                        yuanjiang_project("B应急指挥中心运行经费", "9.6"),
                        yuanjiang_project("B网络安全执法经费", "2.8"),
                    },
                },
                check.case{
                    name = "项目支出 44.28 ≠ 9.6 + 3.84 = 13.44",
                    filings = {
                        yuanjiang_department("110.44", "66.16", "44.28"),
                        yuanjiang_project("B应急指挥中心运行经费", "9.6"),
                        yuanjiang_project("B网络安全执法经费", "3.84", "中共示例市委网络安全和信息化委员会办公室"),
                    },
                    expect = { { path = "t/funds/6/amount", filing = 1, contains = { "项目支出 44.28", "2 张项目表", "13.44", "差 30.84" } } },
                },
                check.case{
                    name = "别的部门的项目不计入",
                    filings = {
                        yuanjiang_department("76.16", "66.16", "10"),
                        yuanjiang_project("B应急指挥中心运行经费", "10"),
                        yuanjiang_project("B别的部门的项目", "5", "另一个部门", "李四"),
                        yuanjiang_project("B别的部门未填预算部门的项目", "7", "", "李四"),
                    },
                },
                check.case{
                    name = "项目表预算金额未填",
                    filings = {
                        yuanjiang_department("76.16", "66.16", "10"),
                        yuanjiang_project("B应急指挥中心运行经费", ""),
                    },
                    outcome = "insufficient_data",
                },
                check.case{
                    name = "没有项目表",
                    filings = { yuanjiang_department("76.16", "66.16", "10") },
                    outcome = "insufficient_data",
                },
            },
        },
    },
}
