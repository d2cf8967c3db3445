-- 项目支出绩效目标表 / 项目支出绩效目标申报表 (Anhui county level, single year): the one-year
-- variant of the national project form that Anhui counties publish (六安市金安区, 金寨县).
-- Corpus: shared/corpus/14 (金寨, lines split at spaces), 16 (金安, cut off), 20 (金安, a cell
-- per line ending in " |", two forms, the second cut off).
-- Layout: title, "(2025年度)" under it; 项目责任人 and 单位(盖章) (often blank); 项目名称,
-- 主管部门(及代码), 实施单位, 项目来源, 项目期 (a duration such as "3年"); 项目资金(万元) with
-- 年度资金总额 = 其中:财政拨款 + 其他资金; 年度目标; the indicator table 一级指标 | 二级指标 |
-- 三级指标 | 指标值, level 1 printed once per group. Footnotes ("注: 1.…") follow the table.
-- The title is as generic as 沅江's ("项目支出绩效目标表"); the importer tells them apart by the
-- labels each form prints.
local tree = require "indicator_tree"

return form.template{
    api         = 1,
    id          = "anhui-project-annual",
    version     = 1,
    title       = "项目支出绩效目标表",
    title_en    = "Project spending performance targets",
    family      = "anhui-annual",
    region      = "安徽省（县区）",
    region_en   = "Anhui (counties)",
    level       = "县本级",
    year        = 2025,
    money_unit  = "万元",
    title_field = "project_name",
    year_field  = "budget_year",
    total       = "funds.total.amount",

    blocks = {
        form.fields{
            id     = "header",
            label  = "项目基本信息",  -- not printed
            fields = {
                form.year{ id = "budget_year",       label = "年度", help = "printed under the title as (2025年度)" },
                form.text{ id = "person_in_charge",  label = "项目责任人" },
                form.text{ id = "unit_seal",         label = "单位（盖章）", aliases = { "单位(盖章)" } },
                form.text{ id = "project_name",      label = "项目名称", required = true },
                form.text{ id = "department",        label = "主管部门", required = true,
                           aliases = { "主管部门及代码" } },
                form.text{ id = "implementing_unit", label = "实施单位", required = true },
                form.text{ id = "project_source",    label = "项目来源", help = "e.g. 本级申报项目" },
                form.text{ id = "project_period",    label = "项目期", help = "a duration, e.g. 3年" },
            },
        },
        form.table{
            id      = "funds",
            label   = "项目资金（万元）",
            aliases = { "项目资金" },
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
                form.longtext{ id = "annual_goal", label = "年度目标", required = true },
            },
        },
        form.indicators{
            id      = "indicators",
            label   = "绩效指标",
            periods = { form.target{ id = "value", label = "指标值" } },
            tree = { tree.output(), tree.effect(), tree.satisfaction{ aliases = { "满意度指标" } } },
        },
    },

    grades = { "显著改善", "显著提高", "持续保障", "经济效益良好", "效果良好", "影响可持续" },

    import = form.import{
        titles = { "项目支出绩效目标申报表$", "^项目支出绩效目标表$" },
        values = {
            { to = "fields.budget_year", pattern = "^[%(（](%d%d%d%d)年度[%)）]$" },
        },
        footer = { "^注[:：]" },
    },
}
