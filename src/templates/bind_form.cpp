// The `form` module: the constructors templates describe a form family with
// (scripts/api/form.lua documents them). Each constructor returns its argument table marked
// with the constructor's name and the line it was called on, so that the template reader can
// report mistakes as file:line, and the kind constructors (form.money{} …) set `kind`.
#include <string_view>

#include "lua/luax.h"

namespace formwork::script {

namespace {

int mark(lua_State* L, const char* ctor, const char* kind) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushliteral(L, "__line");
    lua_pushinteger(L, luax::caller_location(L).line);
    lua_rawset(L, 1);
    lua_pushliteral(L, "__ctor");
    lua_pushstring(L, ctor);
    lua_rawset(L, 1);
    if (kind) {
        lua_pushliteral(L, "kind");
        lua_rawget(L, 1);
        if (lua_isnil(L, -1)) {
            lua_pushliteral(L, "kind");
            lua_pushstring(L, kind);
            lua_rawset(L, 1);
        } else if (!lua_isstring(L, -1) || std::string_view(lua_tostring(L, -1)) != kind) {
            return luaL_error(L, "form.%s{}: kind is already given as something else; use form.field{ kind = … } instead",
                              kind);
        }
        lua_pop(L, 1);
    }
    return 1;
}

#define FORM_CTOR(name, kind) \
    int form_##name(lua_State* L) { return mark(L, #name, kind); }

FORM_CTOR(template, nullptr)
FORM_CTOR(fields, nullptr)
FORM_CTOR(table, nullptr)
FORM_CTOR(indicators, nullptr)
FORM_CTOR(spending_plan, nullptr)
FORM_CTOR(row, nullptr)
FORM_CTOR(level1, nullptr)
FORM_CTOR(level2, nullptr)
FORM_CTOR(sum, nullptr)
FORM_CTOR(ratio, nullptr)
FORM_CTOR(field, nullptr)
FORM_CTOR(import, nullptr)

#define FORM_KIND(name) \
    int form_##name(lua_State* L) { return mark(L, "field", #name); }

FORM_KIND(text)
FORM_KIND(longtext)
FORM_KIND(enum)
FORM_KIND(year)
FORM_KIND(phone)
FORM_KIND(money)
FORM_KIND(integer)
FORM_KIND(percent)
FORM_KIND(target)

const luaL_Reg form_functions[] = {
    {"template", form_template},   {"fields", form_fields},     {"table", form_table},
    {"indicators", form_indicators}, {"spending_plan", form_spending_plan}, {"row", form_row},
    {"level1", form_level1},       {"level2", form_level2},     {"sum", form_sum},
    {"ratio", form_ratio},         {"field", form_field},       {"text", form_text},
    {"longtext", form_longtext},   {"enum", form_enum},         {"year", form_year},
    {"phone", form_phone},         {"money", form_money},       {"integer", form_integer},
    {"percent", form_percent},     {"target", form_target},     {"import", form_import},
    {nullptr, nullptr},
};

}  // namespace

int open_form(lua_State* L) {
    luax::new_module(L, form_functions);
    return 1;
}

}  // namespace formwork::script
