-- expect: 5: stopped: exceeded the
-- kind: memory
-- Fills memory (or time, whichever limit comes first).
local rows = {}
for i = 1, 1e9 do rows[i] = { i, i, i, i } end
return { rows = rows }
