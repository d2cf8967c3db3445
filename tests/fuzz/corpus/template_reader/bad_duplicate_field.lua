-- expect: 10: blocks[2].fields[3].id: "name" is used twice
return form.template{
    api = 1, id = "duplicate-field", version = 1, title = "重复字段", family = "test",
    title_field = "name",
    blocks = {
        form.fields{ id = "a", fields = { form.text{ id = "name", label = "项目名称" } } },
        form.fields{ id = "b", fields = {
            form.text{ id = "x", label = "甲" },
            form.text{ id = "name", label = "名称" },
            form.text{ id = "name", label = "又一个名称" },
        } },
    },
}
