-- 项目支出绩效目标表 (Yuanjiang 沅江, Hunan, project table), budget year 2024.
-- Seed: seeds/001_e8aa0500ee62ffd0.txt, the 7 tables after the department one (printed title
-- "2024年项目支出绩效目标表"). Their 年度本级预算金额 should add up to the department table's
-- 项目支出 (BRIEF rule 5, a check across filings).
-- Layout (one cell per line after a tab; labels may break over lines inside their cell, e.g.
-- "年度本级\n\n预算金额", "本年度\n\n绩效指标"):
--   * "填报单位：（盖章）   …   单位：万元" above the table;
--   * one budget figure (年度本级预算金额) and the superior-level funds beside it
--     (该项目支出上级资金), no income or expense table and no printed total;
--   * 项目支出实施期 as text ("一年"), no start/end year;
--   * 实施期绩效目标 and 本年度绩效目标;
--   * 本年度绩效指标: 一级指标 | 二级指标 | 三级指标 | 指标值及单位 | 绩效标准 (绩效标准 empty in every
--     seed filing); satisfaction is a level-2 category under 效益指标 (older MOF layout);
--   * the signature line 填表人：… 联系电话：… 填报日期：… 单位负责人签字： under the table.
local tree = require "indicator_tree"

return form.template{
    api         = 1,
    id          = "yuanjiang-project",
    version     = 2,
    title       = "项目支出绩效目标表",  -- printed with the year in front: 2024年项目支出绩效目标表
    title_en    = "Project spending performance targets",
    family      = "yuanjiang",
    region      = "湖南省沅江市",
    region_en   = "Yuanjiang, Hunan",
    level       = "县级市",
    year        = 2024,
    money_unit  = "万元",
    year_field  = "budget_year",
    title_field = "project_name",
    -- No total is printed; the project's budget as filed is its 年度本级预算金额. The
    -- superior-level funds (该项目支出上级资金, 0 in every seed filing) are kept apart.
    total       = "fields.annual_budget",

    blocks = {
        form.fields{
            id     = "header",
            label  = "项目基本信息",  -- not printed
            fields = {
                form.year { id = "budget_year",    label = "年度", required = true,
                            help = "the budget year, printed in the title: 2024年项目支出绩效目标表" },
                form.text { id = "filing_unit",    label = "填报单位",
                            aliases = { "填报单位：（盖章）" },
                            help = "printed above the table, stamped (盖章) on paper" },
                form.text { id = "project_name",   label = "项目支出名称", required = true },
                form.text { id = "department",     label = "预算部门",     required = true },
                form.money{ id = "annual_budget",  label = "年度本级预算金额", required = true,
                            aliases = { "年度本级\n\n预算金额" },
                            help = "in 万元" },
                form.money{ id = "superior_funds", label = "该项目支出上级资金",
                            help = "in 万元" },
                form.text { id = "project_period", label = "项目支出实施期", required = true,
                            help = "e.g. 一年" },
            },
        },

        form.fields{
            id     = "goals",
            label  = "绩效目标",  -- not printed
            fields = {
                form.longtext{ id = "medium_term_goal", label = "实施期绩效目标", required = true },
                form.longtext{ id = "annual_goal",      label = "本年度绩效目标", required = true },
            },
        },

        form.indicators{
            id      = "indicators",
            -- the merged cell left of the indicator rows, printed "本年度\n\n绩效指标" (an
            -- indicators block has no aliases yet)
            label   = "本年度绩效指标",
            periods = {
                form.target{ id = "value", label = "指标值及单位" },
            },
            extra = {
                form.text{ id = "standard", label = "绩效标准" },
            },
            tree = {
                tree.output(),
                tree.effect{ extra = {  -- the satisfaction category is filed under 效益指标
                    tree.category("社会公众或服务对象满意度指标", true, { aliases = { "服务对象满意度指标", "服务对象满意度" } }),
                } },
            },
        },

        -- The line under the table: 填表人：严飞   联系电话：…  填报日期：2024年6月20日  单位负责人签字：
        form.fields{
            id     = "signature",
            label  = "填报信息",  -- not printed
            fields = {
                form.text { id = "filled_by",    label = "填表人",         required = true },
                form.phone{ id = "filled_phone", label = "联系电话",       required = true },
                form.text { id = "filled_date",  label = "填报日期",       required = true,
                            help = "e.g. 2024年6月20日" },
                form.text { id = "unit_head",    label = "单位负责人签字",
                            help = "signed on paper; empty in exports" },
            },
        },
    },

    -- No grades: the seed's non-numeric values are placeholders (……, 是否按时完成) or targets
    -- wrapped in sentences (高质量完成指令≥95%, 通过省、益阳市网络安全演练, 拖延次数≤1次),
    -- which rule 9 should report.

    -- The importer starts a filing at the title line (the default: a line ending with `title`)
    -- and reads the year from it; "单位：万元" beside 填报单位 states the unit and holds no value.
    import = form.import{
        ignore = { "单位：万元" },
        values = {
            { to = "fields.budget_year", pattern = "^(%d%d%d%d)年项目支出绩效目标表$" },
        },
    },
    options = {
        -- Checks group a department's filings by 部门名称 / 预算部门. The seed's project tables
        -- leave 预算部门 blank; every table of one department's package carries the same
        -- signature line (填表人, 联系电话), so a project table whose 预算部门 is blank belongs
        -- to the department whose department-wide table shows the same filer (BRIEF rule 5).
        department_fallback = "filled_by,filled_phone",
    },

    -- Version 2 requires 年度 (budget_year). A filing of version 1 may have left it blank, its
    -- budget year then being the template's (2024): the step writes that year into the field,
    -- and the migration report lists it as added (earlier/yuanjiang_project.v1.lua keeps version 1).
    migrate = {
        [1] = function(old)
            if (old.fields.budget_year or "") == "" then old.fields.budget_year = "2024" end
            return old
        end,
    },
}
