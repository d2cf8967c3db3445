// What the check engine needs to know about one template, worked out once and shared by every
// filing of that template: resolved value references ("income.total.full_year" → the cell
// t/income/0/full_year with its label), the indicator tree by name and alias, the target
// vocabulary with the template's grades. Pure C++ over FormSpec; no Lua.
//
// Not thread-safe: the reference cache fills as checks ask (one index per engine).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/form_spec.h"
#include "core/target_value.h"

namespace formwork::script {

// A reference resolved against a template. Forms accepted:
//   "project_name" or "fields.project_name"    a header field            → f/project_name
//   "income.total.full_year"                   a cell of a fixed-rows table → t/income/0/full_year
//   "spending_plan.mar"                        a point of a spending plan → t/spending_plan/0/mar
//   "expenses.full_year"                       a column of a free-rows table (for sums) → t/expenses
//   "expenses", "indicators"                   a table or block            → t/expenses, i
//   "f/…", "t/…", "i/…"                        a cell path, taken as it is
struct ResolvedRef {
    enum class Kind { Invalid, Field, Cell, Column, Table, Path };
    Kind kind = Kind::Invalid;
    std::string field;   // Field
    std::string table;   // Cell, Column, Table
    int row = -1;        // Cell: row index, from 0
    std::string column;  // Cell, Column
    std::string path;    // the cell path a finding points at
    std::string label;   // as printed on the form: 资金总额, 支出（全年（程）预算数） …
    std::string error;   // Invalid: why
};

struct Category {
    int l1 = -1;          // index into the tree, -1 when the filed level-1 is not in it
    int l2 = -1;          // index into tree[home].level2, -1 when not in the tree
    int home = -1;        // the level-1 the level-2 belongs to (== l1 unless misplaced)
    bool misplaced = false;  // level-2 known, but under another level-1 than the one filed
};

class SpecIndex {
public:
    explicit SpecIndex(std::shared_ptr<const FormSpec> spec);

    const FormSpec& spec() const { return *spec_; }
    const std::shared_ptr<const FormSpec>& shared() const { return spec_; }
    const TargetVocabulary& vocabulary() const { return vocab_; }

    // Cached; never null (an unknown reference resolves to Kind::Invalid with an error).
    const ResolvedRef& resolve(std::string_view ref);

    // parse_target with the template's vocabulary, each distinct text parsed once for all the
    // filings of the template (the same "≥90%" or "是/否" is filed thousands of times). The
    // reference stays valid as long as the index. At most kMaxParsed texts of at most 256
    // bytes are kept; any other parse is put in `scratch`.
    static constexpr std::size_t kMaxParsed = 20000;
    const TargetValue& parsed_target(std::string_view text, TargetValue& scratch);
    // Whether a text (an indicator name, an amount cell) is a "nothing" sign (……, 不适用, 无, —)
    // by the template's vocabulary; answered once per distinct text (names repeat as targets
    // do), within the same bounds.
    bool is_placeholder(std::string_view text);

    const BlockSpec* table_block(std::string_view id) const;  // a Table or SpendingPlan block
    const BlockSpec* indicators_block() const { return indicators_; }
    // Index of a period column id, -1 when the template has no such period.
    int period_index(std::string_view period) const;
    const std::vector<std::string>& periods() const { return periods_; }

    // Where a filed level-1 / level-2 pair sits in the tree (names and aliases, ignoring
    // spaces and full-width forms).
    Category categorize(const std::string& level1, const std::string& level2) const;

    // The field that names the department, for grouping filings by department: the option
    // `department_field`, else the first of department_name, department, implementing_unit
    // that the template has; "" when none.
    const std::string& department_field() const { return department_field_; }
    // Fields that tie a filing whose department is blank to the department-wide filing of
    // the same family and year that shows the same values (option `department_fallback`,
    // field ids separated by commas or spaces, e.g. "filled_by,filled_phone": the filer of
    // every table of one department's package). Empty when the template names none.
    const std::vector<std::string>& department_fallback() const { return department_fallback_; }
    // The fields that tell one project from another across years (f:previous()): the option
    // `key_fields` (field ids separated by commas or spaces), else the department field and
    // the title field.
    const std::vector<std::string>& key_fields() const { return key_fields_; }

private:
    ResolvedRef resolve_uncached(std::string_view ref) const;

    std::shared_ptr<const FormSpec> spec_;
    TargetVocabulary vocab_;
    const BlockSpec* indicators_ = nullptr;
    std::vector<std::string> periods_;
    // Names and aliases as written in the template (the usual case: filed exactly so, found
    // without normalizing), then normalized (spaces and full-width forms folded).
    std::unordered_map<std::string, int> level1_exact_, level1_;
    std::unordered_map<std::string, std::vector<std::pair<int, int>>> level2_exact_, level2_;  // → (l1, l2)
    std::string department_field_;
    std::vector<std::string> department_fallback_;
    std::vector<std::string> key_fields_;
    // Looked up with the script's string as it is (a string_view), so a cached reference
    // costs a hash and no std::string per call.
    struct RefHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, ResolvedRef, RefHash, std::equal_to<>> refs_;
    std::unordered_map<std::string, TargetValue, RefHash, std::equal_to<>> targets_;
    std::unordered_map<std::string, bool, RefHash, std::equal_to<>> placeholders_;
};

// A category name for comparison: full-width forms folded, every space removed.
std::string normalize_category(std::string_view name);

}  // namespace formwork::script
