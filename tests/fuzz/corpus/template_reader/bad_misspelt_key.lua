-- expect: 7: blocks[1].fields[1].lable: unknown key
return form.template{
    api = 1, id = "misspelt-key", version = 1, title = "拼错的键", family = "test",
    title_field = "name",
    blocks = {
        form.fields{ id = "h", fields = {
            form.text{ id = "name", lable = "项目名称" },
        } },
    },
}
