-- expect: 5: stopped: exceeded the
-- kind: timeout
-- Hopes pcall will catch the time limit.
local ok = false
while not ok do ok = pcall(function() while true do end end) end
return {}
