-- 资金支出计划 (BRIEF.md rule 12): the cumulative share of the budget spent by each point
-- (3月底, 6月底, 10月底, 12月底 …).
--   spending-plan-cumulative  each value 0–100%, never decreasing, the last point 100%       error
--   spending-plan-gaps        a point left blank before a filled one, or no progress between
--                             two points below 100%                                         warning
-- The points and their order are the template's spending_plan block.

local function plan(mar, jun, oct, dec)
    return { tables = { spending_plan = { mar = mar, jun = jun, oct = oct, dec = dec } } }
end

local HUNDRED, ZERO = check.dec(100), check.dec(0)

local function has_plan(spec) return spec.spending_plan ~= nil end

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "spending-plan-cumulative",
            title = { zh = "资金支出计划逐期累计、到年底为 100%", en = "The spending plan is cumulative and ends at 100%" },
            severity = "error",
            templates = { "*" },
            applies = has_plan,
            run = function(f)
                local sp = f:spec().spending_plan
                if not sp then return check.not_applicable("模板没有资金支出计划") end
                local last_label, last_value
                for n, point in ipairs(sp.columns) do
                    local ref = sp.id .. "." .. point.id
                    local v, why = f:percent(ref)
                    if why == "not_a_number" then
                        f:report(ref, ("%s“%s”不是百分比"):format(point.label, f:text(ref)),
                            ("%s \"%s\" is not a percentage"):format(point.label, f:text(ref)))
                    elseif v then
                        if v < ZERO or v > HUNDRED then
                            f:report(ref, ("%s %s%% 不在 0%%—100%% 之间"):format(point.label, v),
                                ("%s %s%% is outside 0%%–100%%"):format(point.label, v))
                        elseif last_value and v < last_value then
                            f:report(ref,
                                ("%s %s%% 低于 %s %s%%：累计支出计划不应减少"):format(point.label, v, last_label, last_value),
                                ("%s %s%% is below %s %s%%: a cumulative plan never decreases"):format(point.label, v, last_label, last_value))
                        end
                        last_label, last_value = point.label, v
                    end
                    if n == #sp.columns then
                        if why == "blank" then
                            f:report(ref, ("%s未填：年底累计应为 100%%"):format(point.label),
                                ("%s is blank: the plan should reach 100%%"):format(point.label))
                        elseif v and v ~= HUNDRED and v <= HUNDRED then
                            f:report(ref, ("%s 应为 100%%，填的是 %s%%"):format(point.label, v),
                                ("%s should be 100%%, it is %s%%"):format(point.label, v))
                        end
                    end
                end
            end,
            cases = {
                check.case{ name = "河北：25% 50% 75% 100%", template = "hebei-project", filing = plan("25%", "50%", "75%", "100%") },
                check.case{ name = "只填年底 100%", template = "hebei-project", filing = plan("", "", "", "100%") },
                check.case{
                    name = "减少且年底不到 100%",
                    template = "hebei-project",
                    filing = plan("25%", "61%", "50%", "90%"),
                    expect = {
                        { path = "t/spending_plan/0/oct", contains = { "10月底 50%", "6月底 61%" } },
                        { path = "t/spending_plan/0/dec", contains = "90%" },
                    },
                },
                check.case{
                    name = "超过 100%，不是百分比，年底未填",
                    template = "hebei-project",
                    filing = plan("120%", "一半", "", ""),
                    expect = {
                        { path = "t/spending_plan/0/mar", contains = "120%" },
                        { path = "t/spending_plan/0/jun", contains = "一半" },
                        { path = "t/spending_plan/0/dec", contains = "未填" },
                    },
                },
                check.case{ name = "没有支出计划的模板", template = "nantong-project", filing = {}, outcome = "not_applicable" },
            },
        },

        check.define{
            id = "spending-plan-gaps",
            title = { zh = "资金支出计划逐期填写、期间有进度", en = "The spending plan has every point and makes progress" },
            severity = "warning",
            templates = { "*" },
            applies = has_plan,
            run = function(f)
                local sp = f:spec().spending_plan
                if not sp then return check.not_applicable("模板没有资金支出计划") end
                -- values[n] is nil for a blank point, so the count of points is #sp.columns
                local values, labels, filled, count = {}, {}, 0, #sp.columns
                for n, point in ipairs(sp.columns) do
                    values[n] = f:percent(sp.id .. "." .. point.id)
                    labels[n] = point.label
                    if values[n] then filled = filled + 1 end
                end
                if filled == 0 then return check.insufficient("资金支出计划未填") end
                -- Blank points before the last filled one: one finding at the first of them.
                local last_filled = 0
                for n = 1, count do
                    if values[n] then last_filled = n end
                end
                local gaps = {}
                for n = 1, last_filled - 1 do
                    if not values[n] then gaps[#gaps + 1] = n end
                end
                if #gaps > 0 then
                    local names = {}
                    for _, n in ipairs(gaps) do names[#names + 1] = labels[n] end
                    f:report(sp.id .. "." .. sp.columns[gaps[1]].id,
                        ("%s未填，而 %s 已填 %s%%（未安排支出的时点应填 0%%）"):format(table.concat(names, "、"),
                            labels[last_filled], values[last_filled]),
                        ("%s left blank while %s is %s%% (a point without spending is 0%%)"):format(table.concat(names, ", "),
                            labels[last_filled], values[last_filled]))
                end
                -- No progress between two filled points while the plan is still below 100%.
                local prev
                for n = 1, count do
                    if values[n] then
                        if prev and values[prev] == values[n] and values[n] < HUNDRED then
                            f:report(sp.id .. "." .. sp.columns[n].id,
                                ("%s 至 %s 累计均为 %s%%，期间没有支出安排"):format(labels[prev], labels[n], values[n]),
                                ("from %s to %s the plan stays at %s%%: no spending in between"):format(labels[prev], labels[n], values[n]))
                        end
                        prev = n
                    end
                end
            end,
            cases = {
                check.case{ name = "逐期增长", template = "hebei-project", filing = plan("25%", "50%", "75%", "100%") },
                check.case{ name = "年初即付清：100% 不变", template = "hebei-project", filing = plan("100%", "100%", "100%", "100%") },
                check.case{
                    name = "河北：3月底空，6月底至10月底停在 50%",
                    template = "hebei-project",
                    filing = plan("", "50%", "50%", "100%"),
                    expect = {
                        { path = "t/spending_plan/0/mar", contains = { "3月底未填", "12月底 已填 100%" } },
                        { path = "t/spending_plan/0/oct", contains = { "6月底 至 10月底", "50%" } },
                    },
                },
                check.case{
                    name = "只填年底",
                    template = "hebei-project",
                    filing = plan("", "", "", "100%"),
                    expect = { { path = "t/spending_plan/0/mar", contains = "3月底、6月底、10月底未填" } },
                },
                check.case{ name = "全空", template = "hebei-project", filing = plan("", "", "", ""), outcome = "insufficient_data" },
            },
        },
    },
}
