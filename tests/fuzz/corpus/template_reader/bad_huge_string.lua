-- expect: 4: stopped: string.rep would build a 1000000000-byte string
-- kind: memory
-- Asks for a gigabyte.
local padding = string.rep("x", 1e9)
return { title = padding }
