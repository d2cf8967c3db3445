-- 南通市本级项目预算绩效目标表 (Nantong city-level project table), budget year 2024.
-- Seed: seeds/000_0fc43aa88057eaed.txt (4 project tables).
-- Layout: a two-column header grid (label, value, label, value); three long texts; a
-- 项目资金 (万元) block with an income part (收入: 资金总额 = 财政拨款 小计 + 国有资本金 + 社保基金
-- + 上年结转资金 + 其他资金; 小计 = 一般公共预算资金 + 政府性基金 + 财政专户管理资金) and an
-- expense part (支出: one line per item, 半年(程) 计划执行数 and 全年(程) 预算数); 中长期目标 and
-- 年度目标; the indicator table with 决策/过程 rows first and a half-year and a full-year target
-- per indicator. The year is printed as a subtitle "2024年度", not as a field.
-- The seed spells brackets both half- and full-width (全年(程) / 全年（程）) and often puts a
-- space between the two parts of a header; those spellings are the aliases below.
local tree = require "indicator_tree"

return form.template{
    api         = 1,
    id          = "nantong-project",
    version     = 2,
    title       = "南通市本级项目预算绩效目标表",
    title_en    = "Nantong city project budget performance targets",
    family      = "nantong",
    region      = "江苏省南通市",
    region_en   = "Nantong, Jiangsu",
    level       = "市本级",
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
                               help = "e.g. 市本级" },
                form.year    { id = "start_year",        label = "开始时间", required = true },
                form.year    { id = "end_year",          label = "完成时间", required = true },
                form.text    { id = "implementing_unit", label = "实施单位", required = true },
                form.phone   { id = "contact",           label = "项目负责人/联系电话", required = true,
                               aliases = { "项目负责人/ 联系电话" },
                               help = "person in charge and phone, e.g. 沙一丹 0513-69818080" },
                form.longtext{ id = "necessity",         label = "立项必要性",   required = true },
                form.longtext{ id = "feasibility",       label = "实施可行性",   required = true },
                form.longtext{ id = "content",           label = "项目实施内容", required = true },
            },
        },

        -- 项目资金 (万元), income part. The seed puts the figure of 资金总额 and of the rows
        -- indented like it sometimes one column further right (a shifted row); the importer
        -- reads the figure wherever it sits on the row.
        form.table{
            id      = "income",
            label   = "项目资金（万元）",  -- the group label, printed on the income part's first row
            aliases = { "项目资金 (万元)", "项目资金 （万元）", "收入" },
            unit    = "万元",
            columns = {
                form.money{ id = "full_year", label = "全年（程）预算数",
                            aliases = { "全年(程) 预算数", "全年（程） 预算数" } },
            },
            rows = {
                form.row{ id = "total",            label = "资金总额", indent = 0,
                          sum_of = { "fiscal_subtotal", "state_capital", "social_security",
                                     "carried_over", "other" } },
                form.row{ id = "fiscal_subtotal",  label = "财政拨款 小计", indent = 1,
                          aliases = { "财政拨款小计", "财政拨款", "小计" },
                          sum_of = { "general_budget", "government_funds", "special_account" } },
                form.row{ id = "general_budget",   label = "一般公共预算资金", indent = 2 },
                form.row{ id = "government_funds", label = "政府性基金",       indent = 2 },
                form.row{ id = "special_account",  label = "财政专户管理资金", indent = 2 },
                form.row{ id = "state_capital",    label = "国有资本金",       indent = 1 },
                form.row{ id = "social_security",  label = "社保基金",         indent = 1 },
                form.row{ id = "carried_over",     label = "上年结转资金",     indent = 1 },
                form.row{ id = "other",            label = "其他资金",         indent = 1 },
            },
        },

        -- 项目资金 (万元), expense part: free rows. The item column has no printed header.
        form.table{
            id      = "expenses",
            label   = "支出",
            unit    = "万元",
            columns = {
                form.text { id = "item",      label = "支出项目" },  -- not printed
                form.money{ id = "half_year", label = "半年（程）计划执行数",
                            aliases = { "半年(程) 计划执行数", "半年（程） 计划执行数" } },
                form.money{ id = "full_year", label = "全年（程）预算数",
                            aliases = { "全年(程) 预算数", "全年（程） 预算数" } },
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

    -- Qualitative targets the seed uses beyond BRIEF.md's list. Left out on purpose, so that
    -- rule 9 reports them: 及时性 (the name of a property, not a target).
    grades = {
        "实时",      -- 网络安全监测服务实时性: 实时
        "合法严谨",  -- 发布消费警示合法性: 合法严谨
    },

    options = {
        -- Nantong's half-year 预算执行率 (=100%) is measured against the half-year plan
        -- (半年计划执行数), not against the full-year budget (BRIEF rule 4).
        half_year_rate_base = "half_year",
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
    -- and the migration report lists it as added (earlier/nantong_project.v1.lua keeps version 1).
    migrate = {
        [1] = function(old)
            if (old.fields.budget_year or "") == "" then old.fields.budget_year = "2024" end
            return old
        end,
    },
}
