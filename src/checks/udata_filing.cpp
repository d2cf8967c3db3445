// The Filing userdata: the read-only view check scripts get of one filing (scripts/api/check.lua
// documents every method). Each method reads the C++ FilingView and returns scalars — strings,
// booleans, integers, Decimals — never a table built per call, so that checking 100,000
// filings costs accessor calls, not table building (PLATFORM.md, speed table). The one table,
// f:spec(), is built once per template and script and then reused.
//
// Rows and indicators are numbered from 1 in Lua, as Lua lists are; the paths in findings use
// the store's numbering from 0 (src/core/filing_cells.h).
#include <algorithm>
#include <new>
#include <cstring>
#include <iterator>

#include "core/sums.h"
#include "core/utf8.h"
#include "core/year_text.h"
#include "checks/check_lua.h"
#include "lua/host_state.h"

namespace formwork::script::detail {

namespace {

FilingView& view_at(lua_State* L) {
    // Every accessor call starts here: the metatable test is done once per box, not per call
    // (HostState::proven_filing_box).
    HostState& h = host_of(L);
    void* p = lua_touserdata(L, 1);
    if (p == nullptr || p != h.proven_filing_box) {
        if (!has_metatable(L, 1, h.filing_meta)) luaL_typerror(L, 1, "Filing (call methods with f:name())");
        h.proven_filing_box = p;
    }
    auto* box = static_cast<ViewBox*>(p);
    if (box->view == nullptr) luaL_error(L, "this filing view belongs to a check run that has ended");
    return *box->view;
}

std::string_view arg_text(lua_State* L, int arg) {
    std::size_t size = 0;
    const char* s = luaL_checklstring(L, arg, &size);
    return {s, size};
}

void push_text(lua_State* L, std::string_view s) { lua_pushlstring(L, s.data(), s.size()); }

const ResolvedRef& resolve_arg(lua_State* L, FilingView& v, int arg) {
    const ResolvedRef& r = v.index().resolve(arg_text(L, arg));
    if (r.kind == ResolvedRef::Kind::Invalid) luaL_error(L, "bad argument #%d: %s", arg - 1, r.error.c_str());
    return r;
}

// A reference that names one value (a field or a cell); raises for columns and tables.
const std::string& value_text(lua_State* L, FilingView& v, int arg) {
    const ResolvedRef& r = resolve_arg(L, v, arg);
    if (r.kind == ResolvedRef::Kind::Column || r.kind == ResolvedRef::Kind::Table)
        luaL_error(L, "bad argument #%d: \"%s\" names a column or table, not one value (use f:sum or f:rows)",
                   arg - 1, lua_tostring(L, arg));
    return v.text(r);
}

// Row numbers from Lua (1-based) → 0-based; raises for anything else.
std::size_t row_arg(lua_State* L, int arg) {
    const lua_Integer row = luaL_checkinteger(L, arg);
    if (row < 1) luaL_error(L, "bad argument #%d: rows are numbered from 1, got %d", arg - 1, static_cast<int>(row));
    return static_cast<std::size_t>(row - 1);
}

std::size_t indicator_arg(lua_State* L, FilingView& v, int arg) {
    const lua_Integer i = luaL_checkinteger(L, arg);
    if (i < 1 || static_cast<std::size_t>(i) > v.filing().indicators.size())
        luaL_error(L, "bad argument #%d: indicator %d does not exist (the filing has %d)", arg - 1, static_cast<int>(i),
                   static_cast<int>(v.filing().indicators.size()));
    return static_cast<std::size_t>(i - 1);
}

std::size_t period_arg(lua_State* L, FilingView& v, int arg) {
    const int p = v.index().period_index(arg_text(L, arg));
    if (p < 0) luaL_error(L, "bad argument #%d: the template has no period \"%s\"", arg - 1, lua_tostring(L, arg));
    return static_cast<std::size_t>(p);
}

// Decimal | nil, "blank" | "not_a_number".
int push_amount(lua_State* L, const FilingView& v, const std::string& text) {
    if (is_blank_cell(text)) {
        lua_pushnil(L);
        lua_pushliteral(L, "blank");
        return 2;
    }
    if (auto d = Decimal::parse(text)) {
        push_decimal(L, *d);
        return 1;
    }
    // Forms fill a cell that has no amount with a sign for "nothing" (—, /, 无, ……): for sums
    // such a cell is blank, not a figure that fails to parse.
    const bool nothing = luax::guarded(L, [&] { return v.index().is_placeholder(text) ? 1 : 0; }) != 0;
    lua_pushnil(L);
    if (nothing) lua_pushliteral(L, "blank");
    else lua_pushliteral(L, "not_a_number");
    return 2;
}

// The words f:target and f:targets answer with, made Lua strings once per state: every Filing
// method carries them as its upvalues 1… (register_filing_type), so pushing one is a copy, not
// an interning nor a registry lookup. The kinds are the core's, with its blank placeholder (an
// empty cell) told apart as "blank", since an empty cell and a "是/否" are different mistakes.
constexpr const char* kWords[] = {"numeric", "grade", "blank", "placeholder", "unparsed", "", "=", "≥", "≤", ">", "<"};
enum Word : int { Numeric, Grade, Blank, Placeholder, Unparsed, NoCmp, Eq, Ge, Le, Gt, Lt };

Word kind_word(const TargetValue& t) {
    switch (t.kind) {
        case TargetKind::Numeric: return Numeric;
        case TargetKind::Grade: return Grade;
        case TargetKind::Placeholder: return t.word.empty() ? Blank : Placeholder;
        case TargetKind::Unparsed: return Unparsed;
    }
    return Unparsed;
}

Word cmp_word(Comparator c) {
    switch (c) {
        case Comparator::None: return NoCmp;
        case Comparator::Eq: return Eq;
        case Comparator::Ge: return Ge;
        case Comparator::Le: return Le;
        case Comparator::Gt: return Gt;
        case Comparator::Lt: return Lt;
    }
    return NoCmp;
}

// Only from a Filing method (the words are its upvalues).
void push_word(lua_State* L, Word w) { lua_pushvalue(L, lua_upvalueindex(w + 1)); }

// kind, cmp, value (Decimal | nil), unit, text, subject
int push_target(lua_State* L, const TargetValue& t) {
    push_word(L, kind_word(t));
    push_word(L, cmp_word(t.cmp));
    if (t.kind == TargetKind::Numeric) push_decimal(L, t.value);
    else lua_pushnil(L);
    push_text(L, t.unit);
    push_text(L, t.text);
    push_text(L, t.subject);
    return 6;
}

int f_id(lua_State* L) {
    lua_pushnumber(L, static_cast<lua_Number>(view_at(L).filing().id));
    return 1;
}

int f_title(lua_State* L) {
    push_text(L, view_at(L).title());
    return 1;
}

int f_template(lua_State* L) {
    push_text(L, view_at(L).spec().id);
    return 1;
}

// The version of its template the filing was filed with (f:spec() describes that version when
// the templates keep it).
int f_template_version(lua_State* L) {
    lua_pushinteger(L, view_at(L).filing().template_version);
    return 1;
}

int f_family(lua_State* L) {
    push_text(L, view_at(L).spec().family);
    return 1;
}

int f_department(lua_State* L) {
    push_text(L, view_at(L).department());
    return 1;
}

int f_year(lua_State* L) {
    const auto y = view_at(L).year();
    if (y) lua_pushinteger(L, *y);
    else lua_pushnil(L);
    return 1;
}

int f_option(lua_State* L) {
    FilingView& v = view_at(L);
    const auto& options = v.spec().options;
    auto it = options.find(std::string(arg_text(L, 2)));
    if (it == options.end()) lua_pushnil(L);
    else push_text(L, it->second);
    return 1;
}

int f_spec(lua_State* L) {
    FilingView& v = view_at(L);
    auto* run = luax::context<RunState>(L);
    if (run == nullptr || run->check == nullptr || run->spec_cache == nullptr) return luaL_error(L, "f:spec() is available while a check runs");
    return luax::guarded(L, [&] {
        if (*run->spec_cache == 0) {
            lua_newtable(L);
            *run->spec_cache = luaL_ref(L, LUA_REGISTRYINDEX);
        }
        lua_rawgeti(L, LUA_REGISTRYINDEX, *run->spec_cache);
        // Keyed by the template's SpecIndex (one per id and version): an address, not a string
        // to intern on every call. The engine drops these caches whenever a SpecIndex goes
        // (CheckEngine::Impl::slot, reset_derived), so an address is never met again for
        // another template.
        lua_pushlightuserdata(L, &v.index());
        lua_rawget(L, -2);
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            luax::push_value(L, spec_to_value(v.spec()));
            lua_pushlightuserdata(L, &v.index());
            lua_pushvalue(L, -2);
            lua_rawset(L, -4);
        }
        return 1;
    });
}

int f_has(lua_State* L) {
    FilingView& v = view_at(L);
    lua_pushboolean(L, v.index().resolve(arg_text(L, 2)).kind != ResolvedRef::Kind::Invalid);
    return 1;
}

int f_label(lua_State* L) {
    FilingView& v = view_at(L);
    push_text(L, resolve_arg(L, v, 2).label);
    return 1;
}

int f_path(lua_State* L) {
    FilingView& v = view_at(L);
    if (lua_gettop(L) >= 4) {
        const std::string_view table = arg_text(L, 2), column = arg_text(L, 4);
        const std::size_t row = row_arg(L, 3);
        return luax::guarded(L, [&] {
            const std::string p = "t/" + std::string(table) + "/" + std::to_string(row) + "/" + std::string(column);
            push_text(L, p);
            return 1;
        });
    }
    push_text(L, resolve_arg(L, v, 2).path);
    return 1;
}

int f_target_path(lua_State* L) {
    FilingView& v = view_at(L);
    const std::size_t i = indicator_arg(L, v, 2);
    const std::size_t p = period_arg(L, v, 3);
    return luax::guarded(L, [&] {
        push_text(L, "i/" + std::to_string(i) + "/t/" + v.index().periods()[p]);
        return 1;
    });
}

// f:indicator_path(i, "name" | "l1" | "l2" | "x", [column])
int f_indicator_path(lua_State* L) {
    FilingView& v = view_at(L);
    const std::size_t i = indicator_arg(L, v, 2);
    const std::string_view part = luaL_optlstring(L, 3, "name", nullptr);
    if (part != "name" && part != "l1" && part != "l2" && part != "x")
        return luaL_error(L, "bad argument #2: expected \"name\", \"l1\", \"l2\" or \"x\"");
    const std::string_view column = part == "x" ? arg_text(L, 4) : std::string_view();
    return luax::guarded(L, [&] {
        std::string p = "i/" + std::to_string(i) + "/" + std::string(part);
        if (part == "x") p += "/" + std::string(column);
        push_text(L, p);
        return 1;
    });
}

int f_text(lua_State* L) {
    FilingView& v = view_at(L);
    push_text(L, value_text(L, v, 2));
    return 1;
}

int f_blank(lua_State* L) {
    FilingView& v = view_at(L);
    lua_pushboolean(L, is_blank_cell(value_text(L, v, 2)));
    return 1;
}

int f_amount(lua_State* L) {
    FilingView& v = view_at(L);
    return push_amount(L, v, value_text(L, v, 2));
}

// A percentage cell ("25%", "25", "25百分比") as a Decimal 25.
int f_percent(lua_State* L) {
    FilingView& v = view_at(L);
    const std::string& text = value_text(L, v, 2);
    if (is_blank_cell(text)) {
        lua_pushnil(L);
        lua_pushliteral(L, "blank");
        return 2;
    }
    return luax::guarded(L, [&] {
        TargetValue scratch;
        const TargetValue& t = v.index().parsed_target(text, scratch);
        if (t.kind == TargetKind::Numeric && t.cmp == Comparator::None && (t.unit == "%" || t.unit.empty())) {
            push_decimal(L, t.value);
            return 1;
        }
        lua_pushnil(L);
        lua_pushliteral(L, "not_a_number");
        return 2;
    });
}

int f_year_of(lua_State* L) {
    FilingView& v = view_at(L);
    const std::string& text = value_text(L, v, 2);
    if (is_blank_cell(text)) {
        lua_pushnil(L);
        lua_pushliteral(L, "blank");
        return 2;
    }
    if (auto y = parse_year(text)) {
        lua_pushinteger(L, *y);
        return 1;
    }
    lua_pushnil(L);
    lua_pushliteral(L, "not_a_year");
    return 2;
}

// total, numeric cells, blank cells, first row that is not a number (from 1) | nil, its text
int f_sum(lua_State* L) {
    FilingView& v = view_at(L);
    const ResolvedRef& r = resolve_arg(L, v, 2);
    if (r.kind != ResolvedRef::Kind::Column)
        return luaL_error(L, "bad argument #1: f:sum takes a column of a free-rows table (\"table.column\")");
    return luax::guarded(L, [&] {
        const Table* t = v.filing().find_table(r.table);
        ColumnSum s = t ? sum_column(*t, r.column) : ColumnSum{};
        if (s.overflow) throw DecimalOverflow("the sum of " + r.table + "." + r.column + " does not fit a Decimal");
        std::size_t blank = s.blank;
        const NotANumber* bad = nullptr;
        for (const NotANumber& n : s.not_numbers) {
            if (v.index().is_placeholder(n.text)) ++blank;  // a nothing sign, as in push_amount
            else if (!bad) bad = &n;
        }
        push_decimal(L, s.total);
        lua_pushinteger(L, static_cast<lua_Integer>(s.numeric));
        lua_pushinteger(L, static_cast<lua_Integer>(blank));
        if (!bad) return 3;
        lua_pushinteger(L, static_cast<lua_Integer>(bad->row + 1));
        push_text(L, bad->text);
        return 5;
    });
}

int f_rows(lua_State* L) {
    FilingView& v = view_at(L);
    lua_pushinteger(L, static_cast<lua_Integer>(v.rows(std::string(arg_text(L, 2)))));
    return 1;
}

const std::string& cell_arg(lua_State* L, FilingView& v) {
    const std::string_view table = arg_text(L, 2), column = arg_text(L, 4);
    return v.cell(std::string(table), row_arg(L, 3), std::string(column));
}

int f_cell(lua_State* L) {
    FilingView& v = view_at(L);
    push_text(L, cell_arg(L, v));
    return 1;
}

int f_cell_amount(lua_State* L) {
    FilingView& v = view_at(L);
    return push_amount(L, v, cell_arg(L, v));
}

int f_cell_target(lua_State* L) {
    FilingView& v = view_at(L);
    const std::string& text = cell_arg(L, v);
    return luax::guarded(L, [&] {
        TargetValue scratch;
        return push_target(L, v.index().parsed_target(text, scratch));
    });
}

int f_parse_target(lua_State* L) {
    FilingView& v = view_at(L);
    const std::string_view text = arg_text(L, 2);
    return luax::guarded(L, [&] {
        TargetValue scratch;
        return push_target(L, v.index().parsed_target(text, scratch));
    });
}

int f_indicators(lua_State* L) {
    lua_pushinteger(L, static_cast<lua_Integer>(view_at(L).filing().indicators.size()));
    return 1;
}

// level1, level2, name as filed, and whether the name is a real one (not blank, not ……)
int f_indicator(lua_State* L) {
    FilingView& v = view_at(L);
    const std::size_t i = indicator_arg(L, v, 2);
    const Indicator& ind = v.filing().indicators[i];
    push_text(L, ind.level1);
    push_text(L, ind.level2);
    push_text(L, ind.name);
    return luax::guarded(L, [&] {
        lua_pushboolean(L, v.has_name(i));
        return 4;
    });
}

// canonical level-1 | nil, canonical level-2 | nil, the level-1 the level-2 belongs under
// when it is filed under another one | nil
int f_category(lua_State* L) {
    FilingView& v = view_at(L);
    const Category& c = v.category(indicator_arg(L, v, 2));
    const auto* block = v.index().indicators_block();
    if (!block) {
        lua_pushnil(L);
        lua_pushnil(L);
        lua_pushnil(L);
        return 3;
    }
    const auto& tree = block->indicators.tree;
    if (c.l1 >= 0) push_text(L, tree[c.l1].name);
    else lua_pushnil(L);
    if (c.l2 >= 0) push_text(L, tree[c.home].level2[c.l2].name);
    else lua_pushnil(L);
    if (c.misplaced) push_text(L, tree[c.home].name);
    else lua_pushnil(L);
    return 3;
}

int f_target(lua_State* L) {
    FilingView& v = view_at(L);
    const std::size_t i = indicator_arg(L, v, 2);
    const std::size_t p = period_arg(L, v, 3);
    return luax::guarded(L, [&] { return push_target(L, v.target(i, p)); });
}

// Only the kind: the cheap question a scan over every target asks first.
int f_target_kind(lua_State* L) {
    FilingView& v = view_at(L);
    const std::size_t i = indicator_arg(L, v, 2);
    const std::size_t p = period_arg(L, v, 3);
    return luax::guarded(L, [&] {
        push_word(L, kind_word(v.target(i, p)));
        return 1;
    });
}

// The iterator f:targets(kind) returns: upvalues 1 the Filing userdata, 2 the kind wanted
// (nil: any), 3 the next position (indicator × period, from 0), 4… the template's period ids
// (made Lua strings once per loop, not once per target). The scan runs in C, so a loop over a
// filing's targets costs Lua one iteration per match, not one per cell.
constexpr int kFirstPeriodUpvalue = 4;
// Upvalues are limited to 255: the periods past this many (no template has them) are made
// Lua strings on each iteration instead.
constexpr std::size_t kMaxPeriodUpvalues = 200;

int targets_next(lua_State* L) {
    lua_settop(L, 0);
    lua_pushvalue(L, lua_upvalueindex(1));
    FilingView& v = view_at(L);
    const auto want = static_cast<int>(lua_tointeger(L, lua_upvalueindex(2)));  // a Word, -1: any
    const std::size_t periods = v.index().periods().size();
    const std::size_t cells = v.filing().indicators.size() * periods;
    auto pos = static_cast<std::size_t>(lua_tonumber(L, lua_upvalueindex(3)));
    return luax::guarded(L, [&] {
        for (; pos < cells; ++pos) {
            const std::size_t i = pos / periods, p = pos % periods;
            if (want >= 0 && kind_word(v.target(i, p)) != want) continue;
            lua_pushnumber(L, static_cast<lua_Number>(pos + 1));
            lua_replace(L, lua_upvalueindex(3));
            lua_pushinteger(L, static_cast<lua_Integer>(i + 1));
            if (p < kMaxPeriodUpvalues) lua_pushvalue(L, lua_upvalueindex(kFirstPeriodUpvalue + static_cast<int>(p)));
            else push_text(L, v.index().periods()[p]);
            return 2;
        }
        lua_pushnumber(L, static_cast<lua_Number>(cells));
        lua_replace(L, lua_upvalueindex(3));
        return 0;
    });
}

// for i, period in f:targets([kind]) do … end: every indicator target (of that kind), in order.
int f_targets(lua_State* L) {
    FilingView& v = view_at(L);
    int want = -1;
    if (!lua_isnoneornil(L, 2)) {
        const std::string_view kind = arg_text(L, 2);
        for (const Word w : {Numeric, Grade, Placeholder, Blank, Unparsed})
            if (kind == kWords[w]) want = w;
        if (want < 0)
            return luaL_error(L, "bad argument #1: expected a target kind (numeric, grade, placeholder, blank, unparsed)");
    }
    const auto& periods = v.index().periods();
    const int kept = static_cast<int>(std::min(periods.size(), kMaxPeriodUpvalues));
    lua_settop(L, 1);
    luaL_checkstack(L, kept + 2, "f:targets()");
    lua_pushinteger(L, want);
    lua_pushnumber(L, 0);
    for (int p = 0; p < kept; ++p) push_text(L, periods[static_cast<std::size_t>(p)]);
    lua_pushcclosure(L, targets_next, kFirstPeriodUpvalue - 1 + kept);
    return 1;
}

// Whether indicator i has a real name (see FilingView::has_name).
int f_named(lua_State* L) {
    FilingView& v = view_at(L);
    const std::size_t i = indicator_arg(L, v, 2);
    return luax::guarded(L, [&] {
        lua_pushboolean(L, v.has_name(i));
        return 1;
    });
}

// subject, word, reason of a target (see core/target_value.h)
int f_target_note(lua_State* L) {
    FilingView& v = view_at(L);
    const std::size_t i = indicator_arg(L, v, 2);
    const std::size_t p = period_arg(L, v, 3);
    return luax::guarded(L, [&] {
        const TargetValue& t = v.target(i, p);
        push_text(L, t.subject);
        push_text(L, t.word);
        push_text(L, t.reason);
        return 3;
    });
}

int f_extra(lua_State* L) {
    FilingView& v = view_at(L);
    const Indicator& ind = v.filing().indicators[indicator_arg(L, v, 2)];
    auto it = ind.extra.find(std::string(arg_text(L, 3)));
    push_text(L, it == ind.extra.end() ? std::string_view() : std::string_view(it->second));
    return 1;
}

// The options table of f:report ({ severity = "warning" }), read raw (no metamethods).
Severity report_severity(lua_State* L, int options, Severity fallback) {
    if (options == 0) return fallback;
    lua_pushliteral(L, "severity");
    lua_rawget(L, options);
    Severity s = fallback;
    if (!lua_isnil(L, -1)) {
        const char* text = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
        const auto parsed = severity_from(text);
        if (!parsed) luaL_error(L, "f:report: severity must be \"error\", \"warning\" or \"info\"");
        s = *parsed;
    }
    lua_pop(L, 1);
    return s;
}

// f:report(where, zh, [en], [options]): where is a reference or a path; options
// { severity = "warning" } overrides the check's severity for this finding.
int f_report(lua_State* L) {
    FilingView& v = view_at(L);
    // A finding belongs to the filings the run checks; another year's filing is only read.
    if (static_cast<ViewBox*>(lua_touserdata(L, 1))->found)
        return luaL_error(L, "f:report(): filing %d was found by check.find or f:previous() and is read-only; report on the filing being checked",
                          static_cast<int>(v.filing().id));
    auto* run = luax::context<RunState>(L);
    if (run == nullptr || run->check == nullptr || run->findings == nullptr) return luaL_error(L, "f:report() is available while a check runs");
    const ResolvedRef& where = resolve_arg(L, v, 2);
    const std::string_view zh = arg_text(L, 3);
    const int options = lua_istable(L, 4) ? 4 : lua_istable(L, 5) ? 5 : 0;
    const std::string_view en = lua_isnoneornil(L, 4) || options == 4 ? zh : arg_text(L, 4);
    const Severity severity = report_severity(L, options, run->check->severity);
    // What a script hands over is bounded (count, size, memory) and valid UTF-8, so that
    // neither a runaway check nor stray bytes can swamp or break a report.
    const HostState& h = host_of(L);
    if (run->findings->size() - run->first_finding >= h.options.max_findings)
        return stop_for_output(L, "stopped: more than " + std::to_string(h.options.max_findings) +
                                      " findings in one run (f:report)");
    check_message_size(L, zh.size(), "a finding's message");
    check_message_size(L, en.size(), "a finding's English message");
    hold_bytes(L, sizeof(Finding) + zh.size() + en.size() + where.path.size() + v.title().size());
    return luax::guarded(L, [&] {
        Finding f;
        f.check = run->check->id;
        f.severity = severity;
        f.filing = v.filing().id;
        f.filing_title = v.title();
        f.template_id = v.spec().id;
        f.path = utf8::repair(where.path);
        // Only the language the batch is read in, when it says (a province's findings take
        // a third less memory); the Chinese stands in for an English message that is the same
        // text or not given (Finding::message).
        if (run->message_lang != Lang::En) f.message_zh = utf8::repair(zh);
        if (run->message_lang != Lang::Zh && en.data() != zh.data() && en != zh) f.message_en = utf8::repair(en);
        if (run->message_lang == Lang::En && f.message_en.empty()) f.message_en = utf8::repair(zh);
        run->findings->push_back(std::move(f));
        return 0;
    });
}

// f:previous(): the same project's filing of the year before (the template's key fields
// agree: option key_fields, else department and title), or nil.
int f_previous(lua_State* L) {
    FilingView& v = view_at(L);
    auto* run = luax::context<RunState>(L);
    if (run == nullptr || run->queries == nullptr) return luaL_error(L, "f:previous() is available while a check runs");
    return run->queries->previous(L, v);
}

int f_tostring(lua_State* L) {
    auto* box = static_cast<ViewBox*>(luaL_checkudata(L, 1, kFilingType));
    if (box->view == nullptr) {
        lua_pushliteral(L, "Filing (ended)");
        return 1;
    }
    lua_pushfstring(L, "Filing %d (%s)", static_cast<int>(box->view->filing().id), box->view->spec().id.c_str());
    return 1;
}

const luaL_Reg filing_methods[] = {
    {"id", f_id},
    {"title", f_title},
    {"template", f_template},
    {"template_version", f_template_version},
    {"family", f_family},
    {"department", f_department},
    {"year", f_year},
    {"option", f_option},
    {"spec", f_spec},
    {"has", f_has},
    {"label", f_label},
    {"path", f_path},
    {"target_path", f_target_path},
    {"indicator_path", f_indicator_path},
    {"text", f_text},
    {"blank", f_blank},
    {"amount", f_amount},
    {"percent", f_percent},
    {"year_of", f_year_of},
    {"sum", f_sum},
    {"rows", f_rows},
    {"cell", f_cell},
    {"cell_amount", f_cell_amount},
    {"cell_target", f_cell_target},
    {"parse_target", f_parse_target},
    {"indicators", f_indicators},
    {"indicator", f_indicator},
    {"category", f_category},
    {"target", f_target},
    {"target_kind", f_target_kind},
    {"targets", f_targets},
    {"target_note", f_target_note},
    {"named", f_named},
    {"extra", f_extra},
    {"report", f_report},
    {"previous", f_previous},
    {nullptr, nullptr},
};

}  // namespace

void register_filing_type(lua_State* L) {
    if (luaL_newmetatable(L, kFilingType) == 0) {
        lua_pop(L, 1);
        return;
    }
    lua_newtable(L);
    for (const char* word : kWords) lua_pushstring(L, word);
    luaL_openlib(L, nullptr, filing_methods, static_cast<int>(std::size(kWords)));  // the words as upvalues of each
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, f_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    host_of(L).filing_meta = lua_topointer(L, -1);  // anchored in the registry for the state's life
    lua_pop(L, 1);
}

ViewBox* push_view_box(lua_State* L) {
    auto* box = new (lua_newuserdata(L, sizeof(ViewBox))) ViewBox{};  // trivially destructible: no __gc needed
    luaL_getmetatable(L, kFilingType);
    lua_setmetatable(L, -2);
    return box;
}

// The method names, for the LuaLS stub test (scripts/api/check.lua lists them).
std::vector<std::string> filing_method_names() {
    std::vector<std::string> names;
    for (const luaL_Reg* r = filing_methods; r->name; ++r) names.emplace_back(r->name);
    return names;
}

}  // namespace formwork::script::detail
