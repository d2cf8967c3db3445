-- expect: 4: undeclared global 'require'
-- kind: runtime
-- Tries to load a native module.
local lfs = require("lfs")
return {}
