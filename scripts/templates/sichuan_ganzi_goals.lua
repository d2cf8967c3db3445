-- 绩效目标表 (Sichuan, 甘孜州 departments: a department's targets for one task, exported from
-- the budget system as a spreadsheet and published as a page).
-- Corpus: shared/corpus/05 (甘孜州市场监督管理局 食品安全: a row per line, cells separated by
-- single spaces, a wrapped weight on the line after its row).
-- Layout: "单位信息: 324001-…  项目名称:" and "主管部门: …  项目经办人:" pairs; 预算执行率权重(%),
-- 项目经办人电话; 整体目标 (a paragraph); the indicator table 一级指标 二级指标 三级指标
-- 指标性质 指标值 度量单位 权重(%), every row printing all levels. No funds block and no year:
-- the form names no project (项目名称 is blank), so the unit names the filing.
local tree = require "indicator_tree"

return form.template{
    api         = 1,
    id          = "sichuan-ganzi-goals",
    version     = 1,
    title       = "绩效目标表",
    title_en    = "Performance targets",
    family      = "sichuan-ganzi",
    region      = "四川省甘孜藏族自治州",
    region_en   = "Garze Prefecture, Sichuan",
    level       = "州本级",
    year        = 2023,
    money_unit  = "万元",
    title_field = "unit",

    blocks = {
        form.fields{
            id     = "header",
            label  = "基本信息",  -- not printed
            fields = {
                form.text    { id = "unit",             label = "单位信息", required = true, help = "code and name, e.g. 324001-…机关" },
                form.text    { id = "project_name",     label = "项目名称" },
                form.text    { id = "department",       label = "主管部门", required = true },
                form.text    { id = "handler",          label = "项目经办人" },
                form.percent { id = "execution_weight", label = "预算执行率权重(%)" },
                form.phone   { id = "handler_phone",    label = "项目经办人电话" },
                form.longtext{ id = "overall_goal",     label = "整体目标", required = true },
            },
        },
        form.indicators{
            id      = "indicators",
            label   = "绩效指标",  -- not printed
            periods = { form.target{ id = "value", label = "指标值" } },
            extra   = {
                form.enum   { id = "nature", label = "指标性质", options = { "定性", "定量" } },
                form.text   { id = "unit",   label = "度量单位" },
                form.integer{ id = "weight", label = "权重(%)" },
            },
            tree = { tree.output(), tree.effect(), tree.satisfaction() },
        },
    },

    grades = { "高中低" },

    import = form.import{
        titles = { "^绩效目标表$" },
        separator = "spaces",
    },
}
