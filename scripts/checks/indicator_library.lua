-- 指标库: an indicator whose name the approved library (scripts/data/indicator-library.csv,
-- built from the seeds and the corpus by samples/make_indicator_library.sh; a bureau puts its
-- own in the user's data folder) does not list under its level-2 category is reported, with
-- the closest name the library has there.
--   indicator-in-library   info
local ts = require "template_spec"

-- A level-2 name in its long spelling without suffixes: 经济效益 and 经济效益指标(必填) are one.
local FIXED = { ["项目立项"] = true, ["绩效目标"] = true, ["资金投入"] = true, ["资金管理"] = true, ["组织实施"] = true }
local function category_key_of(name)
    name = name:gsub("%s", ""):gsub("[（(][^）)]*[）)]$", "")
    if name ~= "" and not name:find("指标$") and not FIXED[name] then name = name .. "指标" end
    return name
end

-- Names repeat from filing to filing (a province has a few thousand distinct ones): what was
-- worked out for a text is remembered, bounded so that a batch of unusual names cannot fill
-- the script's memory (the patterns and the closest-name search were most of this check's
-- time on 100,000 filings).
local function remembered(work)
    local known, count = {}, 0
    return function(a, b)
        local key = b and (a .. "\0" .. b) or a
        local v = known[key]
        if v == nil then
            v = work(a, b)
            if count >= 5000 then known, count = {}, 0 end
            known[key], count = v, count + 1
        end
        return v
    end
end

local category_key = remembered(category_key_of)

-- The library by category: a set of names to look up and a list to search for the closest.
local names, lists = {}, {}
for _, row in ipairs(check.data("indicator-library")) do
    local key = category_key(row.level2)
    if not names[key] then
        names[key], lists[key] = {}, {}
    end
    if not names[key][row.name] then
        names[key][row.name] = true
        lists[key][#lists[key] + 1] = row.name
    end
end

local closest = remembered(function(key, name)
    local best, best_distance = nil, math.huge
    for _, candidate in ipairs(lists[key] or {}) do
        local d = text.distance(name, candidate)
        if d < best_distance then best, best_distance = candidate, d end
    end
    return best or false
end)

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "indicator-in-library",
            title = { zh = "指标名称在指标库中", en = "Indicator names are in the indicator library" },
            severity = "info",
            templates = { "*" },
            applies = ts.has_indicators,
            run = function(f)
                local count = f:indicators()
                if count == 0 then return check.not_applicable("没有绩效指标") end
                for i = 1, count do
                    local _, level2, name, named = f:indicator(i)
                    local key = category_key(select(2, f:category(i)) or level2)
                    name = name:find("\n", 1, true) and name:gsub("\n", "") or name
                    if named and names[key] and not names[key][name] then
                        local near = closest(key, name) or nil
                        f:report(f:indicator_path(i, "name"),
                            ("“%s”不在指标库的%s中，最接近的是“%s”"):format(name, key, near),
                            ("\"%s\" is not in the indicator library under %s; the closest is \"%s\""):format(name, key, near))
                    end
                end
            end,
            cases = {
                check.case{
                    name = "指标库中的指标",
                    template = "hebei-project",
                    filing = { indicators = { { "产出指标", "质量指标", "公车保险缴纳率", value = "≥95百分比" } } },
                },
                check.case{
                    name = "库中没有的名称，给出最接近的",
                    template = "hebei-project",
                    filing = { indicators = { { "产出指标", "质量指标", "公车保险交纳率", value = "≥95%" } } },
                    expect = { { path = "i/0/name", contains = { "公车保险交纳率", "公车保险缴纳率" } } },
                },
                check.case{
                    name = "没有指标",
                    template = "hebei-project",
                    filing = {},
                    outcome = "not_applicable",
                },
            },
        },
    },
}
