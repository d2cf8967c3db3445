// Title, year, total and expense total of a filing (see filing_facts.h).
#include "core/filing_facts.h"

#include <algorithm>

#include "core/sums.h"
#include "core/text.h"
#include "core/year_text.h"

namespace formwork {

const std::string* referenced_text(const Filing& filing, const FormSpec& spec, const std::string& ref) {
    const auto dot = ref.find('.');
    if (dot == std::string::npos) return nullptr;
    const std::string head = ref.substr(0, dot), rest = ref.substr(dot + 1);
    if (head == "fields") {
        auto it = filing.fields.find(rest);
        return it == filing.fields.end() ? nullptr : &it->second;
    }
    const auto dot2 = rest.find('.');
    const BlockSpec* block = spec.find_block(head);
    const Table* table = filing.find_table(head);
    if (dot2 == std::string::npos || !block || !table) return nullptr;
    const std::string row_id = rest.substr(0, dot2), column = rest.substr(dot2 + 1);
    auto it = std::find_if(block->rows.begin(), block->rows.end(), [&](const RowSpec& r) { return r.id == row_id; });
    const auto index = static_cast<std::size_t>(it - block->rows.begin());
    if (it == block->rows.end() || index >= table->rows.size()) return nullptr;
    auto cell = table->rows[index].cells.find(column);
    return cell == table->rows[index].cells.end() ? nullptr : &cell->second;
}

std::string filing_title(const Filing& filing, const FormSpec& spec) {
    return text::trim_utf8(filing.field(spec.title_field));
}

std::optional<int> filing_year(const Filing& filing, const FormSpec& spec) {
    if (!spec.year_field.empty())
        if (auto y = parse_year(filing.field(spec.year_field))) return y;
    if (spec.year > 0) return spec.year;
    return std::nullopt;
}

std::optional<std::string> filing_total(const Filing& filing, const FormSpec& spec) {
    if (spec.total_ref.empty()) return std::nullopt;
    const std::string* text = referenced_text(filing, spec, spec.total_ref);
    if (!text || is_blank_cell(*text)) return std::nullopt;
    auto value = parse_amount(*text);
    if (!value) return std::nullopt;
    const std::string trimmed = text::trim_utf8(*text);
    const bool plain = std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-'; });
    return plain ? trimmed : value->to_string();
}

std::optional<Decimal> expense_total(const Filing& filing, const FormSpec& spec) {
    const BlockSpec* block = spec.find_block("expenses");
    if (!block || block->kind != BlockKind::Table || block->fixed_rows() || block->total_columns.empty()) return std::nullopt;
    const Table* table = filing.find_table("expenses");
    if (!table) return Decimal();
    const ColumnSum sum = sum_column(*table, block->total_columns.back());
    if (!sum.clean()) return std::nullopt;
    return sum.total;
}

}  // namespace formwork
