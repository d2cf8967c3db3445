-- 表头信息 (BRIEF.md rule 13): the header fields a template marks required are filled, and a
-- phone number looks like one.
--   required-fields  a required header field is blank                                    error
--   phone-format     a phone field holds no mobile (1xxxxxxxxxx) or landline number
--                    (区号-号码, or a 7–8 digit local number)                                 warning

local function has_field_where(spec, test)
    for _, field in ipairs(spec.fields) do
        if test(field) then return true end
    end
    return false
end

-- Whether a run of digits (with the - and spaces people type inside) is a phone number.
local function is_phone(digits)
    local n = #digits
    if n == 11 and digits:match("^1[3-9]") then return true end  -- mobile
    if digits:sub(1, 1) == "0" and n >= 10 and n <= 12 then return true end  -- area code + number
    if (n == 7 or n == 8) and digits:sub(1, 1) ~= "0" then return true end  -- local number
    return false
end

local function has_phone(text)
    for run in text:gmatch("[%d][%d%- ]*") do
        if is_phone((run:gsub("[^%d]", ""))) then return true end
    end
    return false
end

return check.script{
    api = 1,
    checks = {
        check.define{
            id = "required-fields",
            title = { zh = "必填表头信息已填", en = "Required header fields are filled" },
            severity = "error",
            templates = { "*" },
            applies = function(spec) return has_field_where(spec, function(x) return x.required end) end,
            run = function(f)
                local required = 0
                for _, field in ipairs(f:spec().fields) do
                    if field.required then
                        required = required + 1
                        if f:blank(field.id) then
                            f:report(field.id, ("必填项“%s”未填"):format(field.label),
                                ("the required field %s is blank"):format(field.label))
                        end
                    end
                end
                if required == 0 then return check.not_applicable("模板没有必填的表头信息") end
            end,
            cases = {
                check.case{
                    name = "沅江：预算部门未填",
                    template = "yuanjiang-project",
                    filing = { fields = {
                        budget_year = "2024", project_name = "B全市网络安全管理与执法经费", department = "　", annual_budget = "3.84",
                        project_period = "一年", medium_term_goal = "确保全市各单位网络安全。", annual_goal = "确保全市各单位网络安全。",
                        filled_by = "严飞", filled_phone = "17763740907", filled_date = "2024年6月20日",
                    } },
                    expect = { { path = "f/department", contains = "预算部门" } },
                },
                check.case{
                    name = "河北部门：部门名称已填",
                    template = "hebei-department",
                    filing = { fields = {
                        department_name = "414001市场监管部门市场监督管理局本级", overall_goal = "深化市场监管各项制度改革",
                        safeguards = "进一步转变作风",
                    } },
                },
            },
        },

        check.define{
            id = "phone-format",
            title = { zh = "联系电话像电话号码", en = "A phone number looks like one" },
            severity = "warning",
            templates = { "*" },
            applies = function(spec) return has_field_where(spec, function(x) return x.kind == "phone" end) end,
            run = function(f)
                local phones = 0
                for _, field in ipairs(f:spec().fields) do
                    if field.kind == "phone" and not f:blank(field.id) then
                        phones = phones + 1
                        local text = f:text(field.id)
                        if not has_phone(text) then
                            f:report(field.id,
                                ("%s“%s”不像电话号码（应为手机号或带区号的固定电话）"):format(field.label, text),
                                ("%s \"%s\" does not look like a phone number (a mobile or a landline with area code)"):format(field.label, text))
                        end
                    end
                end
                if phones == 0 then return check.not_applicable("没有填写电话") end
            end,
            cases = {
                check.case{
                    name = "手机、带区号固话、姓名加电话",
                    template = "nantong-project",
                    filing = { fields = { contact = "沙一丹0513- 69818080" } },
                },
                check.case{ name = "江苏：孙卓 025-83660026", template = "jiangsu-project", filing = { fields = { contact = "孙卓 025-83660026" } } },
                check.case{ name = "沅江：17763740907", template = "yuanjiang-project", filing = { fields = { filled_phone = "17763740907" } } },
                check.case{
                    name = "南通：“00”",
                    template = "nantong-project",
                    filing = { fields = { contact = "00" } },
                    expect = { { path = "f/contact", contains = "“00”" } },
                },
                check.case{
                    name = "号码位数不对",
                    template = "nantong-project",
                    filing = { fields = { contact = "王五 1776374090" } },
                    expect = { { path = "f/contact", contains = "1776374090" } },
                },
                check.case{ name = "没有填电话", template = "nantong-project", filing = {}, outcome = "not_applicable" },
            },
        },
    },
}
