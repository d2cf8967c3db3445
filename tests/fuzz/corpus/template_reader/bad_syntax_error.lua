-- expect: 6: '}' expected (to close '{' at line 4) near 'year'
-- kind: syntax
-- A missing comma between two fields.
return {
    title = "南通市项目支出绩效目标申报表"
    year = 2024,
}
