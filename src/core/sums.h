// Sums over a table column (or any list of cell texts) with an account of every cell, so that
// a check can say "3 lines add up to 20.5, line 4 is not a number" instead of a bare total.
// All arithmetic is Decimal: exact, and overflow is reported, never wrapped.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/filing.h"

namespace formwork {

// A cell that holds text but not a number.
struct NotANumber {
    std::size_t row = 0;  // row index in the table (or index in the list), from 0
    std::string text;     // as filed
    std::string error;    // Decimal::parse's reason, in English
};

struct ColumnSum {
    Decimal total;                       // exact sum of the numeric cells (see `overflow`)
    std::size_t numeric = 0;             // cells that parsed as numbers
    std::size_t blank = 0;               // empty or whitespace-only cells, and missing ones
    std::vector<NotANumber> not_numbers;
    // The sum left the Decimal range. Overflow is a result, not an exception, so that the
    // rest of the column is still classified; `total` is then meaningless (it holds the sum
    // of the rows before overflow_row) and must not be compared.
    bool overflow = false;
    std::size_t overflow_row = 0;        // the row whose value did not fit, when overflow

    // Every non-blank cell is a number and the total is valid.
    bool clean() const { return not_numbers.empty() && !overflow; }
};

// A cell's amount: a plain figure in the column's unit (Decimal::parse: grouping commas and
// full-width digits allowed). A scale word (万 亿 千 百) makes it not a number: "2万" in a 万元
// column must not become 20000 万元 (the importer converts such text with read_money).
// Blank text gives nullopt with *error left empty.
std::optional<Decimal> parse_amount(std::string_view text, std::string* error = nullptr);

bool is_blank_cell(std::string_view text);  // empty or only ASCII / full-width spaces

// The column `column` of every row; a row without that cell counts as blank.
ColumnSum sum_column(const Table& table, const std::string& column);

// The same over a list of texts (header fields, one indicator's periods …).
ColumnSum sum_values(const std::vector<std::string>& texts);

}  // namespace formwork
