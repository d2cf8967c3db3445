-- 自治区本级部门项目支出预算绩效目标表 (Ningxia region level project table).
-- Corpus: shared/corpus/03 (宁夏长庆初级中学 2019, a cell per line ending in " |"; the page
-- ends with a fragment of the next form's title) and 04 (cut off).
-- Layout: the title carries the year ("自治区本级部门2019年项目支出预算绩效目标表"); 项目名称,
-- 主管部门, 实施单位 (with their codes in brackets), 项目属性, 项目期 ("2019-2021": split into
-- start and end years); 项目资金(万元): 年度资金总额 = 其中:财政拨款 + 其他资金; one 绩效目标
-- text; the indicator table 一级指标 | 二级指标 | 三级指标 | 指标值, level 1 printed once per
-- group, targets often written as sentences.
local tree = require "indicator_tree"

return form.template{
    api         = 1,
    id          = "ningxia-project",
    version     = 1,
    title       = "项目支出预算绩效目标表",
    title_en    = "Project spending budget performance targets",
    family      = "ningxia",
    region      = "宁夏回族自治区",
    region_en   = "Ningxia",
    level       = "自治区本级",
    year        = 2019,
    money_unit  = "万元",
    title_field = "project_name",
    year_field  = "budget_year",
    total       = "funds.total.amount",

    blocks = {
        form.fields{
            id     = "header",
            label  = "项目基本信息",  -- not printed
            fields = {
                form.year{ id = "budget_year",       label = "年度", help = "from the title: 自治区本级部门2019年…" },
                form.text{ id = "project_name",      label = "项目名称", required = true },
                form.text{ id = "department",        label = "主管部门", required = true },
                form.text{ id = "implementing_unit", label = "实施单位", required = true },
                form.text{ id = "project_type",      label = "项目属性", help = "e.g. 上年延续性项目" },
                form.text{ id = "project_period",    label = "项目期", help = "e.g. 2019-2021" },
                form.year{ id = "start_year",        label = "开始年度", help = "from 项目期" },
                form.year{ id = "end_year",          label = "结束年度", help = "from 项目期" },
            },
        },
        form.table{
            id      = "funds",
            label   = "项目资金（万元）",
            unit    = "万元",
            columns = { form.money{ id = "amount", label = "金额" } },  -- not printed
            rows = {
                form.row{ id = "total",  label = "年度资金总额", sum_of = { "fiscal", "other" } },
                form.row{ id = "fiscal", label = "财政拨款", indent = 1 },
                form.row{ id = "other",  label = "其他资金", indent = 1 },
            },
        },
        form.fields{
            id     = "goals",
            label  = "年度绩效目标",  -- not printed
            fields = {
                form.longtext{ id = "annual_goal", label = "绩效目标", required = true },
            },
        },
        form.indicators{
            id      = "indicators",
            label   = "绩效指标",
            periods = { form.target{ id = "value", label = "指标值" } },
            tree = { tree.output(), tree.effect(), tree.satisfaction() },
        },
    },

    import = form.import{
        titles = { "项目支出预算绩效目标表$" },
        values = {
            { to = "fields.budget_year", pattern = "(%d%d%d%d)年项目支出预算绩效目标表$" },
        },
        split = {
            { from = "fields.project_period", into = { "fields.start_year", "fields.end_year" } },
        },
    },
}
