-- expect: 8: blocks[1].fields[2].options: an enum needs a list of options
return form.template{
    api = 1, id = "enum-without-options", version = 1, title = "没有选项", family = "test",
    title_field = "name",
    blocks = {
        form.fields{ id = "h", fields = {
            form.text{ id = "name", label = "项目名称" },
            form.enum{ id = "type", label = "项目类型" },
        } },
    },
}
