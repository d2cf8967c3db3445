-- expect: 11: blocks[1].fields[3].kind: expected one of text, longtext, enum, year, phone, money, integer, percent, target, got "nmber"
return form.template{
    api = 1, id = "bad-kind", version = 1, title = "坏模板", family = "test",
    title_field = "name",
    blocks = {
        form.fields{
            id = "header",
            fields = {
                form.text{ id = "name", label = "项目名称" },
                form.text{ id = "unit", label = "实施单位" },
                form.field{ id = "budget", label = "预算数", kind = "nmber" },
            },
        },
    },
}
