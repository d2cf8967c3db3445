// The `check` module: what check scripts (scripts/checks/*.lua) are written with
// (scripts/api/check.lua documents it).
//   check.script{}, check.define{}, check.case{}   constructors that remember their line
//   check.dec(x)                                   an exact Decimal from text or an integer
//   check.is_dec(x)
//   check.percent, check.ratio, check.percent_of, check.percent_range, check.within
//                                                  the core's exact arithmetic (core/decimal.h,
//                                                  core/percent_bounds.h)
//   check.unit_class(unit), check.to_money(x, from, to)   core/unit_class.h
//   check.not_applicable(reason), check.insufficient(reason)   how a run ends when it cannot judge
// Opening the module also registers the Decimal and Filing userdata types.
#include <cstdio>

#include "core/percent_bounds.h"
#include "core/unit_class.h"
#include "core/utf8.h"
#include "checks/check_data.h"
#include "checks/check_lua.h"
#include "lua/script_files.h"
#include "lua/host_state.h"
#include "lua/luax.h"

namespace formwork::script {

namespace {

using detail::push_decimal;
using detail::to_decimal;

int mark(lua_State* L, const char* ctor) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushliteral(L, "__line");
    lua_pushinteger(L, luax::caller_location(L).line);
    lua_rawset(L, 1);
    lua_pushliteral(L, "__ctor");
    lua_pushstring(L, ctor);
    lua_rawset(L, 1);
    return 1;
}

int check_script(lua_State* L) { return mark(L, "script"); }
int check_define(lua_State* L) { return mark(L, "define"); }
int check_case(lua_State* L) { return mark(L, "case"); }

int check_dec(lua_State* L) {
    push_decimal(L, to_decimal(L, 1));
    return 1;
}

int check_is_dec(lua_State* L) {
    lua_pushboolean(L, detail::test_decimal(L, 1) != nullptr);
    return 1;
}

int places_arg(lua_State* L, int arg, int fallback) {
    const lua_Integer p = luaL_optinteger(L, arg, fallback);
    if (p < 0 || p > Decimal::kScale) luaL_error(L, "bad argument #%d: places must be 0..6", arg);
    return static_cast<int>(p);
}

// check.percent(part, whole, [places = 2]): 100 × part / whole, half-even
int check_percent(lua_State* L) {
    const Decimal part = to_decimal(L, 1), whole = to_decimal(L, 2);
    const int places = places_arg(L, 3, 2);
    return luax::guarded(L, [&] {
        push_decimal(L, percent(part, whole, places));
        return 1;
    });
}

// check.ratio(a, b, [places = 4])
int check_ratio(lua_State* L) {
    const Decimal a = to_decimal(L, 1), b = to_decimal(L, 2);
    const int places = places_arg(L, 3, 4);
    return luax::guarded(L, [&] {
        push_decimal(L, ratio(a, b, places));
        return 1;
    });
}

// check.percent_of(whole, percent, [places = 2]): whole × percent / 100
int check_percent_of(lua_State* L) {
    const Decimal whole = to_decimal(L, 1), pct = to_decimal(L, 2);
    const int places = places_arg(L, 3, 2);
    return luax::guarded(L, [&] {
        push_decimal(L, percent_of(whole, pct, places));
        return 1;
    });
}

// check.percent_range(part, whole, half_step) → low, high | nil
int check_percent_range(lua_State* L) {
    const Decimal part = to_decimal(L, 1), whole = to_decimal(L, 2), half = to_decimal(L, 3);
    return luax::guarded(L, [&] {
        const auto r = percent_range(part, whole, half);
        if (!r) {
            lua_pushnil(L);
            return 1;
        }
        push_decimal(L, r->low);
        push_decimal(L, r->high);
        return 2;
    });
}

// check.within(a, b, tolerance) → |a − b| ≤ tolerance
int check_within(lua_State* L) {
    lua_pushboolean(L, within(to_decimal(L, 1), to_decimal(L, 2), to_decimal(L, 3)));
    return 1;
}

// check.unit_class(unit) → "none" | "percent" | "money" | "count" | "time" | "measure" | "other", per
int check_unit_class(lua_State* L) {
    std::size_t size = 0;
    const char* unit = luaL_checklstring(L, 1, &size);
    const UnitInfo info = classify_unit(std::string_view(unit, size));
    lua_pushstring(L, to_string(info.base));
    lua_pushboolean(L, info.per);
    return 2;
}

// check.to_money(value, from_unit, to_unit) → Decimal | nil
int check_to_money(lua_State* L) {
    const Decimal value = to_decimal(L, 1);
    const char* from = luaL_checkstring(L, 2);
    const char* to = luaL_checkstring(L, 3);
    return luax::guarded(L, [&] {
        if (auto d = convert_money(value, from, to)) push_decimal(L, *d);
        else lua_pushnil(L);
        return 1;
    });
}

int declare(lua_State* L, Outcome outcome, const char* function) {
    auto* run = luax::context<detail::RunState>(L);
    if (run == nullptr || run->check == nullptr) return luaL_error(L, "check.%s() is called from a check's run function", function);
    std::size_t size = 0;
    const char* reason = luaL_optlstring(L, 1, "", &size);
    detail::check_message_size(L, size, "a reason");
    return luax::guarded(L, [&] {
        run->declared = outcome;
        run->reason = utf8::repair(std::string_view(reason, size));
        return 0;
    });
}

// check.log(...): a debugging line (its arguments as text, tab-separated), shown by
// `formwork check --verbose`, `formwork test-checks` and the shell's scripts panel, never as
// a finding. Values are turned into text without running metamethods; a Decimal shows its
// digits. At most 200 lines per run and 4 KB per line.
int check_log(lua_State* L) {
    auto* run = luax::context<detail::RunState>(L);
    if (run == nullptr || run->check == nullptr || run->log == nullptr) return 0;  // outside a run: nowhere to go
    constexpr std::size_t kMaxLines = 200, kMaxBytes = 4096;
    if (run->logged >= kMaxLines) return 0;
    std::string line;
    const int n = lua_gettop(L);
    for (int i = 1; i <= n && line.size() <= kMaxBytes; ++i) {
        if (i > 1) line += '\t';
        if (const Decimal* d = detail::test_decimal(L, i)) {
            line += d->to_string();
            continue;
        }
        switch (lua_type(L, i)) {
            case LUA_TSTRING:
            case LUA_TNUMBER: {
                std::size_t size = 0;
                const char* s = lua_tolstring(L, i, &size);
                line.append(s, size);
                break;
            }
            case LUA_TBOOLEAN: line += lua_toboolean(L, i) ? "true" : "false"; break;
            case LUA_TNIL: line += "nil"; break;
            default: {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, "%s: %p", luaL_typename(L, i), lua_topointer(L, i));
                line += buffer;
            }
        }
    }
    if (line.size() > kMaxBytes) line = line.substr(0, kMaxBytes) + "…";
    ++run->logged;
    if (run->logged == kMaxLines) line += "（此后的输出不再记录 / later lines are dropped）";
    return luax::guarded(L, [&] {
        run->log->push_back({run->check->id, 0, utf8::repair(line)});
        return 0;
    });
}

