-- expect: 5: error object is a table value
-- kind: runtime
-- Raises a value whose __tostring never returns; the host must not call it.
local v = setmetatable({}, { __tostring = function() while true do end end })
error(v)
