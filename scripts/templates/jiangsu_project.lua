-- 江苏省省级项目预算绩效目标表 (Jiangsu provincial project table), budget year 2024.
-- Seed: seeds/003_e71277c5732aaa08.txt (5 project tables).
-- Layout: the Nantong shape (header grid, three long texts, 项目资金 (万元) with 收入 and 支出,
-- 中长期目标/年度目标, indicators with 决策/过程 and a half-year and a full-year target), but:
--   * the income part has no 财政拨款 小计 row: its seven sources sit directly under 资金总额,
--     in the order 一般公共预算资金, 政府性基金, 国有资本金, 社保基金, 财政专户管理资金,
--     上年结转资金, 其他资金;
--   * each filing has a single expense line (usually named like the project);
--   * 开始时间/完成时间 are filed with a 年 suffix ("2021年");
--   * the half-year 预算执行率 target (=45%) is a share of the full-year budget.
-- Brackets appear half- and full-width (全年(程) / 全年（程）), 项目资金 （万元） once with a
-- full-width bracket; those spellings are the aliases below.
local tree = require "indicator_tree"

return form.template{
    api         = 1,
    id          = "jiangsu-project",
    version     = 2,
    title       = "江苏省省级项目预算绩效目标表",
    title_en    = "Jiangsu provincial project budget performance targets",
    family      = "jiangsu",
    region      = "江苏省",
    region_en   = "Jiangsu",
    level       = "省本级",
    year        = 2024,
    money_unit  = "万元",
    title_field = "project_name",
    year_field  = "budget_year",
    total       = "income.total.full_year",

    blocks = {
        form.fields{
            id     = "header",
            label  = "项目基本信息",  -- not printed; the grid has no heading
            fields = {
                form.year    { id = "budget_year",       label = "年度", required = true,
                               help = "the budget year, printed under the title as 2024年度" },
                form.text    { id = "project_name",      label = "项目名称", required = true },
                form.text    { id = "department",        label = "主管部门", required = true },
                form.enum    { id = "project_type",      label = "项目类型", required = true,
                               options = { "常年安排项目", "一次性项目", "延续项目" } },
                form.text    { id = "project_level",     label = "项目级次", required = true,
                               help = "e.g. 省本级" },
                form.year    { id = "start_year",        label = "开始时间", required = true,
                               help = "filed as 2024 or 2024年" },
                form.year    { id = "end_year",          label = "完成时间", required = true,
                               help = "filed as 2024 or 2024年" },
                form.text    { id = "implementing_unit", label = "实施单位", required = true },
                form.phone   { id = "contact",           label = "项目负责人/联系电话", required = true,
                               aliases = { "项目负责人/ 联系电话" },
                               help = "person in charge and phone, e.g. 孙卓 025-83660026" },
                form.longtext{ id = "necessity",         label = "立项必要性",   required = true },
                form.longtext{ id = "feasibility",       label = "实施可行性",   required = true },
                form.longtext{ id = "content",           label = "项目实施内容", required = true },
            },
        },

        -- 项目资金 (万元), income part: no 小计 row, every source is a direct part of 资金总额.
        form.table{
            id      = "income",
            label   = "项目资金（万元）",  -- the group label, printed on the income part's first row
            aliases = { "项目资金 (万元)", "项目资金 （万元）", "收入" },
            unit    = "万元",
            columns = {
                form.money{ id = "full_year", label = "全年（程）预算数",
                            aliases = { "全年（程） 预算数", "全年(程) 预算数" } },
            },
            rows = {
                form.row{ id = "total",            label = "资金总额", indent = 0,
                          sum_of = { "general_budget", "government_funds", "state_capital",
                                     "social_security", "special_account", "carried_over", "other" } },
                form.row{ id = "general_budget",   label = "一般公共预算资金", indent = 1 },
                form.row{ id = "government_funds", label = "政府性基金",       indent = 1 },
                form.row{ id = "state_capital",    label = "国有资本金",       indent = 1 },
                form.row{ id = "social_security",  label = "社保基金",         indent = 1 },
                form.row{ id = "special_account",  label = "财政专户管理资金", indent = 1 },
                form.row{ id = "carried_over",     label = "上年结转资金",     indent = 1 },
                form.row{ id = "other",            label = "其他资金",         indent = 1 },
            },
        },

        -- 项目资金 (万元), expense part: free rows (one in every seed filing). The item column
        -- has no printed header; in the seed the figures are often shifted one column left.
        form.table{
            id      = "expenses",
            label   = "支出",
            unit    = "万元",
            columns = {
                form.text { id = "item",      label = "支出项目" },  -- not printed
                form.money{ id = "half_year", label = "半年（程）计划执行数",
                            aliases = { "半年（程） 计划执行数", "半年(程) 计划执行数" } },
                form.money{ id = "full_year", label = "全年（程）预算数",
                            aliases = { "全年（程） 预算数", "全年(程) 预算数" } },
            },
            total = { label = "合计", columns = { "half_year", "full_year" } },
        },

        form.fields{
            id     = "goals",
            label  = "绩效目标",  -- not printed
            fields = {
                form.longtext{ id = "medium_term_goal", label = "中长期目标", required = true },
                form.longtext{ id = "annual_goal",      label = "年度目标",   required = true },
            },
        },

        form.indicators{
            id      = "indicators",
            label   = "绩效指标",  -- not printed; the table starts with 一级指标 | 二级指标 | 三级指标
            periods = {
                form.target{ id = "half_year", label = "半年（程）指标值",
                             aliases = { "半年（程） 指标值", "半年(程) 指标值" } },
                form.target{ id = "full_year", label = "全年（程）指标值",
                             aliases = { "全年（程） 指标值", "全年(程) 指标值" } },
            },
            tree = { tree.decision(), tree.process(), tree.output(), tree.effect{ short = true }, tree.satisfaction{ short = true } },
        },
    },

    computed = {
        form.sum  { id = "expense_full_year", label = "支出合计（全年）", of = "expenses.full_year" },
        form.sum  { id = "expense_half_year", label = "支出合计（半年）", of = "expenses.half_year" },
        form.ratio{ id = "half_year_rate",    label = "半年执行率",
                    numerator = "expenses.half_year", denominator = "expenses.full_year", places = 4 },
    },

    -- Qualitative targets the seed uses beyond BRIEF.md's list.
    grades = {
        "满足",            -- 经济效益: 提供统一网络与基础支撑 … 满足
        "推进",            -- 时效指标: 推进信息化和运维项目方案咨询工作 推进 / 完成
        "完成",
        "按序时进度执行",  -- 经费支出时效性 (a spelling of 序时进度)
        "合格",            -- 派遣员工考核合格率 合格 (rule 10 still wants % for a 合格率)
        "全年",            -- 服务时间 全年
        "每季度",          -- 经费支出时效性 每季度
        "每工作日",        -- 卫生保洁及时率 每工作日
    },

    options = {
        -- Jiangsu's half-year 预算执行率 target (=45%) is a share of the full-year budget:
        -- half-year expense total / full-year expense total (BRIEF rule 4).
        half_year_rate_base = "full_year",
    },

    -- The importer starts a filing at each title line (the default: a line ending with
    -- `title`); the year is the unlabelled line under it ("2024年度").
    import = form.import{
        values = {
            { to = "fields.budget_year", pattern = "^(%d%d%d%d)年度$" },
        },
    },

    -- Version 2 requires 年度 (budget_year). A filing of version 1 may have left it blank, its
    -- budget year then being the template's (2024): the step writes that year into the field,
    -- and the migration report lists it as added (earlier/jiangsu_project.v1.lua keeps version 1).
    migrate = {
        [1] = function(old)
            if (old.fields.budget_year or "") == "" then old.fields.budget_year = "2024" end
            return old
        end,
    },
}