// check.find{ year =, department =, template =, family =, title =, limit = }: other stored
// filings (read-only Filings), and whether more matched than `limit` (default 100, at most
// 1000). Fields are read raw: no metamethod runs.
int check_find(lua_State* L) {
    auto* run = luax::context<detail::RunState>(L);
    if (run == nullptr || run->check == nullptr || run->queries == nullptr)
        return luaL_error(L, "check.find() is available while a check runs");
    luaL_checktype(L, 1, LUA_TTABLE);
    detail::FindQuery q;
    auto text = [&](const char* key, std::string& out) {
        lua_pushstring(L, key);
        lua_rawget(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) out = lua_tostring(L, -1);
        else if (!lua_isnil(L, -1)) luaL_error(L, "check.find: %s must be text", key);
        lua_pop(L, 1);
    };
    text("department", q.department);
    text("template", q.template_id);
    text("family", q.family);
    text("title", q.title);
    lua_pushliteral(L, "year");
    lua_rawget(L, 1);
    if (lua_type(L, -1) == LUA_TNUMBER) q.year = static_cast<int>(lua_tointeger(L, -1));
    else if (!lua_isnil(L, -1)) return luaL_error(L, "check.find: year must be a number");
    lua_pop(L, 1);
    lua_pushliteral(L, "limit");
    lua_rawget(L, 1);
    if (lua_type(L, -1) == LUA_TNUMBER) {
        const lua_Integer limit = lua_tointeger(L, -1);
        if (limit < 1 || limit > 1000) return luaL_error(L, "check.find: limit must be 1 to 1000");
        q.limit = static_cast<std::size_t>(limit);
    }
    lua_pop(L, 1);
    return run->queries->find(L, q);
}

// check.data("name"): reference data (check_data.h) as a fresh table of rows for the calling
// script: parsed once per engine, copied per call, so no script can change what another
// reads. Call it once, at the top of a script.
int check_data(lua_State* L) {
    auto* cache = luax::context<DataCache>(L);
    if (cache == nullptr) return luaL_error(L, "check.data() is available to check scripts");
    const std::string name = luaL_checkstring(L, 1);
    detail::HostState& h = detail::host_of(L);
    std::string failure;
    const ScriptValue* value = nullptr;
    try {
        const DataFile file = find_data_file(name, cache->dirs);
        if (file.path.empty()) {
            std::string folders;
            for (const auto& d : cache->dirs) folders += (folders.empty() ? "" : ", ") + shown_path(d);
            failure = "check.data: no data \"" + name + "\" (" + name + ".csv or " + name + ".json in " + folders + ")";
        } else {
            auto it = cache->files.find(name);
            if (it == cache->files.end() || it->second.path != file.path || it->second.mtime != file.mtime)
                it = cache->files.insert_or_assign(name, DataCache::Entry{file.path, file.mtime, read_data_file(file.path)}).first;
            value = &it->second.value;
        }
    } catch (const std::exception& e) {
        failure = std::string("check.data: ") + e.what();
    }
    if (!value) return luaL_error(L, "%s", failure.c_str());
    detail::push_value(h, L, *value);
    return 1;
}

int check_not_applicable(lua_State* L) { return declare(L, Outcome::NotApplicable, "not_applicable"); }
int check_insufficient(lua_State* L) { return declare(L, Outcome::Insufficient, "insufficient"); }

const luaL_Reg check_functions[] = {
    {"script", check_script},
    {"define", check_define},
    {"case", check_case},
    {"dec", check_dec},
    {"is_dec", check_is_dec},
    {"percent", check_percent},
    {"ratio", check_ratio},
    {"percent_of", check_percent_of},
    {"percent_range", check_percent_range},
    {"within", check_within},
    {"unit_class", check_unit_class},
    {"to_money", check_to_money},
    {"log", check_log},
    {"find", check_find},
    {"data", check_data},
    {"not_applicable", check_not_applicable},
    {"insufficient", check_insufficient},
    {nullptr, nullptr},
};

}  // namespace

int open_check(lua_State* L) {
    detail::register_decimal_type(L);
    detail::register_filing_type(L);
    luax::new_module(L, check_functions);
    return 1;
}

}  // namespace formwork::script
