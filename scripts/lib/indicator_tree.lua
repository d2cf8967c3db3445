-- The indicator categories (绩效指标的一级、二级指标) that most forms print, to build a
-- template's `tree` from: the templates of every region share them and differ only in how a
-- region spells them. Used with `local tree = require "indicator_tree"` (scripts/README.md,
-- "Shared code").
--
--   tree = { t.output(), t.effect(), t.satisfaction() }
--   tree = { t.decision(), t.process(), t.output(), t.effect{ short = true }, t.satisfaction{ short = true } }
--
-- Options of each function:
--   short     level-2 names as printed without 指标 (经济效益, 服务对象满意度); the other
--             spelling is always an alias, so either reads the same
--   suffixes  extra endings the form prints after a level-2 name, e.g. { "(必填)" }: aliases
--   order     the level-2 names in printed order (only their order; names as in the lists below)
--   aliases   more aliases (satisfaction: of its one level-2)
--   one_spelling  no alias in the other spelling (effect, satisfaction): where a form prints
--             "服务对象满意度" as an indicator's own name under 服务对象满意度指标
local M = {}

-- A level-2 category: `name` as the template calls it, the other spelling (with or without
-- 指标) and each suffixed spelling as aliases.
local function level2(name, required, opts)
    opts = opts or {}
    local aliases = {}
    local plain = name:gsub("指标$", "")
    local other = plain == name and name .. "指标" or plain
    -- 数量/质量/时效/成本 alone are too common a word to be taken for a category.
    if not opts.one_spelling then aliases[#aliases + 1] = other end
    for _, suffix in ipairs(opts.suffixes or {}) do
        aliases[#aliases + 1] = name .. suffix
        if not opts.one_spelling then aliases[#aliases + 1] = other .. suffix end
    end
    for _, alias in ipairs(opts.aliases or {}) do aliases[#aliases + 1] = alias end
    return form.level2{ name = name, required = required, aliases = aliases }
end

local function spelled(name, opts)
    if opts and opts.short then return (name:gsub("指标$", "")) end
    return name
end

local function in_order(names, order)
    if not order then return names end
    local out = {}
    for _, wanted in ipairs(order) do
        for _, n in ipairs(names) do
            if n == wanted then out[#out + 1] = n end
        end
    end
    return out
end

-- 决策 (Jiangsu, Nantong): 项目立项, 绩效目标, 资金投入, each required.
function M.decision()
    return form.level1{ name = "决策", required = true, level2 = {
        form.level2{ name = "项目立项", required = true },
        form.level2{ name = "绩效目标", required = true },
        form.level2{ name = "资金投入", required = true },
    } }
end

-- 过程 (Jiangsu, Nantong): 资金管理, 组织实施, each required.
function M.process()
    return form.level1{ name = "过程", required = true, level2 = {
        form.level2{ name = "资金管理", required = true },
        form.level2{ name = "组织实施", required = true },
    } }
end

-- 产出指标: 数量指标, 质量指标, 时效指标, 成本指标, each required.
function M.output(opts)
    opts = opts or {}
    local list = {}
    for _, n in ipairs(in_order({ "数量指标", "质量指标", "时效指标", "成本指标" }, opts.order)) do
        list[#list + 1] = level2(n, true, { suffixes = opts.suffixes, one_spelling = true })
    end
    return form.level1{ name = "产出指标", required = true, level2 = list }
end

-- 效益指标: 经济效益, 社会效益, 生态效益, 可持续影响 (none required); `extra` adds level-2
-- categories a region files under it (沅江 puts its satisfaction category here).
function M.effect(opts)
    opts = opts or {}
    local list = {}
    for _, n in ipairs({ "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标" }) do
        list[#list + 1] = level2(spelled(n, opts), false, { suffixes = opts.suffixes, one_spelling = opts.one_spelling })
    end
    for _, x in ipairs(opts.extra or {}) do list[#list + 1] = x end
    return form.level1{ name = "效益指标", required = true, level2 = list }
end

-- 满意度指标: 服务对象满意度指标, required.
function M.satisfaction(opts)
    opts = opts or {}
    return form.level1{ name = "满意度指标", required = true, level2 = {
        level2(spelled("服务对象满意度指标", opts), true, { suffixes = opts.suffixes, aliases = opts.aliases, one_spelling = opts.one_spelling }),
    } }
end

-- A level-2 category of the caller's own, spelled both ways, for `extra`.
function M.category(name, required, opts)
    return level2(name, required, opts)
end

return M
