-- expect: 2: total: "income.totl.full_year": no row "totl" in table "income"
return form.template{
    api = 1, id = "bad-reference", version = 1, title = "坏引用", family = "test",
    title_field = "name",
    total = "income.totl.full_year",
    blocks = {
        form.fields{ id = "h", fields = { form.text{ id = "name", label = "项目名称" } } },
        form.table{
            id = "income", label = "项目资金",
            columns = { form.money{ id = "full_year", label = "全年预算数" } },
            rows = { form.row{ id = "total", label = "资金总额" } },
        },
    },
}
