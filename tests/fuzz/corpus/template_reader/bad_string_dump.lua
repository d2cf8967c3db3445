-- expect: 4: attempt to call field 'dump' (a nil value)
-- kind: runtime
-- Tries to make bytecode.
local code = string.dump(function() end)
return {}
