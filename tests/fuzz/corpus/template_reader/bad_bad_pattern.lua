-- expect: 5: stopped: exceeded the
-- kind: timeout
-- A pattern that would backtrack for hours.
local s = string.rep("a", 40)
local m = s:match(string.rep("a?", 40) .. string.rep("a", 40))
return { m = m }
