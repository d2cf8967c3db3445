// The Decimal userdata: exact decimals for check scripts (scripts/api/check.lua documents
// them). Arithmetic is the core's (checked; overflow is a Lua error, never a wrapped value).
// A Lua number is accepted where it is exact (an integer); fractions are written as strings
// ("0.005") so that no binary floating point ever touches money.
//
// LuaJIT compares values of different types without metamethods, so `d == 0` is always false
// and `d < 0` raises an error: compare with check.dec(0) or use d:sign().
#include <cmath>
#include <cstring>

#include "checks/check_lua.h"
#include "lua/host_state.h"

namespace formwork::script::detail {

namespace {

Decimal value_at(lua_State* L, int arg) { return to_decimal(L, arg); }

int dec_add(lua_State* L) {
    const Decimal a = value_at(L, 1), b = value_at(L, 2);
    return luax::guarded(L, [&] {
        push_decimal(L, a + b);
        return 1;
    });
}

int dec_sub(lua_State* L) {
    const Decimal a = value_at(L, 1), b = value_at(L, 2);
    return luax::guarded(L, [&] {
        push_decimal(L, a - b);
        return 1;
    });
}

int dec_unm(lua_State* L) {
    const Decimal a = value_at(L, 1);
    return luax::guarded(L, [&] {
        push_decimal(L, -a);
        return 1;
    });
}

// Decimal × integer only: the product of two decimals would need a rounding rule.
int dec_mul(lua_State* L) {
    const int d = test_decimal(L, 1) ? 1 : 2;
    const int n = 3 - d;
    const Decimal a = value_at(L, d);
    if (lua_type(L, n) != LUA_TNUMBER) return luaL_error(L, "a Decimal can be multiplied by an integer only");
    const lua_Number x = lua_tonumber(L, n);
    if (x != std::floor(x) || std::fabs(x) > 9007199254740992.0)
        return luaL_error(L, "a Decimal can be multiplied by an integer only, got %f", x);
    return luax::guarded(L, [&] {
        push_decimal(L, a * static_cast<std::int64_t>(x));
        return 1;
    });
}

int dec_eq(lua_State* L) {
    lua_pushboolean(L, value_at(L, 1) == value_at(L, 2));
    return 1;
}

int dec_lt(lua_State* L) {
    lua_pushboolean(L, value_at(L, 1) < value_at(L, 2));
    return 1;
}

int dec_le(lua_State* L) {
    lua_pushboolean(L, value_at(L, 1) <= value_at(L, 2));
    return 1;
}

int dec_tostring(lua_State* L) {
    const Decimal a = value_at(L, 1);
    return luax::guarded(L, [&] {
        const std::string s = a.to_string();
        lua_pushlstring(L, s.data(), s.size());
        return 1;
    });
}

// "合计 " .. d and d .. " 万元": a Decimal joins text as its exact digits.
int dec_concat(lua_State* L) {
    for (int i = 1; i <= 2; ++i) {
        if (test_decimal(L, i)) {
            const Decimal a = *test_decimal(L, i);
            const std::string s = a.to_string();
            lua_pushlstring(L, s.data(), s.size());
        } else if (lua_type(L, i) == LUA_TSTRING || lua_type(L, i) == LUA_TNUMBER) {
            lua_pushvalue(L, i);
        } else {
            return luaL_error(L, "attempt to concatenate a Decimal with a %s", luaL_typename(L, i));
        }
    }
    lua_concat(L, 2);
    return 1;
}

int dec_abs(lua_State* L) {
    const Decimal a = value_at(L, 1);
    return luax::guarded(L, [&] {
        push_decimal(L, a.is_negative() ? -a : a);
        return 1;
    });
}

int dec_sign(lua_State* L) {
    const Decimal a = value_at(L, 1);
    lua_pushinteger(L, a.is_zero() ? 0 : a.is_negative() ? -1 : 1);
    return 1;
}

int dec_is_zero(lua_State* L) {
    lua_pushboolean(L, value_at(L, 1).is_zero());
    return 1;
}

int dec_round(lua_State* L) {
    const Decimal a = value_at(L, 1);
    const int places = static_cast<int>(luaL_checkinteger(L, 2));
    return luax::guarded(L, [&] {
        push_decimal(L, round_half_even(a, places));
        return 1;
    });
}

int dec_cmp(lua_State* L) {
    const Decimal a = value_at(L, 1), b = value_at(L, 2);
    lua_pushinteger(L, a < b ? -1 : a == b ? 0 : 1);
    return 1;
}

const luaL_Reg decimal_methods[] = {
    {"abs", dec_abs}, {"sign", dec_sign}, {"is_zero", dec_is_zero}, {"round", dec_round}, {"cmp", dec_cmp},
    {nullptr, nullptr},
};

const luaL_Reg decimal_meta[] = {
    {"__add", dec_add}, {"__sub", dec_sub}, {"__unm", dec_unm}, {"__mul", dec_mul},
    {"__eq", dec_eq},   {"__lt", dec_lt},   {"__le", dec_le},   {"__tostring", dec_tostring},
    {"__concat", dec_concat}, {nullptr, nullptr},
};

}  // namespace

void register_decimal_type(lua_State* L) {
    if (luaL_newmetatable(L, kDecimalType) == 0) {
        lua_pop(L, 1);
        return;
    }
    luaL_register(L, nullptr, decimal_meta);
    lua_newtable(L);
    luaL_register(L, nullptr, decimal_methods);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);  // getmetatable(d) gives false: scripts cannot change Decimals
    lua_setfield(L, -2, "__metatable");
    host_of(L).decimal_meta = lua_topointer(L, -1);  // anchored in the registry for the state's life
    host_of(L).decimal_meta_ref = luaL_ref(L, LUA_REGISTRYINDEX);  // pops it
}

