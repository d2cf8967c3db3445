-- 抗疫特别国债项目绩效目标表 (2020 special treasury bonds for epidemic response; one bundled
-- project per table, published by district departments).
-- Corpus: shared/corpus/23 (a mirror of a district page: cells separated by " | ", the rows
-- under merged cells shifted left, question marks where the copy lost characters:
-- "绩?????????? 效?????????? 目???????? 标" is 绩效目标).
-- Layout: title "(打捆项目)", "(2020年度)"; 项目名称; 主管预算部门 and 项目预算金额 (万元) on one
-- row; 绩效目标 (a paragraph); 绩效指标 with 一级指标 | 二级指标 | 三级指标 | 指标值.
local tree = require "indicator_tree"

return form.template{
    api         = 1,
    id          = "covid-bond-project",
    version     = 1,
    title       = "抗疫特别国债项目绩效目标表",
    title_en    = "COVID-19 special treasury bond project targets",
    family      = "covid-bond",
    region      = "全国（区县）",
    region_en   = "China (districts and counties)",
    level       = "区县级",
    year        = 2020,
    money_unit  = "万元",
    title_field = "project_name",
    year_field  = "budget_year",
    total       = "fields.budget",

    blocks = {
        form.fields{
            id     = "header",
            label  = "项目基本信息",  -- not printed
            fields = {
                form.year    { id = "budget_year",  label = "年度", help = "printed as (2020年度)" },
                form.text    { id = "project_name", label = "项目名称", required = true },
                form.text    { id = "department",   label = "主管预算部门", required = true },
                form.money   { id = "budget",       label = "项目预算金额（万元）", required = true },
                form.longtext{ id = "goal",         label = "绩效目标", required = true },
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
        titles = { "抗疫特别国债项目绩效目标表" },
        values = {
            { to = "fields.budget_year", pattern = "^[%(（](%d%d%d%d)年度[%)）]$" },
        },
    },
}
