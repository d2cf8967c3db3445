-- expect: 5: stopped: exceeded the
-- kind: timeout
-- Never finishes.
local rows = 0
while rows >= 0 do rows = rows + 1 end
return { rows = rows }