std::vector<std::string> decimal_method_names() {
    std::vector<std::string> names;
    for (const luaL_Reg* r = decimal_methods; r->name; ++r) names.emplace_back(r->name);
    return names;
}

void push_decimal(lua_State* L, Decimal d) {
    auto* p = static_cast<Decimal*>(lua_newuserdata(L, sizeof(Decimal)));
    *p = d;
    // By its registry number: luaL_getmetatable would intern the type's name on every push.
    lua_rawgeti(L, LUA_REGISTRYINDEX, host_of(L).decimal_meta_ref);
    lua_setmetatable(L, -2);
}

bool has_metatable(lua_State* L, int index, const void* mt) {
    if (mt == nullptr || lua_type(L, index) != LUA_TUSERDATA || !lua_getmetatable(L, index)) return false;
    const bool same = lua_topointer(L, -1) == mt;
    lua_pop(L, 1);
    return same;
}

Decimal* test_decimal(lua_State* L, int index) {
    if (!has_metatable(L, index, host_of(L).decimal_meta)) return nullptr;
    return static_cast<Decimal*>(lua_touserdata(L, index));
}

Decimal to_decimal(lua_State* L, int arg) {
    if (Decimal* d = test_decimal(L, arg)) return *d;
    switch (lua_type(L, arg)) {
        case LUA_TNUMBER: {
            const lua_Number x = lua_tonumber(L, arg);
            // from_int's range (±9.2 × 10^12), checked here so that it cannot throw
            if (x == std::floor(x) && std::fabs(x) <= 9.0e12) return Decimal::from_int(static_cast<std::int64_t>(x));
            luaL_error(L, "bad argument #%d: %f is not exact; write fractions as text, e.g. check.dec(\"0.005\")", arg, x);
            break;
        }
        case LUA_TSTRING: {
            std::size_t size = 0;
            const char* s = lua_tolstring(L, arg, &size);
            if (auto d = Decimal::parse(std::string_view(s, size))) return *d;
            luaL_error(L, "bad argument #%d: \"%s\" is not a number", arg, s);
            break;
        }
        default:
            luaL_error(L, "bad argument #%d: expected a Decimal, got %s", arg, luaL_typename(L, arg));
    }
    return Decimal();
}

}  // namespace formwork::script::detail
