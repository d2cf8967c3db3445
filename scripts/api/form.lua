---@meta form
-- LuaLS stubs for the `form` module that templates (scripts/templates/*.lua) use to describe
-- a form family. Formwork implements these functions in C++ (src/script/bind_form.cpp); this
-- file only gives your editor completion and type checks. Each constructor records the line
-- it is called on, so a mistake in the description is reported as `file:line: path: message`.

---@class form
form = {}

---@alias form.ValueKind "text"|"longtext"|"enum"|"year"|"phone"|"money"|"integer"|"percent"|"target"

---A header field or a table column.
---@class form.Field
---@field id string            stable identifier (ASCII letters, digits, `_`), unique in its block
---@field label string         the label as printed on the family's form
---@field aliases? string[]    other spellings seen in real filings (the importer matches them)
---@field kind? form.ValueKind set by the kind constructors (`form.money{}` …); required with `form.field{}`
---@field options? string[]    `enum` only: the choices
---@field required? boolean
---@field help? string         one line shown as a tooltip

---@param spec form.Field
---@return form.Field
function form.field(spec) end
---@param spec form.Field
---@return form.Field
function form.text(spec) end
---@param spec form.Field
---@return form.Field
function form.longtext(spec) end
---@param spec form.Field
---@return form.Field
function form.enum(spec) end
---@param spec form.Field
---@return form.Field
function form.year(spec) end
---@param spec form.Field
---@return form.Field
function form.phone(spec) end
---@param spec form.Field
---@return form.Field
function form.money(spec) end
---@param spec form.Field
---@return form.Field
function form.integer(spec) end
---@param spec form.Field
---@return form.Field
function form.percent(spec) end
---@param spec form.Field
---@return form.Field
function form.target(spec) end

---A fixed row of a table (资金总额, 财政拨款 小计 …).
---@class form.Row
---@field id string
---@field label string
---@field aliases? string[]
---@field indent? integer       0 for top-level rows, 1, 2 … for their parts
---@field sum_of? string[]|string[][] row ids whose figures add up to this row's; a list of lists for several decompositions

---@param spec form.Row
---@return form.Row
function form.row(spec) end

---A block of header fields.
---@class form.FieldsBlock
---@field id string
---@field label? string
---@field fields form.Field[]

---@param spec form.FieldsBlock
---@return form.FieldsBlock
function form.fields(spec) end

---A table: fixed rows when `rows` is given, otherwise rows the user adds (expense lines).
---@class form.TableBlock
---@field id string
---@field label string
---@field aliases? string[]
---@field unit? string             e.g. "万元"
---@field columns form.Field[]
---@field rows? form.Row[]
---@field total? {label: string, columns: string[]}  a computed total row under free rows

---@param spec form.TableBlock
---@return form.TableBlock
function form.table(spec) end

---@class form.Level2
---@field name string
---@field aliases? string[]
---@field required? boolean

---@param spec form.Level2
---@return form.Level2
function form.level2(spec) end

---@class form.Level1
---@field name string
---@field aliases? string[]
---@field required? boolean
---@field level2? (string|form.Level2)[]

---@param spec form.Level1
---@return form.Level1
function form.level1(spec) end

---The indicator tree (绩效指标).
---@class form.IndicatorsBlock
---@field id string
---@field label? string
---@field periods form.Field[]   one `form.target{}` per period column (半年/全年, 中期/年度, or one)
---@field extra? form.Field[]    extra columns: description, basis, standard …
---@field tree form.Level1[]

---@param spec form.IndicatorsBlock
---@return form.IndicatorsBlock
function form.indicators(spec) end

---A cumulative spending plan (资金支出计划 %).
---@class form.SpendingPlanBlock
---@field id string
---@field label? string
---@field points form.Field[]    one `form.percent{}` per point in time (3月底 …)

---@param spec form.SpendingPlanBlock
---@return form.SpendingPlanBlock
function form.spending_plan(spec) end

---A value the core computes with exact decimals (never Lua numbers).
---References: "<table>.<column>" (a free-rows column), "<table>.<row>.<column>" (a fixed cell),
---"fields.<field>".
---@class form.Computed
---@field id string
---@field label string
---@field of? string           `form.sum`: what to add up
---@field numerator? string    `form.ratio`
---@field denominator? string  `form.ratio`
---@field places? integer      `form.ratio`: decimal places, rounded half-even (default 4)

---@param spec form.Computed
---@return form.Computed
function form.sum(spec) end
---@param spec form.Computed
---@return form.Computed
function form.ratio(spec) end

---Where the importer puts a text that has no label of its own.
---@class form.ImportValue
---@field to string        "fields.<field>", or "<table>.<column>" of a table with free rows (starts a new row)
---@field pattern? string  Lua pattern the text must match, e.g. "^(%d%d%d%d)年度$"; its first capture (else the whole text) is stored
---@field after? string    block id: only while that block is being read (the text comes after its label)
---@field scope? "filing"|"file"  "file": when the filing has no such text, take the first one in the same file

---How the importer reads this family's printed documents, beyond matching labels and aliases.
---@class form.Import
---@field titles? string[]       Lua patterns: a text line matching one starts a filing of this template (default: a line ending with `title`)
---@field ignore? string[]       printed text that holds no value (sub-headings, "单位：万元" …), compared like labels
---@field values? form.ImportValue[]
---@field level_heads? (string|string[])[]  the three printed heads of the level-1/2/3 indicator columns (default 一级指标, 二级指标, 三级指标); each a head or a list of its spellings (the first is printed); one text may head several levels ("项目")
---@field separator? "tab"|"pipe"|"spaces"|"lines"  how this family's text files lay cells out, when detection picks wrong
---@field footer? string[]       Lua patterns: a line matching one ends the form (a footnote, "附件下载"); the rest is kept as notes
---@field split? form.ImportSplit[]

---A period printed in one cell, kept as printed and also split into a start and an end field.
---@class form.ImportSplit
---@field from string      "fields.<field>" holding e.g. "2019-2021", "2023.07-2024.01", "2023年1月-12月"
---@field into string[]    { "fields.<start>", "fields.<end>" }: a year field takes the year

---@param spec form.Import
---@return form.Import
function form.import(spec) end

---A filing as a `migrate` step gets and returns it, laid out by the ids of a version of its
---template; every value is the text as filed.
---@class form.FilingTable
---@field fields table<string, string>           header fields by id
---@field tables table<string, table>            fixed rows by row id ({ total = { amount = "18" } }), free rows as a list ({ { item = "甲", amount = "3" } }), a spending plan by point ({ mar = "25%" })
---@field indicators form.FilingIndicator[]
---@field notes {kind: string, text: string}[]

---@class form.FilingIndicator
---@field level1 string
---@field level2 string
---@field name string
---@field targets table<string, string>  by period id
---@field extra table<string, string>    by extra column id

---What next year's filing of a continuing project (formwork copy --next-year, the shell's
---File menu) does with a filing of this template. Example:
---  next_year = { amounts = "clear", clear = { "spending_plan" }, period = { "fields.start_year", "fields.end_year" } }
---@class form.NextYear
---@field amounts? "keep"|"clear"  "clear": every money field and column is blanked (default "keep")
---@field clear? string[]          more to blank: "fields.<field>", "<table>", "<table>.<column>", "indicators.<period or extra column>"
---@field period? string[]         the project period: two year fields (start, end) or one printed period; default start_year/end_year, else project_period

---The whole template. A template file ends with `return form.template{ … }`.
---@class form.Template
---@field api integer|string      1 (or "1.x"): the template language version this file is written for
---@field id string                stable id, e.g. "nantong-project"
---@field version integer          bump when the layout changes (and keep the old file in templates/earlier/)
---@field title string             the form's printed title
---@field title_en? string         the title in English, for the shell's English UI (else it shows the id)
---@field family string            the family the importer recognises, e.g. "nantong"
---@field region? string
---@field region_en? string        the region in English, for the shell's English UI
---@field level? string
---@field year? integer
---@field money_unit? string       default "万元"
---@field title_field string       the field that names a filing in lists
---@field year_field? string       a field holding the budget year, when the form has one
---@field total? string            reference to the total budget as filed, e.g. "income.total.full_year"
---@field blocks (form.FieldsBlock|form.TableBlock|form.IndicatorsBlock|form.SpendingPlanBlock)[]
---@field computed? form.Computed[]
---@field grades? string[]         extra qualitative target words this family uses
---@field options? table<string, string|number|boolean>  attributes checks may read
---@field hooks? table<string, function>
---@field import? form.Import     how the importer reads printed documents of this family
---@field migrate? table<integer, fun(old: form.FilingTable): form.FilingTable>  the step from version k (the key) to k + 1; keep the earlier versions' files in templates/earlier/. Example:
---  migrate = { [1] = function(old) old.fields.budget_year = old.fields.budget_year or "2024" return old end }
---@field next_year? form.NextYear  what next year's filing keeps

---@param spec form.Template
---@return form.Template
function form.template(spec) end
