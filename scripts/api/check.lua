---@meta check
-- LuaLS stubs for check scripts (scripts/checks/*.lua): the `check` module, the `Filing` view a
-- check's run function receives, and the exact `Decimal` values money and quantities arrive
-- as. Formwork implements all of it in C++ (src/script/bind_check.cpp, udata_filing.cpp,
-- udata_decimal.cpp); this file only gives your editor completion and type checks, and a test
-- compares it with what Formwork really provides.

---@class check
check = {}

---@alias check.Severity "error"|"warning"|"info"
---@alias check.Scope "filing"|"department"|"year"|"all"|"group"
---@alias check.Outcome "passed"|"failed"|"not_applicable"|"insufficient_data"
---@alias check.TargetKind "numeric"|"grade"|"placeholder"|"blank"|"unparsed"
---@alias check.UnitClass "none"|"percent"|"money"|"count"|"time"|"measure"|"other"

---What a check script returns.
---@class check.Script
---@field api integer            the check language version: 1
---@field checks check.Check[]

---One check.
---@class check.Check
---@field id string              stable kebab-case id, e.g. "expenses-add-up"; findings and reports name it
---@field title {zh: string, en?: string}
---@field severity check.Severity  of every finding it reports
---@field templates string[]     template ids or patterns with `*`: { "*" }, { "*-project" }, { "jiangsu-project" }
---@field scope? check.Scope     "filing" (default): run once per filing with one Filing; "department": once per department and budget year with the list of its filings; "year": once per budget year with every filing of it; "all": once with every filing; "group": once per key that `group` gives
---@field group? fun(f: Filing): string|number|nil  scope "group": the key that groups filings (nil: the filing is in no group)
---@field run fun(f: Filing|Filing[])  reports with f:report(); ends early with check.not_applicable() / check.insufficient()
---@field cases? check.Case[]

---An example filing (or a department's filings) and what the check must say about it.
---@class check.Case
---@field name string
---@field template? string       the template of filings that name none
---@field filing? check.CaseFiling
---@field filings? check.CaseFiling[]  group checks: the group; filing checks: filing 1 is checked, the others are what check.find and f:previous() search (other years)
---@field expect? (string|{path: string, contains?: string|string[], filing?: integer})[]  exactly these findings: their paths, and texts the Chinese message contains
---@field outcome? check.Outcome default: "failed" when expect is not empty, else "passed"

---A case filing, written as the analyst would read it: every value is text as filed.
---@class check.CaseFiling
---@field template? string
---@field id? integer
---@field version? integer                          filed with this version of the template (kept in templates/earlier/); default the current one
---@field year? integer                             the budget year (the template's year field)
---@field fields? table<string, string>             header fields by id
---@field tables? table<string, table>              fixed rows by row id ({ total = { full_year = "18" } }), free rows as a list ({ { item = "甲", full_year = "19" } }), a spending plan by point ({ mar = "25%" })
---@field indicators? table[]                       { "过程", "资金管理", "预算执行率", half_year = "=45%", full_year = "=100%" }

---@param spec check.Script
---@return check.Script
function check.script(spec) end

---@param spec check.Check
---@return check.Check
function check.define(spec) end

---@param spec check.Case
---@return check.Case
function check.case(spec) end

---An exact decimal from text (`"0.005"`, `"1,239.92"`, `"2万"`) or an integer. Fractions must be text:
---a Lua number such as 0.1 is not exact.
---@param x string|integer|Decimal
---@return Decimal
function check.dec(x) end

---@param x any
---@return boolean
function check.is_dec(x) end

---100 × part / whole, rounded half-even to `places` (default 2).
---@param part Decimal|string|integer
---@param whole Decimal|string|integer
---@param places? integer
---@return Decimal
function check.percent(part, whole, places) end

---a / b rounded half-even to `places` (default 4).
---@param a Decimal|string|integer
---@param b Decimal|string|integer
---@param places? integer
---@return Decimal
function check.ratio(a, b, places) end

---whole × percent / 100 rounded half-even to `places` (default 2): the amount a share stands for.
---@param whole Decimal|string|integer
---@param percent Decimal|string|integer
---@param places? integer
---@return Decimal
function check.percent_of(whole, percent, places) end

---The range 100 × part / whole can have when each amount may be off by `half_step` (amounts
---filed to 0.01 万元: half_step "0.005"). nil when whole ≤ half_step.
---@param part Decimal|string|integer
---@param whole Decimal|string|integer
---@param half_step Decimal|string|integer
---@return Decimal? low
---@return Decimal? high
function check.percent_range(part, whole, half_step) end

---|a − b| ≤ tolerance, exactly.
---@param a Decimal|string|integer
---@param b Decimal|string|integer
---@param tolerance Decimal|string|integer
---@return boolean
function check.within(a, b, tolerance) end

---What a target value's unit measures, and whether it is a compound unit (元/人/天, 次/月).
---@param unit string
---@return check.UnitClass class
---@return boolean per
function check.unit_class(unit) end

---A money value converted between 元, 千元, 万元 and 亿元; nil when a unit is not money.
---@param value Decimal|string|integer
---@param from string
---@param to string
---@return Decimal?
function check.to_money(value, from, to) end

---Debugging output: the values as text, tab-separated, printed by `formwork check --verbose`
---(stderr), `formwork test-checks` and the shell's scripts panel. Never a finding. At most 200
---lines per run, 4 KB each.
---@param ... any
function check.log(...) end

---Other stored filings, read-only (loaded when asked, counted against the run's time and
---memory). Every key is optional; `title` and `department` are compared ignoring spaces.
---Returns at most `limit` filings (default 100, at most 1000) and whether more matched.
---In a check's example cases, the case's own filings are searched.
---@param query {year?: integer, department?: string, template?: string, family?: string, title?: string, limit?: integer}
---@return Filing[] filings
---@return boolean truncated
function check.find(query) end

---Reference data: the rows of `name`.csv (a list of { column = text }, the first line naming
---the columns) or the value of `name`.json, from scripts/data or the user's data folder (the
---user's wins). A name only, never a path; at most 8 MB; parsed once per engine (again when
---the file changes); every call returns a fresh table. Call it where the script loads to
---build lookup tables once. Errors name the file and line of a malformed file.
---@param name string e.g. "indicator-library"
---@return table rows
function check.data(name) end

---Ends the run as "not applicable": the filing has nothing this check is about. Return right after.
---@param reason? string
function check.not_applicable(reason) end

---Ends the run as "insufficient data": a value the check needs is blank or unreadable. Return right after.
---@param reason? string
function check.insufficient(reason) end

---An exact decimal. `+ - *` (by an integer), comparisons with other Decimals, `tostring(d)`,
---`"text" .. d` and `string.format("%s", d)` work. Comparing with a Lua number does not
---(LuaJIT compares values of different types without metamethods): write `d > check.dec(0)`
---or `d:sign() > 0`, never `d > 0` or `d == 0`.
---@class Decimal
---@operator add(Decimal|string|integer): Decimal
---@operator sub(Decimal|string|integer): Decimal
---@operator mul(integer): Decimal
---@operator unm: Decimal
local Decimal = {}

---@return Decimal
function Decimal:abs() end
---@return integer -1, 0 or 1
function Decimal:sign() end
---@return boolean
function Decimal:is_zero() end
---@param places integer 0..6
---@return Decimal rounded half-even
function Decimal:round(places) end
---@param other Decimal|string|integer
---@return integer -1, 0 or 1
function Decimal:cmp(other) end

---A read-only view of one filing. Every method returns plain values (text, booleans,
---integers, Decimals); nothing is parsed until asked for, and what is parsed is kept for the
---other checks. Rows and indicators are numbered from 1.
---
---A `ref` names a value through the template: "project_name" or "fields.project_name" (a
---field), "income.total.full_year" (a fixed-rows cell), "spending_plan.mar" (a plan's point),
---"expenses.full_year" (a free-rows column, for f:sum), "expenses" (a table), or a cell path
---"t/expenses/0/full_year" (src/core/filing_cells.h).
---@class Filing
local Filing = {}

---@return integer
function Filing:id() end
---@return string title as filed (the template's title field)
function Filing:title() end
---@return string template id
function Filing:template() end
---The version of its template the filing was filed with: f:spec() describes that version
---(Formwork keeps earlier versions in templates/earlier/), until the filing is updated.
---  if f:template_version() < 2 then return check.not_applicable("第 1 版没有年度字段") end
---@return integer version
function Filing:template_version() end
---@return string family, e.g. "yuanjiang"
function Filing:family() end
---@return string key of its department and year ("" when it names no department)
function Filing:department() end
---@return integer? budget year
function Filing:year() end
---@param name string
---@return string? the template's option, e.g. f:option("half_year_rate_base")
function Filing:option(name) end
---The template as a plain table, built once per template and script: id, family, year, total
---(a ref), money_unit, options, fields = { {id, label, kind, required, block} }, tables = {
---{id, label, kind, unit, fixed, columns, rows = { {id, label, indent, sum_of} }, total_columns} },
---spending_plan (a table entry), indicators = { id, label, periods, extra, tree = { {name,
---required, level2 = { {name, required} } } } }. Treat it as read-only.
---@return table
function Filing:spec() end
---@param ref string
---@return boolean whether the template defines it
function Filing:has(ref) end
---@param ref string
---@return string the label as printed (资金总额, 全年（程）预算数 …)
function Filing:label(ref) end
---The cell path of a ref, or of a table cell: f:path("expenses", 2, "full_year") → "t/expenses/1/full_year".
---@param ref_or_table string
---@param row? integer
---@param column? string
---@return string
function Filing:path(ref_or_table, row, column) end
---@param i integer indicator
---@param period string
---@return string "i/<n>/t/<period>"
function Filing:target_path(i, period) end
---@param i integer indicator
---@param part? "name"|"l1"|"l2"|"x"
---@param column? string the extra column, with "x"
---@return string
function Filing:indicator_path(i, part, column) end
---@param ref string
---@return string text as filed ("" when absent)
function Filing:text(ref) end
---@param ref string
---@return boolean empty or only spaces
function Filing:blank(ref) end
---An amount. A cell holding a "nothing" sign (—, /, 无) counts as blank.
---@param ref string
---@return Decimal? value
---@return "blank"|"not_a_number"|nil why not
function Filing:amount(ref) end
---A percentage cell ("25%", "25", "25百分比") as the number 25.
---@param ref string
---@return Decimal? value
---@return "blank"|"not_a_number"|nil
function Filing:percent(ref) end
---A year ("2024", "2021年").
---@param ref string
---@return integer? year
---@return "blank"|"not_a_year"|nil
function Filing:year_of(ref) end
---The core's exact sum of a free-rows column ("expenses.full_year").
---@param ref string
---@return Decimal total of the numeric cells
---@return integer numeric cells
---@return integer blank cells
---@return integer? first row that is not a number
---@return string? its text
function Filing:sum(ref) end
---@param table string
---@return integer
function Filing:rows(table) end
---@param table string
---@param row integer
---@param column string
---@return string
function Filing:cell(table, row, column) end
---@param table string
---@param row integer
---@param column string
---@return Decimal?
---@return "blank"|"not_a_number"|nil
function Filing:cell_amount(table, row, column) end
---A table cell read as a target value (see Filing:target).
---@param table string
---@param row integer
---@param column string
---@return check.TargetKind kind
---@return string cmp
---@return Decimal? value
---@return string unit
---@return string text
---@return string subject
function Filing:cell_target(table, row, column) end
---Any text read as a target value with the template's vocabulary.
---@param text string
---@return check.TargetKind kind
---@return string cmp
---@return Decimal? value
---@return string unit
---@return string text
---@return string subject
function Filing:parse_target(text) end
---@return integer the number of indicator rows
function Filing:indicators() end
---@param i integer
---@return string level1 as filed
---@return string level2 as filed
---@return string name (level 3) as filed
---@return boolean named the name is a real one (see Filing:named)
function Filing:indicator(i) end
---Where indicator i sits in the template's tree (names and aliases matched).
---@param i integer
---@return string? level1 the template's name, nil when not in the tree
---@return string? level2 the template's name, nil when not in the tree
---@return string? home the level-1 the level-2 belongs under, when it is filed under another one
function Filing:category(i) end
---The target of indicator i in one period column, parsed by the core (core/target_value.h).
---kind "blank" is an empty cell; "placeholder" a sign such as 是/否 or …….
---@param i integer
---@param period string e.g. "half_year", "full_year", "annual", "value"
---@return check.TargetKind kind
---@return string cmp "≥" "≤" "=" ">" "<" or ""
---@return Decimal? value (numeric only, scale words applied)
---@return string unit "%" "万元" "次/月" … or ""
---@return string text as filed
---@return string subject words before the value ("满意率" in "满意率95%以上"; "监管执法计划完成率" in "监管执法计划完成率≥90%")
function Filing:target(i, period) end
---Only the kind of the target: what a scan over every target asks first (cheaper than f:target).
---@param i integer
---@param period string
---@return check.TargetKind kind
function Filing:target_kind(i, period) end
---Iterates over the indicator targets, or those of one kind: `for i, period in f:targets("placeholder") do … end`.
---The scan runs in C, so the loop body runs only for the targets that match.
---@param kind? check.TargetKind
---@return fun(): integer?, string? iterator giving the indicator and the period id
function Filing:targets(kind) end
---Whether indicator i has a real name: not blank and not a "nothing" sign (……, 不适用, 无).
---@param i integer
---@return boolean
function Filing:named(i) end
---@param i integer
---@param period string
---@return string subject words before the value ("满意率" in "满意率95%以上")
---@return string word the grade or placeholder word
---@return string reason why it is unparsed (English)
function Filing:target_note(i, period) end
---@param i integer
---@param column string an extra column id (description, basis, standard …)
---@return string
function Filing:extra(i, column) end
---Reports a finding of this check on this filing.
---@param where string a ref or a cell path: the shell jumps there
---@param zh string the message in Chinese, naming the numbers
---@param en? string the message in English (default: the Chinese one)
---@param options? {severity?: check.Severity}  this finding's severity instead of the check's
function Filing:report(where, zh, en, options) end

---The same project's filing of the budget year before (the template's key fields agree:
---option `key_fields`, default the department and the title), or nil.
---@return Filing?
function Filing:previous() end
