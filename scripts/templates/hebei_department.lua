-- 部门整体绩效目标 (Hebei, district market-regulation bureau, department-wide narrative).
-- Seed: seeds/004_69cafeba3764958f.txt, 第一部分 部门整体绩效目标 (the 第二部分 project tables
-- are hebei_project.lua).
-- Layout: not a grid but a numbered document:
--   一、总体绩效目标   one narrative ("部门总体绩效目标经部门党组研究同意，确定为：（一）…（四）…");
--   二、分项绩效目标   15 sub-goals, each a heading "（一）市场综合监督管理" followed by the lines
--                     "绩效目标：…" and "绩效指标：<indicator name><target>" (name and target in one
--                     line, e.g. "监管执法计划完成率≥90%");
--   三、工作保障措施   one narrative, itself numbered （一）…（九）.
-- The part prints no figures (no budget, no basic/project split) and no department name; the
-- name is on every project table's unit line ("414001市场监管部门市场监督管理局本级").
-- Year: 2022, inferred (the document prints no year): a project of 第二部分 is "提前下达2022年
-- 市场监管补助经费" (funds issued ahead for 2022 are budgeted in 2022), and every 项目编码 begins
-- 13030322P…, read as region 130303 (秦皇岛市山海关区; one project is the 老龙头 branch) + year 22.
return form.template{
    api         = 1,
    id          = "hebei-department",
    version     = 1,
    title       = "部门整体绩效目标",  -- printed as "第一部分 部门整体绩效目标"
    title_en    = "Department-wide performance targets",
    family      = "hebei",
    region      = "河北省秦皇岛市山海关区",  -- region code 130303 in every 项目编码
    region_en   = "Shanhaiguan District, Qinhuangdao, Hebei",
    level       = "区级",
    year        = 2022,
    money_unit  = "万元",
    title_field = "department_name",
    -- no total: this part states no figures

    blocks = {
        form.fields{
            id     = "header",
            label  = "部门",  -- not printed
            fields = {
                form.text{ id = "department_name", label = "部门名称", required = true,
                           help = "not printed in this part; as on the project tables' unit line, e.g. 414001市场监管部门市场监督管理局本级" },
            },
        },

        form.fields{
            id     = "overall_part",
            label  = "总体绩效目标",
            fields = {
                form.longtext{ id = "overall_goal", label = "总体绩效目标", required = true,
                               aliases = { "一、总体绩效目标" } },
            },
        },

        -- 二、分项绩效目标: one row per numbered heading （一）…（十五）; its two lines are
        -- "绩效目标：text" and "绩效指标：text" (label and value in one line).
        form.table{
            id      = "sub_goals",
            label   = "分项绩效目标",
            aliases = { "二、分项绩效目标" },
            columns = {
                form.text    { id = "name",      label = "分项名称", required = true,
                               help = "the heading after （一）…, e.g. 市场综合监督管理" },  -- not printed as a label
                form.longtext{ id = "goal",      label = "绩效目标", required = true },
                form.target  { id = "indicator", label = "绩效指标", required = true,
                               help = "indicator name and target as one line, e.g. 监管执法计划完成率≥90%" },
            },
        },

        form.fields{
            id     = "safeguards_part",
            label  = "工作保障措施",
            fields = {
                form.longtext{ id = "safeguards", label = "工作保障措施", required = true,
                               aliases = { "三、工作保障措施" } },
            },
        },
    },

    -- No grades: every sub-goal indicator is numeric (≥90%, =0, ≥100).

    -- How the importer reads this part: it starts at the line 部门整体绩效目标 (the default
    -- title rule); 第一部分/第二部分 and the heading of the next part hold no value; each
    -- numbered heading （一）… starts a sub-goal; the department's name, not printed here, is
    -- taken from the unit line of the file's project tables (the first text starting with a
    -- six-digit unit code), with a note saying so.
    import = form.import{
        ignore = { "第一部分", "第二部分", "预算项目绩效目标" },
        values = {
            { to = "sub_goals.name", pattern = "^（.-）(.+)$" },
            { to = "fields.department_name", pattern = "^%d%d%d%d%d%d", scope = "file" },
        },
    },
}
