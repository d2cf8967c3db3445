-- expect: 6: undeclared global 'titel'
-- kind: runtime
-- A typo reads an undeclared global.
local title = "河北省部门整体"
return {
    title = titel,
}
