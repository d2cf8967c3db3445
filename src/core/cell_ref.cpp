// Names of values as typed at a terminal (see cell_ref.h).
#include "core/cell_ref.h"

#include <algorithm>

#include "core/filing_cells.h"

namespace formwork {

std::optional<std::string> resolve_cell(const Filing& filing, const FormSpec* spec, const std::string& name) {
    if (name.empty()) return std::nullopt;
    if (name.find('/') != std::string::npos) return name;  // a cell path as stored
    const auto dot = name.find('.');
    if (dot == std::string::npos) {
        if ((spec && spec->find_field(name)) || filing.fields.count(name)) return "f/" + escape_cell_id(name);
        return std::nullopt;
    }
    const std::string head = name.substr(0, dot), rest = name.substr(dot + 1);
    if (head == "fields") return resolve_cell(filing, spec, rest);
    const auto dot2 = rest.find('.');
    if (!spec || dot2 == std::string::npos) return std::nullopt;
    const BlockSpec* block = spec->find_block(head);
    if (!block) return std::nullopt;
    const std::string row_id = rest.substr(0, dot2), column = rest.substr(dot2 + 1);
    if (std::none_of(block->columns.begin(), block->columns.end(), [&](const FieldSpec& c) { return c.id == column; }))
        return std::nullopt;
    std::size_t index = 0;
    auto it = std::find_if(block->rows.begin(), block->rows.end(), [&](const RowSpec& r) { return r.id == row_id; });
    if (it != block->rows.end()) {
        index = static_cast<std::size_t>(it - block->rows.begin());
    } else if (!row_id.empty() && std::all_of(row_id.begin(), row_id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        index = std::stoul(row_id);  // a free row by number, from 0
    } else {
        return std::nullopt;
    }
    return "t/" + escape_cell_id(head) + "/" + std::to_string(index) + "/" + escape_cell_id(column);
}

Filing with_cell(const Filing& filing, const std::string& path, const std::string& value) {
    FilingCells cells = to_cells(filing);
    cells[path] = value;
    // A cell in a fixed row the filing does not have yet: the table grows to hold it.
    if (path.starts_with("t/")) {
        const auto second = path.find('/', 2);
        const auto third = second == std::string::npos ? std::string::npos : path.find('/', second + 1);
        if (third != std::string::npos) {
            const std::string rows_path = path.substr(0, second) + "/#rows";
            const std::string row = path.substr(second + 1, third - second - 1);
            if (!row.empty() && row[0] != '#' && std::all_of(row.begin(), row.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                const std::size_t need = std::stoul(row) + 1;
                auto it = cells.find(rows_path);
                if (it == cells.end() || std::stoul(it->second) < need) cells[rows_path] = std::to_string(need);
            }
        }
    }
    Filing out = from_cells(cells);
    out.id = filing.id;
    out.revision = filing.revision;
    out.template_id = filing.template_id;
    out.template_version = filing.template_version;
    return out;
}

}  // namespace formwork
