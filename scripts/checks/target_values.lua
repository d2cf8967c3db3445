-- 指标值 (BRIEF.md rules 9 and 10): every target value is a target, and its unit fits the
-- indicator.
--   target-placeholder   a placeholder (是/否, ……, 无, —) where a target belongs          warning
--   target-unparsed      text that is not a target value (a sentence, a wrapped figure)   warning
--   target-unit-fits     a rate (…率, …度) in %, a count (…次数, …数量, 人数) in a count unit error
-- Parsing is the core's (f:target, core/target_value.h). Targets are read in every indicator
-- period column and in table columns of kind "target" (the Hebei sub-goals, whose name and
-- value share a cell: "监管执法计划完成率≥90%").

-- The target columns of a template, { table, column } pairs, found once per spec table (f:spec()
-- gives the same table for every filing of a template and version; weak keys, so that the
-- tables of templates reloaded since are not kept).
local target_columns_of = setmetatable({}, { __mode = "k" })
local function target_columns(spec)
    local list = target_columns_of[spec]
    if not list then
        list = {}
        for _, t in ipairs(spec.tables) do
            for _, col in ipairs(t.columns) do
                if col.kind == "target" then list[#list + 1] = { table = t.id, column = col.id } end
            end
        end
        target_columns_of[spec] = list
    end
    return list
end

-- The target cells of tables (columns of kind "target") whose kind is `kind` (nil: every one):
-- calls visit(at, name, text).
local function each_table_target(f, kind, visit)
    for _, tc in ipairs(target_columns(f:spec())) do
        local at = { table = tc.table, column = tc.column }
        for r = 1, f:rows(tc.table) do
            -- the indicator's name is the subject of "监管执法计划完成率≥90%"
            local k, _, _, _, text, subject = f:cell_target(tc.table, r, tc.column)
            if kind == nil or k == kind then
                at.row = r
                visit(at, subject, text)
            end
        end
    end
end

-- Every target cell (indicators, then tables) whose kind is `kind` (nil: every one): calls
-- visit(at, name, text) with `at` a location for path(). f:targets(kind) scans in C, so the
-- loop body runs only for the matching cells.
local function each_target(f, kind, visit)
    local at, name = {}, nil
    for i, pid in f:targets(kind) do
        if i ~= at.i then name = select(3, f:indicator(i)) end  -- an indicator's periods come in a row
        local _, _, _, _, text = f:target(i, pid)
        at.i, at.period = i, pid
        visit(at, name, text)
    end
    each_table_target(f, kind, visit)
end

-- The cell path of a location from each_target, built only for a finding.
local function path(f, at)
    if at.table then return f:path(at.table, at.row, at.column) end
    return f:target_path(at.i, at.period)
end

local function has_targets(spec)
    if spec.indicators then return true end
    for _, t in ipairs(spec.tables) do
        for _, col in ipairs(t.columns) do
            if col.kind == "target" then return true end
        end
    end
    return false
end

local function of_name(name, zh)
    if name == "" then return "" end
    return zh and ("“" .. name .. "”的") or (" of \"" .. name .. "\"")
end

-- A category that is not required may be declared not to apply ("不适用"); a required one,
-- or any other placeholder, still wants a target.
local function optional_category(f, i)
    if not i then return false end  -- a table cell: no category
    local c1, c2 = f:category(i)
    local spec = f:spec().indicators
    for _, one in ipairs(spec and spec.tree or {}) do
        if one.name == c1 then
            for _, two in ipairs(one.level2) do
                if two.name == c2 then return not two.required end
            end
        end
    end
    return false
end

-- Names of rates and counts. A trailing "（辆）" names the unit and is left out.
local RATE_ENDINGS = { "率", "度" }
local NOT_RATES = { "年度", "制度", "季度", "额度", "进度", "程度", "力度", "深度", "维度", "长度", "温度" }
local COUNT_ENDINGS = { "次数", "数量", "人数", "个数", "户数", "家数", "场次", "期数", "人次", "件数", "项数",
                        "台数", "辆数", "份数", "篇数", "条数", "批次", "场数", "课时数" }
local COUNT_WANTS_NOT = { percent = "%", money = "金额", time = "时间", measure = "度量" }

local function ends_with(s, tail) return #s >= #tail and s:sub(-#tail) == tail end

local function classify_name(name)
    name = text.trim(name)
    if name:sub(-3) == "）" or name:sub(-1) == ")" then
        name = name:gsub("（[^（]*）$", ""):gsub("%([^(]*%)$", "")
    end
    for _, w in ipairs(COUNT_ENDINGS) do
        if ends_with(name, w) then return "count" end
    end
    for _, w in ipairs(NOT_RATES) do
        if ends_with(name, w) then return nil end
    end
    for _, w in ipairs(RATE_ENDINGS) do
        if ends_with(name, w) then return "rate" end
    end
    return false
end

-- Indicator names repeat from filing to filing: remember what each one is (bounded, so that a
-- batch of unusual names cannot fill the script's memory).
local known_names, known_count = {}, 0
local function name_kind(name)
    local kind = known_names[name]
    if kind == nil then
        kind = classify_name(name)
        if known_count >= 5000 then known_names, known_count = {}, 0 end
        known_names[name], known_count = kind, known_count + 1
    end
    return kind or nil
end

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "target-placeholder",
            title = { zh = "指标值不是占位符", en = "No placeholder where a target belongs" },
            severity = "warning",
            templates = { "*" },
            applies = has_targets,
            run = function(f)
                each_target(f, "placeholder", function(at, name, text)
                    if text == "不适用" and optional_category(f, at.i) then return end
                    f:report(path(f, at), ("%s指标值“%s”是占位符，不是目标值"):format(of_name(name, true), text),
                        ("the target \"%s\"%s is a placeholder, not a target"):format(text, of_name(name, false)))
                end)
                -- A level-3 name that is itself a placeholder, with no target beside it: the
                -- category was left unfilled.
                local spec = f:spec().indicators
                for i = 1, spec and f:indicators() or 0 do
                    if not f:named(i) then
                        local _, l2, name = f:indicator(i)
                        local empty = name:find("%S") ~= nil
                        for _, p in ipairs(spec.periods) do
                            empty = empty and f:target_kind(i, p.id) == "blank"
                        end
                        if empty and not (name == "不适用" and optional_category(f, i)) then
                            f:report(f:indicator_path(i, "name"),
                                ("“%s”下的三级指标填的是占位符“%s”，没有指标"):format(l2, name),
                                ("under \"%s\" the indicator is the placeholder \"%s\""):format(l2, name))
                        end
                    end
                end
            end,
            cases = {
                check.case{
                    name = "河北：是/否",
                    template = "hebei-project",
                    filing = { indicators = {
                        { "产出指标", "成本指标", "项目控制预算数", value = "是/否" },
                        { "产出指标", "数量指标", "管理车辆数（辆）", value = "17辆" },
                    } },
                    expect = { { path = "i/0/t/value", contains = { "项目控制预算数", "是/否" } } },
                },
                check.case{
                    name = "沅江：经济效益指标填“……”",
                    template = "yuanjiang-project",
                    filing = { indicators = {
                        { "效益指标", "经济效益指标", "……", value = "" },
                        { "效益指标", "社会效益指标", "确保不发生全市网络安全事件", value = "≤1次" },
                    } },
                    expect = { { path = "i/0/name", contains = { "经济效益指标", "……" } } },
                },
                check.case{
                    name = "宿州：非必填类别写“不适用”可以",
                    template = "suzhou-project",
                    filing = { indicators = {
                        { "效益指标", "经济效益指标", "不适用", mid_term = "", annual = "" },
                        { "效益指标", "生态效益指标", "不适用", mid_term = "不适用", annual = "不适用" },
                    } },
                },
                check.case{
                    name = "必填类别写“不适用”",
                    template = "suzhou-project",
                    filing = { indicators = {
                        { "满意度指标", "服务对象满意度指标", "培训学员满意度", mid_term = "不适用", annual = "≥95%" },
                    } },
                    expect = { { path = "i/0/t/mid_term", contains = "不适用" } },
                },
            },
        },

        check.define{
            id = "target-unparsed",
            title = { zh = "指标值可识别", en = "Every target value can be read" },
            severity = "warning",
            templates = { "*" },
            applies = has_targets,
            run = function(f)
                each_target(f, "unparsed", function(at, name, text)
                    f:report(path(f, at),
                        ("%s指标值“%s”不是可核对的目标值（应为数值加单位，如 ≥95%%，或规定的等级词）"):format(of_name(name, true), text),
                        ("the target \"%s\"%s cannot be read as a target value (a figure with a unit such as ≥95%%, or a grade word)"):format(
                            text, of_name(name, false)))
                end)
            end,
            cases = {
                check.case{
                    name = "数值、等级词、模板的等级词都可识别",
                    template = "suzhou-project",
                    filing = { indicators = {
                        { "产出指标", "数量指标", "开展网络文化活动次数", mid_term = "≥9次", annual = "≥3次" },
                        { "产出指标", "时效指标", "重大主题宣传", mid_term = "全年", annual = "全年" },
                        { "满意度指标", "服务对象满意度指标", "培训学员满意率", mid_term = "满意率95%以上", annual = "满意度≥95%" },
                    } },
                },
                check.case{
                    name = "宿州：句子不是指标值",
                    template = "suzhou-project",
                    filing = { indicators = {
                        { "产出指标", "成本指标", "培训成本", mid_term = "严格执行培训费相关规定", annual = "≤2万元" },
                    } },
                    expect = { { path = "i/0/t/mid_term", contains = { "培训成本", "严格执行培训费相关规定" } } },
                },
                check.case{
                    name = "沅江：≤全年预算数",
                    template = "yuanjiang-department",
                    filing = { indicators = { { "产出指标", "成本指标", "日常工作成本", value = "≤全年预算数" } } },
                    expect = { { path = "i/0/t/value", contains = "≤全年预算数" } },
                },
                check.case{
                    name = "河北部门：分项绩效指标“名称+数值”可识别",
                    template = "hebei-department",
                    filing = { tables = { sub_goals = { { name = "市场综合监督管理", goal = "维护区场秩序", indicator = "监管执法计划完成率≥90%" } } } },
                },
            },
        },

        check.define{
            id = "target-unit-fits",
            title = { zh = "指标值单位与指标相符", en = "The target's unit fits the indicator" },
            severity = "error",
            templates = { "*" },
            applies = has_targets,
            run = function(f)
                local seen = 0
                local function judge(at, name, unit, text)
                    local wants = name ~= "" and name_kind(name)
                    if not wants then return end
                    seen = seen + 1
                    local class = check.unit_class(unit)
                    if wants == "rate" and class ~= "percent" then
                        f:report(path(f, at),
                            ("“%s”是比率，指标值应以 %% 表示，填的是“%s”"):format(name, text),
                            ("\"%s\" is a rate and wants %%, the target is \"%s\""):format(name, text))
                    elseif wants == "count" and COUNT_WANTS_NOT[class] then
                        f:report(path(f, at),
                            ("“%s”是数量，指标值应以个数单位表示（次、人、个 …），填的是“%s”"):format(name, text),
                            ("\"%s\" is a count and wants a count unit (次, 人, 个 …), the target is \"%s\""):format(name, text))
                    end
                end
                local at, name = {}, nil
                for i, pid in f:targets("numeric") do
                    if i ~= at.i then name = select(3, f:indicator(i)) end
                    at.i, at.period = i, pid
                    -- Most names are neither rates nor counts: their targets are not read.
                    if name ~= "" and name_kind(name) then
                        local _, _, _, unit, text = f:target(i, pid)
                        judge(at, name, unit, text)
                    end
                end
                each_table_target(f, "numeric", function(table_at, table_name, text)
                    local _, _, _, unit = f:parse_target(text)
                    judge(table_at, table_name, unit, text)
                end)
                if seen == 0 then return check.not_applicable("没有名称表明是比率或数量的数值指标") end
            end,
            cases = {
                check.case{
                    name = "河北：工资及保险发放准确率 7人",
                    template = "hebei-project",
                    filing = { indicators = {
                        { "产出指标", "数量指标", "支付工资及保险人员数量", value = "7人" },
                        { "产出指标", "质量指标", "工资及保险发放准确率", value = "7人" },
                        { "产出指标", "时效指标", "资金支付及时率", value = "100%" },
                        { "满意度指标", "服务对象满意度指标", "使用对象满意率", value = "≥95百分比" },
                    } },
                    expect = { { path = "i/1/t/value", contains = { "工资及保险发放准确率", "7人" } } },
                },
                check.case{
                    name = "比率缺 %；数量用了 %",
                    template = "jiangsu-project",
                    filing = { indicators = {
                        { "产出指标", "质量指标", "培训出勤率", half_year = "≥95", full_year = "≥95%" },
                        { "产出指标", "数量指标", "培训人数", half_year = "≥40人次", full_year = "100%" },
                        { "产出指标", "数量指标", "管理车辆数（辆）", half_year = "17辆", full_year = "17" },
                        { "效益指标", "社会效益", "知晓度", half_year = "较高", full_year = "较高" },
                    } },
                    expect = {
                        { path = "i/0/t/half_year", contains = "≥95" },
                        { path = "i/1/t/full_year", contains = "100%" },
                    },
                },
                check.case{
                    name = "河北部门：“质量信用等级评价企业数量≥100”",
                    template = "hebei-department",
                    filing = { tables = { sub_goals = {
                        { name = "质量管理", goal = "提高质量", indicator = "质量信用等级评价企业数量≥100" },
                        { name = "市场综合监督管理", goal = "维护秩序", indicator = "监管执法计划完成率≥90%" },
                    } } },
                },
                check.case{
                    name = "没有比率或数量指标",
                    template = "nantong-project",
                    filing = { indicators = { { "决策", "项目立项", "立项依据充分性", half_year = "充分", full_year = "充分" } } },
                    outcome = "not_applicable",
                },
            },
        },
    },
}
