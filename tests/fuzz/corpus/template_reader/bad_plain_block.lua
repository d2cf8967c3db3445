-- expect: 2: blocks[2]: make each block with form.fields{}
return form.template{
    api = 1, id = "plain-block", version = 1, title = "普通表格", family = "test",
    title_field = "name",
    blocks = {
        form.fields{ id = "h", fields = { form.text{ id = "name", label = "项目名称" } } },
        { id = "x", label = "没有构造函数" },
    },
}
