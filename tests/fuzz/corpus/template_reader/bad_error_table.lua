-- expect: 4: error object is a table value
-- kind: runtime
-- Raises a table, not a message.
error({ code = 7 })
