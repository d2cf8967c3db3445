-- 项目支出绩效目标申报表 (Suzhou 宿州, Anhui, city-level project declaration), budget year 2023.
-- Seed: seeds/002_be243faf42b34df7.txt (3 project tables).
-- Layout: mid-term (中期, 2023年—2025年) and annual (年度) side by side everywhere:
--   * 项目资金 (万元): two label/value pairs per row, "中期资金总额: 450 | 年度资金总额: 150",
--     then 其中:财政拨款 and 其他资金 for each period; a fixed-row table with a mid_term and an
--     annual column (the period is named only by the total row's label);
--   * 总体目标: 中期目标(2023年—2025年) on the left, 年度目标 on the right, labels on one row and
--     the texts on the next;
--   * 绩效指标: 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 — the annual
--     half repeats level 2 and level 3 beside the mid-term one; both value columns print "指标值".
-- No 决策/过程 categories; level-2 names carry the 指标 suffix (经济效益指标 …), satisfaction is
-- 服务对象满意度指标. 项目期 (spelled 项目日期 once) is text ("长期"), so there is no start/end year.
local tree = require "indicator_tree"

return form.template{
    api         = 1,
    id          = "suzhou-project",
    version     = 2,
    title       = "项目支出绩效目标申报表",
    title_en    = "Project spending performance target application",
    family      = "suzhou",
    region      = "安徽省宿州市",
    region_en   = "Suzhou, Anhui",
    level       = "市本级",
    year        = 2023,  -- printed as "(2023年度)"
    money_unit  = "万元",
    title_field = "project_name",
    year_field  = "budget_year",
    total       = "income.total.annual",

    blocks = {
        form.fields{
            id     = "header",
            label  = "项目基本信息",  -- not printed
            fields = {
                form.year{ id = "budget_year",       label = "年度", required = true,
                           help = "the budget year, printed under the title as (2023年度)" },
                form.text{ id = "project_name",      label = "项目名称", required = true },
                form.text{ id = "implementing_unit", label = "实施单位", required = true },
                form.enum{ id = "project_type",      label = "项目属性", required = true,
                           aliases = { "项目类型" },
                           options = { "常年安排项目", "一次性项目", "延续项目" } },
                form.text{ id = "project_period",    label = "项目期",   required = true,
                           aliases = { "项目日期" },
                           help = "e.g. 长期" },
            },
        },

        -- 项目资金 (万元): each row holds a label/value pair per period; the total row's label
        -- names the period (中期资金总额: / 年度资金总额:).
        form.table{
            id      = "income",
            label   = "项目资金（万元）",
            aliases = { "项目资金 (万元)", "项目资金 （万元）" },
            unit    = "万元",
            columns = {
                form.money{ id = "mid_term", label = "中期",   -- not printed as a header
                            help = "mid-term (2023-2025) funds" },
                form.money{ id = "annual",   label = "年度" }, -- not printed as a header
            },
            rows = {
                form.row{ id = "total",           label = "资金总额", indent = 0,
                          aliases = { "中期资金总额:", "年度资金总额:" },
                          sum_of = { "fiscal_subtotal", "other" } },
                form.row{ id = "fiscal_subtotal", label = "其中：财政拨款", indent = 1,
                          aliases = { "其中:财政拨款" } },
                form.row{ id = "other",           label = "其他资金", indent = 1 },
            },
        },

        form.fields{
            id     = "goals",
            label  = "总体目标",
            fields = {
                form.longtext{ id = "medium_term_goal", label = "中期目标（2023年—2025年）", required = true,
                               -- 中期目标 alone: the years in the label move with each filing round
                               aliases = { "中期目标(2023年—2025年)", "中期目标" } },
                form.longtext{ id = "annual_goal",      label = "年度目标", required = true },
            },
        },

        -- Both value columns are printed "指标值": the first (after 三级指标 of the left half) is
        -- the mid-term value, the second (after the repeated 二级指标 | 三级指标) the annual one.
        form.indicators{
            id      = "indicators",
            label   = "绩效指标",
            periods = {
                form.target{ id = "mid_term", label = "指标值", help = "mid-term (2023-2025) value, left half of the table" },
                form.target{ id = "annual",   label = "指标值", help = "annual value, right half of the table" },
            },
            tree = { tree.output(), tree.effect(), tree.satisfaction() },
        },
    },

    -- Qualitative targets the seed uses beyond BRIEF.md's list. Left out on purpose, so that
    -- rule 9 reports them as unparsed: sentences such as 严格执行相关财经法规、制度等规定,
    -- 严格执行培训费相关规定, 严格按照相关规定执行 (a 成本指标 should be a figure) and
    -- 正常开展活动. 不适用 is a placeholder (BRIEF.md), not a grade.
    grades = {
        "全年",      -- 时效指标: 重大主题宣传 全年
        "持续扩大",  -- 网上正能量和主旋律覆盖范围 持续扩大
        "不断提升",  -- 网络媒体协会的凝聚力和影响力 不断提升
    },

    -- The importer starts a filing at each title line (the default: a line ending with
    -- `title`); the year is the unlabelled line under it ("(2023年度)").
    import = form.import{
        values = {
            { to = "fields.budget_year", pattern = "^%(?(%d%d%d%d)年度%)?$" },
        },
    },

    -- Version 2 requires 年度 (budget_year). A filing of version 1 may have left it blank, its
    -- budget year then being the template's (2023): the step writes that year into the field,
    -- and the migration report lists it as added (earlier/suzhou_project.v1.lua keeps version 1).
    migrate = {
        [1] = function(old)
            if (old.fields.budget_year or "") == "" then old.fields.budget_year = "2023" end
            return old
        end,
    },
}
