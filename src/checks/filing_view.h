// The read-only view of one filing that checks see: the filing's text, its template's index,
// and what is derived from them on demand and kept for the other checks of the same filing
// (parsed target values, indicator categories). Pure C++; the Lua methods over it are in
// udata_filing.cpp. Built per filing on the stack of the engine: cheap to make, nothing
// parsed until a check asks.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/filing.h"
#include "core/target_value.h"
#include "checks/spec_index.h"

namespace formwork::script {

class FilingView {
public:
    FilingView(const Filing& filing, SpecIndex& index, std::string department);

    const Filing& filing() const { return filing_; }
    SpecIndex& index() const { return index_; }
    const FormSpec& spec() const { return index_.spec(); }
    const std::string& title() const { return title_; }
    std::optional<int> year() const { return year_; }
    const std::string& department() const { return department_; }

    // The text a resolved Field, Cell or f/ or t/ path holds; "" when absent.
    const std::string& text(const ResolvedRef& ref) const;
    // A table cell by row index (from 0); "" when absent.
    const std::string& cell(const std::string& table, std::size_t row, const std::string& column) const;
    std::size_t rows(const std::string& table) const;

    // Indicator i (from 0): the target of one period, parsed with the template's vocabulary
    // once and kept.
    const TargetValue& target(std::size_t indicator, std::size_t period) const;
    const Category& category(std::size_t indicator) const;
    // Whether indicator i has a real name: not blank and not a "nothing" sign (……, 不适用, 无).
    bool has_name(std::size_t indicator) const;

private:
    const Filing& filing_;
    SpecIndex& index_;
    std::string title_;
    std::optional<int> year_;
    std::string department_;
    // Into the index's parsed targets (or `own_` past its limit).
    mutable std::vector<const TargetValue*> targets_;
    mutable std::deque<TargetValue> own_;
    mutable std::vector<std::optional<Category>> categories_;
    mutable std::vector<signed char> names_;  // -1 not yet known, 0 no name, 1 a name
};

}  // namespace formwork::script
