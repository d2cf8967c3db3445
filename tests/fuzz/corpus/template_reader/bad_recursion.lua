-- expect: 5: stack overflow
-- kind: runtime
-- Recurses without end.
local function depth(n)
    return 1 + depth(n + 1)
end
return { depth = depth(1) }
