-- expect: 2: api: this template is written for template api 2
return form.template{
    api = 2, id = "future", version = 1, title = "未来的模板", family = "test",
    title_field = "name",
    blocks = { form.fields{ id = "h", fields = { form.text{ id = "name", label = "项目名称" } } } },
}
