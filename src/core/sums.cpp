// Column sums with a per-cell account (see sums.h).
#include "core/sums.h"

#include "core/text.h"

namespace formwork {

namespace {

// Adds one cell to the running sum.
void add_cell(ColumnSum& sum, std::size_t row, const std::string& text) {
    if (is_blank_cell(text)) {
        ++sum.blank;
        return;
    }
    std::string error;
    const auto value = Decimal::parse(text, &error);
    if (!value) {
        sum.not_numbers.push_back({row, text, error});
        return;
    }
    ++sum.numeric;
    if (sum.overflow) return;  // keep classifying, stop adding
    if (auto total = checked_add(sum.total, *value)) {
        sum.total = *total;
    } else {
        sum.overflow = true;
        sum.overflow_row = row;
    }
}

}  // namespace

bool is_blank_cell(std::string_view text) {
    // Byte by byte (asked for every amount a check reads): the spaces text::trim drops, i.e.
    // ASCII whitespace, U+00A0 (C2 A0) and U+3000 (E3 80 80); anything else is content.
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            ++i;
        } else if (text.substr(i, 2) == "\xC2\xA0") {
            i += 2;
        } else if (text.substr(i, 3) == "\xE3\x80\x80") {
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

std::optional<Decimal> parse_amount(std::string_view text, std::string* error) {
    if (is_blank_cell(text)) {
        if (error) error->clear();
        return std::nullopt;
    }
    // A cell of a money or number column holds a figure in the column's unit. "250万" would be
    // read as 2,500,000 of that unit (万元!), so a scale word makes it not a number here; the
    // importer converts such text into the column's unit first (money_text.h).
    for (std::string_view word : {"万", "亿", "千", "百"}) {
        if (text.find(word) != std::string_view::npos) {
            if (error) *error = "\"" + std::string(text) + "\" is not a plain figure: it carries the scale word " + std::string(word);
            return std::nullopt;
        }
    }
    return Decimal::parse(text, error);
}

ColumnSum sum_column(const Table& table, const std::string& column) {
    ColumnSum sum;
    for (std::size_t row = 0; row < table.rows.size(); ++row) add_cell(sum, row, table.rows[row].cell(column));
    return sum;
}

ColumnSum sum_values(const std::vector<std::string>& texts) {
    ColumnSum sum;
    for (std::size_t i = 0; i < texts.size(); ++i) add_cell(sum, i, texts[i]);
    return sum;
}

}  // namespace formwork
