-- 项目绩效目标批复表 (Ningxia, 石嘴山 city departments: the approved targets as published).
-- Corpus: shared/corpus/10 (石嘴山市疾病预防控制中心 2020: a cell per line, blank lines
-- between, indentation marking the level).
-- Layout: the title carries the department and the year; "单位:元"; one column 项目 holding
-- the department, the project, the level-1, level-2 and level-3 names one below the other,
-- then 指标值 and 绩效金额 (the project's amount, in 元, on the project's line). Level-2 names
-- carry "(必填)" or "(必填硬性指标)".
local tree = require "indicator_tree"

return form.template{
    api         = 1,
    id          = "ningxia-approval",
    version     = 1,
    title       = "项目绩效目标批复表",
    title_en    = "Project performance target approval",
    family      = "ningxia-approval",
    region      = "宁夏回族自治区石嘴山市",
    region_en   = "Shizuishan, Ningxia",
    level       = "市本级",
    year        = 2020,
    money_unit  = "元",
    title_field = "project_name",
    year_field  = "budget_year",
    total       = "fields.amount",

    blocks = {
        form.fields{
            id     = "header",
            label  = "项目",  -- printed as the head of the first column, over the department and project
            fields = {
                form.year { id = "budget_year",  label = "年度", help = "from the title" },
                form.text { id = "department",   label = "部门", required = true, help = "the first line under 项目" },
                form.text { id = "project_name", label = "项目名称", required = true, help = "the second line under 项目" },
                form.money{ id = "amount",       label = "项目金额", required = true, help = "绩效金额 of the project's line, in 元" },
            },
        },
        form.indicators{
            id      = "indicators",
            label   = "绩效目标",  -- not printed
            periods = { form.target{ id = "value", label = "指标值" } },
            extra   = { form.money{ id = "amount", label = "绩效金额" } },
            tree = {
                tree.output{ suffixes = { "(必填)", "(必填硬性指标)" } },
                -- "服务对象满意度" is the name of an indicator under 服务对象满意度指标 here.
                tree.effect{ suffixes = { "(必填)" }, one_spelling = true },
                tree.satisfaction{ suffixes = { "(必填)" }, one_spelling = true },
            },
        },
    },

    import = form.import{
        titles = { "项目绩效目标批复表$" },
        separator = "lines",
        -- One column heads all three levels; the department, the project and its amount stand
        -- in it above the first level-1 name.
        level_heads = { "项目", "项目", "项目" },
        ignore = { "单位:元" },
        values = {
            { to = "fields.budget_year", pattern = "(%d%d%d%d)年项目绩效目标批复表$" },
            { to = "fields.amount",       pattern = "^%d[%d,%.]*$", after = "indicators" },
            { to = "fields.department",   after = "indicators" },
            { to = "fields.project_name", after = "indicators" },
        },
        footer = { "^附件下载", "^扫一扫" },
    },
}
