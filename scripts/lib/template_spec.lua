-- Questions checks ask of a template (the table f:spec() returns, and `applies` receives):
-- does it have an indicator table, which table has this id, does a table have this column.
-- Shared by the shipped checks; `local ts = require "template_spec"` in yours.
local M = {}

-- Whether the template has an indicator table.
function M.has_indicators(spec) return spec.indicators ~= nil end

-- The table with this id, or nil.
function M.table_of(spec, id)
    for _, t in ipairs(spec.tables) do
        if t.id == id then return t end
    end
end

-- Whether table `t` (may be nil) has a column with this id.
function M.has_column(t, id)
    for _, c in ipairs(t and t.columns or {}) do
        if c.id == id then return true end
    end
    return false
end

return M
