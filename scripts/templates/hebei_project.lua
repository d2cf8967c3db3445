-- 预算项目绩效目标表 (Hebei, district market-regulation bureau, project table), budget year 2022.
-- Seed: seeds/004_69cafeba3764958f.txt, 第二部分 预算项目绩效目标 (9 tables, each headed
-- "N.<项目名称>绩效目标表").
-- Layout (one cell per line after a tab):
--   * a unit line without label: "414001市场监管部门市场监督管理局本级" (unit code + name), then
--     "单位：万元";
--   * 项目编码 | code | 项目名称 | name;
--   * 预算规模及资金用途: a horizontal row 预算数 | 6.80 | 其中：财政    资金 | 6.80 | 其他资金 | —
--     the budget stated twice (BRIEF rule 14) — and under it, unlabelled, the 资金用途 text;
--   * 资金支出计划（%）: 3月底 | 6月底 | 10月底 | 12月底 on one row, the cumulative shares on the next
--     (some filings leave the early points empty);
--   * 绩效目标 (numbered lines);
--   * indicators: 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据, one value per
--     indicator; values often in 百分比 (= %) and the placeholder 是/否.
-- Year: 2022, inferred; see hebei_department.lua (提前下达2022年…, and 项目编码 13030322P… read as
-- region 130303 + year 22).
local tree = require "indicator_tree"

return form.template{
    api         = 1,
    id          = "hebei-project",
    version     = 1,
    title       = "预算项目绩效目标表",  -- each table is headed "N.<项目名称>绩效目标表"
    title_en    = "Budget project performance targets",
    family      = "hebei",
    region      = "河北省秦皇岛市山海关区",  -- region code 130303 in every 项目编码
    region_en   = "Shanhaiguan District, Qinhuangdao, Hebei",
    level       = "区级",
    year        = 2022,
    money_unit  = "万元",
    title_field = "project_name",
    total       = "budget.total.amount",

    blocks = {
        form.fields{
            id     = "header",
            label  = "项目基本信息",  -- not printed
            fields = {
                form.text{ id = "department",   label = "预算单位", required = true,  -- not printed: the unlabelled unit line
                           help = "unit code and name, e.g. 414001市场监管部门市场监督管理局本级" },
                form.text{ id = "project_code", label = "项目编码", required = true,
                           help = "e.g. 13030322P00LDLE10006G" },
                form.text{ id = "project_name", label = "项目名称", required = true },
            },
        },

        -- 预算规模及资金用途, the figures: printed as one horizontal row of label/value pairs.
        form.table{
            id      = "budget",
            label   = "预算规模及资金用途",
            unit    = "万元",
            columns = {
                form.money{ id = "amount", label = "金额" },  -- not printed: the figure follows its label
            },
            rows = {
                form.row{ id = "total",  label = "预算数",         indent = 0,
                          sum_of = { "fiscal", "other" } },
                form.row{ id = "fiscal", label = "其中：财政资金", indent = 1,
                          aliases = { "其中：财政    资金" } },
                form.row{ id = "other",  label = "其他资金",       indent = 1 },
            },
        },

        form.fields{
            id     = "usage",
            label  = "资金用途",
            fields = {
                -- the unlabelled text row under the figures of 预算规模及资金用途
                form.longtext{ id = "fund_usage", label = "资金用途", required = true },
            },
        },

        form.spending_plan{
            id     = "spending_plan",
            label  = "资金支出计划（%）",
            points = {
                form.percent{ id = "mar", label = "3月底" },
                form.percent{ id = "jun", label = "6月底" },
                form.percent{ id = "oct", label = "10月底" },
                form.percent{ id = "dec", label = "12月底", required = true },
            },
        },

        form.fields{
            id     = "goals",
            label  = "绩效目标",
            fields = {
                form.longtext{ id = "annual_goal", label = "绩效目标", required = true },
            },
        },

        form.indicators{
            id      = "indicators",
            label   = "绩效指标",  -- not printed; the table starts with 一级指标 | 二级指标 | 三级指标
            periods = {
                form.target{ id = "value", label = "指标值" },
            },
            -- printed order: 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据
            extra = {
                form.longtext{ id = "description", label = "绩效指标描述" },
                form.text    { id = "basis",       label = "指标值确定依据" },
            },
            tree = { tree.output(), tree.effect(), tree.satisfaction() },
        },
    },

    -- Qualitative targets the seed uses beyond BRIEF.md's list. 是/否 stays a placeholder.
    grades = {
        "按要求支出",  -- 经济效益指标: 资金使用效益 按要求支出
    },

    -- How the importer reads these tables: each starts at its heading "N.<项目名称>绩效目标表";
    -- the unlabelled unit line (six-digit unit code + name) is the 预算单位, "单位：万元" beside it
    -- holds no value, and the unlabelled text under the figures of 预算规模及资金用途 is 资金用途.
    import = form.import{
        titles = { "^%d+%.%s*.+绩效目标表$" },
        ignore = { "单位：万元" },
        values = {
            { to = "fields.department", pattern = "^%d%d%d%d%d%d" },
            { to = "fields.fund_usage", after = "budget" },
        },
    },
}
