-- expect: 10: blocks[2].rows.total.sum_of: no row "fiscal" in table "income"
return form.template{
    api = 1, id = "sum-of-unknown-row", version = 1, title = "坏的合计", family = "test",
    title_field = "name",
    blocks = {
        form.fields{ id = "h", fields = { form.text{ id = "name", label = "项目名称" } } },
        form.table{
            id = "income", label = "项目资金",
            columns = { form.money{ id = "amount", label = "金额" } },
            rows = { form.row{ id = "total", label = "资金总额", sum_of = { "fiscal", "other" } },
                     form.row{ id = "other", label = "其他资金" } },
        },
    },
}
