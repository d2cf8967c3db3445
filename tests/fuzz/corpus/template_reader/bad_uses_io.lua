-- expect: 4: undeclared global 'io'
-- kind: runtime
-- Tries to read a file.
local f = io.open("/etc/passwd")
return { title = f:read("*a") }
