-- 绩效指标体系 (BRIEF.md rule 8): the indicator tree is complete for the family.
--   indicator-categories      required level-1 / level-2 categories have indicators; each
--                             level-2 sits under its own level-1; no category the family
--                             does not know                                              error
--   indicator-rows-complete   every level-3 indicator has a name and a target in each
--                             period column                                              error
-- The tree (names, aliases, what is required) is the template's; f:category() matches the
-- filed names to it.

-- f:indicator(i)'s fourth value says whether the level-3 name is a real one: a blank or a
-- sign for "nothing here" (……, 不适用, 无) is no indicator; rule 9 (target_values.lua)
-- reports the signs.
local function has_target(f, i, periods)
    for _, p in ipairs(periods) do
        if f:target_kind(i, p.id) ~= "blank" then return true end
    end
    return false
end

local ts = require "template_spec"

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "indicator-categories",
            title = { zh = "绩效指标体系完整，二级指标归属正确", en = "The indicator tree has its required categories, each in place" },
            severity = "error",
            templates = { "*" },
            applies = ts.has_indicators,
            run = function(f)
                local spec = f:spec().indicators
                if not spec then return check.not_applicable("模板没有绩效指标表") end
                local n = f:indicators()
                if n == 0 then return check.insufficient("没有填写绩效指标") end
                -- present[level-1]; first_row[level-1][level-2] and filled[level-1][level-2]
                local present, filled, first_row = {}, {}, {}
                for i = 1, n do
                    local c1, c2, home = f:category(i)
                    if c1 then present[c1] = true end
                    if c2 then
                        local h = home or c1 or ""
                        local rows, full = first_row[h], filled[h]
                        if not rows then
                            rows, full = {}, {}
                            first_row[h], filled[h] = rows, full
                        end
                        rows[c2] = rows[c2] or i
                        if f:named(i) or has_target(f, i, spec.periods) then full[c2] = true end
                    end
                    if home or not c1 or not c2 then
                        local l1, l2 = f:indicator(i)
                        if home then
                            f:report(f:indicator_path(i, "l2"),
                                ("二级指标“%s”应在一级指标“%s”下，这里填在“%s”下"):format(l2, home, l1),
                                ("level-2 \"%s\" belongs under \"%s\", filed under \"%s\""):format(l2, home, l1))
                        elseif not c1 and l1:find("%S") then
                            f:report(f:indicator_path(i, "l1"),
                                ("一级指标“%s”不是本表的指标类别"):format(l1),
                                ("\"%s\" is not a level-1 category of this form"):format(l1))
                        elseif c1 and not c2 and l2:find("%S") then
                            f:report(f:indicator_path(i, "l2"),
                                ("二级指标“%s”不是“%s”下的类别"):format(l2, c1),
                                ("\"%s\" is not a level-2 category under \"%s\""):format(l2, c1))
                        end
                    end
                end
                for _, one in ipairs(spec.tree) do
                    if one.required and not present[one.name] then
                        f:report(f:path("indicators"), ("缺少一级指标“%s”"):format(one.name),
                            ("the level-1 category \"%s\" is missing"):format(one.name))
                    elseif present[one.name] then
                        for _, two in ipairs(one.level2) do
                            if two.required and not (filled[one.name] or {})[two.name] then
                                local row = (first_row[one.name] or {})[two.name]
                                f:report(row and f:indicator_path(row, "name") or f:path("indicators"),
                                    ("“%s”下的二级指标“%s”没有填写指标"):format(one.name, two.name),
                                    ("the required level-2 category \"%s\" under \"%s\" has no indicator"):format(two.name, one.name))
                            end
                        end
                    end
                end
            end,
            cases = {
                check.case{
                    name = "河北：产出、效益、满意度齐全",
                    template = "hebei-project",
                    filing = { indicators = {
                        { "产出指标", "质量指标", "公车保险缴纳率", value = "≥95百分比" },
                        { "产出指标", "数量指标", "管理车辆数（辆）", value = "17辆" },
                        { "产出指标", "时效指标", "按项目计划完成工作", value = "100百分比" },
                        { "产出指标", "成本指标", "项目控制预算数", value = "≤6.8万元" },
                        { "效益指标", "经济效益指标", "提高工作效率", value = "明显" },
                        { "满意度指标", "服务对象满意度指标", "使用对象满意率", value = "≥95百分比" },
                    } },
                },
                check.case{
                    name = "南通：成本指标一行空着",
                    template = "nantong-project",
                    filing = { indicators = {
                        { "决策", "项目立项", "立项依据充分性", half_year = "充分", full_year = "充分" },
                        { "决策", "绩效目标", "绩效目标合理性", half_year = "合理", full_year = "合理" },
                        { "决策", "资金投入", "预算编制科学性", half_year = "科学", full_year = "科学" },
                        { "过程", "资金管理", "预算执行率", half_year = "=100%", full_year = "=100%" },
                        { "过程", "组织实施", "管理制度健全性", half_year = "健全", full_year = "健全" },
                        { "产出指标", "数量指标", "网络安全监测服务", half_year = "=100%", full_year = "=100%" },
                        { "产出指标", "质量指标", "共享数据质量情况", half_year = "≥90%", full_year = "≥90%" },
                        { "产出指标", "时效指标", "网络安全监测服务实时性", half_year = "实时", full_year = "实时" },
                        { "产出指标", "成本指标", "" },
                        { "效益指标", "经济效益", "" },
                        { "效益指标", "社会效益", "知晓度", half_year = "较高", full_year = "较高" },
                        { "满意度指标", "服务对象满意度", "数据共享单位满意度", half_year = "=100%", full_year = "=100%" },
                    } },
                    expect = { { path = "i/8/name", contains = "成本指标" } },
                },
                check.case{
                    name = "河北：缺满意度指标，成本指标放到了效益指标下",
                    template = "hebei-project",
                    filing = { indicators = {
                        { "产出指标", "质量指标", "公车保险缴纳率", value = "≥95百分比" },
                        { "产出指标", "数量指标", "管理车辆数（辆）", value = "17辆" },
                        { "产出指标", "时效指标", "按项目计划完成工作", value = "100百分比" },
                        { "效益指标", "成本指标", "项目控制预算数", value = "≤6.8万元" },
                        { "效益指标", "社会效应", "公众知晓", value = "较高" },
                    } },
                    expect = {
                        { path = "i/3/l2", contains = { "成本指标", "产出指标", "效益指标" } },
                        { path = "i/4/l2", contains = "社会效应" },
                        { path = "i", contains = "满意度指标" },
                    },
                },
                check.case{
                    name = "一级指标不认识",
                    template = "hebei-project",
                    filing = { indicators = {
                        { "产出指标", "数量指标", "车辆数", value = "17辆" },
                        { "产出指标", "质量指标", "缴纳率", value = "≥95%" },
                        { "产出指标", "时效指标", "及时性", value = "及时" },
                        { "产出指标", "成本指标", "成本", value = "≤6.8万元" },
                        { "效益指标", "社会效益指标", "知晓度", value = "较高" },
                        { "满意度指标", "服务对象满意度指标", "满意率", value = "≥95%" },
                        { "影响指标", "", "长期影响", value = "明显" },
                    } },
                    expect = { { path = "i/6/l1", contains = "影响指标" } },
                },
                check.case{
                    name = "没有指标",
                    template = "hebei-project",
                    filing = { fields = { project_name = "甲" } },
                    outcome = "insufficient_data",
                },
                check.case{
                    name = "模板没有指标表",
                    template = "hebei-department",
                    filing = { fields = { department_name = "甲" } },
                    outcome = "not_applicable",
                },
            },
        },

        check.define{
            id = "indicator-rows-complete",
            title = { zh = "每个三级指标有名称，且各期都有指标值", en = "Every indicator has a name and a target in each period" },
            severity = "error",
            templates = { "*" },
            applies = ts.has_indicators,
            run = function(f)
                local spec = f:spec().indicators
                if not spec then return check.not_applicable("模板没有绩效指标表") end
                local labels = {}
                for _, p in ipairs(spec.periods) do labels[p.id] = p.label end
                for i, pid in f:targets("blank") do
                    if f:named(i) then
                        local _, _, name = f:indicator(i)
                        f:report(f:target_path(i, pid), ("“%s”的%s未填"):format(name, labels[pid]),
                            ("\"%s\": %s is blank"):format(name, labels[pid]))
                    end
                end
                -- Rows with a target but no name (a row named …… is rule 9's).
                for i = 1, f:indicators() do
                    if not f:named(i) and has_target(f, i, spec.periods) and not select(3, f:indicator(i)):find("%S") then
                        local text
                        for _, p in ipairs(spec.periods) do
                            text = text or (f:target_kind(i, p.id) ~= "blank" and select(5, f:target(i, p.id)))
                        end
                        f:report(f:indicator_path(i, "name"),
                            ("有指标值“%s”，但三级指标名称未填"):format(text),
                            ("a target \"%s\" without an indicator name"):format(text))
                    end
                end
            end,
            cases = {
                check.case{
                    name = "名称与两期指标值齐全；空的类别行不算",
                    template = "nantong-project",
                    filing = { indicators = {
                        { "过程", "资金管理", "预算执行率", half_year = "=100%", full_year = "=100%" },
                        { "产出指标", "成本指标", "" },
                    } },
                },
                check.case{
                    name = "半年指标值未填；有值无名",
                    template = "jiangsu-project",
                    filing = { indicators = {
                        { "产出指标", "数量指标", "培训场次", half_year = "", full_year = "≥7次" },
                        { "产出指标", "质量指标", "", half_year = "≥95%", full_year = "≥95%" },
                    } },
                    expect = {
                        { path = "i/0/t/half_year", contains = { "培训场次", "半年" } },
                        { path = "i/1/name", contains = "≥95%" },
                    },
                },
                check.case{
                    name = "名称是占位符“……”而指标值空：交给 target-placeholder",
                    template = "yuanjiang-project",
                    filing = { indicators = { { "效益指标", "经济效益指标", "……", value = "" } } },
                },
            },
        },
    },
}
