-- expect: 7: the returned value.blocks[1].form contains itself (a cycle)
-- kind: bad value
-- Returns a table that contains itself.
local form = { blocks = {} }
form.blocks[1] = { form = form }

return form
