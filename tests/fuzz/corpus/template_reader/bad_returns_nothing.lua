-- expect: 2: a template must return form.template
local t = form.template{ api = 1, id = "x", version = 1, title = "忘了 return", family = "test", blocks = {} }
