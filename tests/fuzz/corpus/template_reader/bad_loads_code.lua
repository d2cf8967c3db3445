-- expect: 5: undeclared global 'loadstring'
-- kind: runtime
-- Tries to compile code at run time.
local code = "return 1"
local f = loadstring(code)
return {}
