-- 部门整体支出绩效目标表 (Yuanjiang 沅江, Hunan, department-wide table), budget year 2024.
-- Seed: seeds/001_e8aa0500ee62ffd0.txt, the first table (printed title "2024年部门整体支出绩效目标表").
-- Layout (the export puts one cell per line after a tab; a label may break over lines inside
-- its cell, e.g. "年度预算申请\n（万元）", "部门职能\n\n职责概述"):
--   * 填报单位：（盖章） above the table;
--   * 部门名称;
--   * 年度预算申请（万元）: 资金总额：109.04, then two columns side by side, 按收入性质分：
--     (其中：一般公共预算, 政府性基金拨款, 纳入专户管理的非税收入拨款, 其他资金) and 按支出性质分：
--     (其中：基本支出, 项目支出). Label and figure share one cell ("基本支出：66.16"); the
--     importer splits at the colon;
--   * 部门职能职责概述, 整体绩效目标;
--   * 部门整体支出年度绩效指标: 一级指标 | 二级指标 | 三级指标 | 指标值及单位 (one value column);
--     the older MOF layout, where satisfaction (社会公众或服务对象满意度) is a level-2 category under
--     效益指标, not a level-1 of its own;
--   * a signature line under the table: 填表人：… 联系电话：… 填报日期：… 单位负责人签字：
--     (labels and values in one line, no tabs).
local tree = require "indicator_tree"

return form.template{
    api         = 1,
    id          = "yuanjiang-department",
    version     = 2,
    title       = "部门整体支出绩效目标表",  -- printed with the year in front: 2024年部门整体支出绩效目标表
    title_en    = "Department-wide spending performance targets",
    family      = "yuanjiang",
    region      = "湖南省沅江市",
    region_en   = "Yuanjiang, Hunan",
    level       = "县级市",
    year        = 2024,
    money_unit  = "万元",
    year_field  = "budget_year",
    title_field = "department_name",
    total       = "funds.total.amount",

    blocks = {
        form.fields{
            id     = "header",
            label  = "部门基本信息",  -- not printed
            fields = {
                form.year{ id = "budget_year",     label = "年度", required = true,
                           help = "the budget year, printed in the title: 2024年部门整体支出绩效目标表" },
                form.text{ id = "filing_unit",     label = "填报单位",
                           aliases = { "填报单位：（盖章）" },
                           help = "printed above the table, stamped (盖章) on paper" },
                form.text{ id = "department_name", label = "部门名称", required = true },
            },
        },

        -- 年度预算申请（万元）. One figure per row; the rows are printed as "label：figure" in one
        -- cell, the income split (按收入性质分) beside the spending split (按支出性质分).
        form.table{
            id      = "funds",
            label   = "年度预算申请（万元）",
            aliases = { "年度预算申请\n（万元）" },
            unit    = "万元",
            columns = {
                form.money{ id = "amount", label = "金额" },  -- not printed: the figure follows the row label
            },
            rows = {
                form.row{ id = "total",            label = "资金总额",                   indent = 0,
                          sum_of = { { "general_budget", "government_funds", "special_account", "other" },
                                     { "basic", "project" } } },
                -- 按收入性质分：
                form.row{ id = "general_budget",   label = "一般公共预算",               indent = 1,
                          aliases = { "其中：  一般公共预算" } },
                form.row{ id = "government_funds", label = "政府性基金拨款",             indent = 1 },
                form.row{ id = "special_account",  label = "纳入专户管理的非税收入拨款", indent = 1 },
                form.row{ id = "other",            label = "其他资金",                   indent = 1 },
                -- 按支出性质分：
                form.row{ id = "basic",            label = "基本支出",                   indent = 1,
                          aliases = { "其中： 基本支出" } },
                form.row{ id = "project",          label = "项目支出",                   indent = 1 },
            },
        },

        form.fields{
            id     = "goals",
            label  = "部门职能与整体目标",  -- not printed
            fields = {
                form.longtext{ id = "duties",       label = "部门职能职责概述", required = true,
                               aliases = { "部门职能\n\n职责概述" } },
                form.longtext{ id = "overall_goal", label = "整体绩效目标",     required = true },
            },
        },

        form.indicators{
            id      = "indicators",
            -- the merged cell left of the indicator rows, printed "部门整体支出\n\n年度绩效指标"
            -- (an indicators block has no aliases yet)
            label   = "部门整体支出年度绩效指标",
            periods = {
                form.target{ id = "value", label = "指标值及单位" },
            },
            tree = {
                -- This table prints 成本指标 before 时效指标 (the project tables the other way), and
                -- files its satisfaction category under 效益指标.
                tree.output{ order = { "数量指标", "质量指标", "成本指标", "时效指标" } },
                tree.effect{ extra = {
                    tree.category("社会公众或服务对象满意度", true, { aliases = { "服务对象满意度指标", "服务对象满意度" } }),
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

    -- No grades: the seed's non-numeric values are placeholders (……) or targets wrapped in
    -- sentences (≤全年预算数, ≤通报1次, ≤重大网络舆情1次), which rule 9 should report.

    -- The importer starts a filing at the title line (the default: a line ending with `title`)
    -- and reads the year from it; the two sub-headings of the budget split hold no value.
    import = form.import{
        ignore = { "按收入性质分：", "按支出性质分：" },
        values = {
            { to = "fields.budget_year", pattern = "^(%d%d%d%d)年部门整体支出绩效目标表$" },
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
    -- and the migration report lists it as added (earlier/yuanjiang_department.v1.lua keeps version 1).
    migrate = {
        [1] = function(old)
            if (old.fields.budget_year or "") == "" then old.fields.budget_year = "2024" end
            return old
        end,
    },
}
