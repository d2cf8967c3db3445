-- expect: 6: attempt to index local 'blocks' (a nil value)
-- kind: runtime
-- Indexes a value that does not exist.
local blocks = nil
return {
    first = blocks[1],
}
