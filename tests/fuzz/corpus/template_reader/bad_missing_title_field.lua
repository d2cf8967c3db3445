-- expect: 2: title_field: no field "project_name"
return form.template{
    api = 1, id = "missing-title-field", version = 1, title = "没有标题字段", family = "test",
    title_field = "project_name",
    blocks = { form.fields{ id = "h", fields = { form.text{ id = "name", label = "项目名称" } } } },
}
