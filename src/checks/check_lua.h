// Internal to the script layer (src/lua, src/templates, src/checks): the Lua side of the check engine shared by bind_check.cpp,
// udata_decimal.cpp, udata_filing.cpp and the engine. Includes Lua; never include it from
// outside the script layer.
//
// Two userdata types reach check scripts:
//   Decimal  an exact decimal (core Decimal) with + - * comparisons and tostring; money and
//            quantities never become Lua numbers.
//   Filing   a read-only view of one filing (FilingView) with accessor methods. The userdata
//            holds only a pointer that the engine sets before a run and clears after, so a
//            view a script kept beyond its run refuses to be used instead of dangling.
#pragma once

#include <lua.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "checks/check_types.h"
#include "checks/filing_view.h"

namespace formwork::script::detail {

inline constexpr const char* kDecimalType = "formwork.Decimal";
inline constexpr const char* kFilingType = "formwork.Filing";

// Whether the value at `index` is a userdata with the metatable `mt` (HostState::decimal_meta
// or filing_meta, recorded when the types are registered): type tests run on every accessor
// call and comparison, so they compare addresses instead of looking names up.
bool has_metatable(lua_State* L, int index, const void* mt);

// udata_decimal.cpp
void register_decimal_type(lua_State* L);  // creates the metatable once per state
void push_decimal(lua_State* L, Decimal d);
Decimal* test_decimal(lua_State* L, int index);  // nullptr when not a Decimal
// A Decimal, an integer number or a numeric string (parsed exactly); raises a Lua error
// naming argument `arg` otherwise.
Decimal to_decimal(lua_State* L, int arg);

// udata_filing.cpp
struct ViewBox {
    FilingView* view = nullptr;
    bool found = false;  // from check.find or f:previous(): read, never reported on
};
void register_filing_type(lua_State* L);
ViewBox* push_view_box(lua_State* L);  // a new, empty Filing userdata

// Method names of the two types, for the test that compares them with scripts/api/check.lua.
std::vector<std::string> filing_method_names();
std::vector<std::string> decimal_method_names();

// What check.find and f:previous() ask of the engine (check_queries.cpp). Each pushes its
// result on the Lua stack and returns the number of values pushed.
struct FindQuery {
    std::optional<int> year;
    std::string department, template_id, family, title;
    std::size_t limit = 100;
};
class QueryHost {
public:
    virtual int find(lua_State* L, const FindQuery& q) = 0;
    virtual int previous(lua_State* L, FilingView& of) = 0;

protected:
    ~QueryHost() = default;
};

// The run in progress, registered with the host as a context (once, by the engine). Bindings
// append findings and record a declared outcome here; `check` is null between runs.
struct RunState {
    QueryHost* queries = nullptr;  // the engine, for check.find and f:previous()
    const CheckSpec* check = nullptr;
    std::vector<Finding>* findings = nullptr;
    std::size_t first_finding = 0;  // findings->size() when the run began
    std::vector<LogLine>* log = nullptr;  // where check.log(...) lines go
    std::size_t logged = 0;               // lines of this run so far
    Outcome declared = Outcome::Passed;  // NotApplicable / Insufficient once declared
    std::string reason;
    int* spec_cache = nullptr;  // registry ref of this script's SpecIndex address → spec table cache (0: none yet)
    // A batch read in one language (BatchOptions::message_lang): the other message is not kept.
    std::optional<Lang> message_lang;
};

// spec_value.cpp: a template as the plain table f:spec() returns.
ScriptValue spec_to_value(const FormSpec& spec);

}  // namespace formwork::script::detail
