// Small accessors of the filing model (see filing.h).
#include "core/filing.h"

namespace formwork {

namespace {
const std::string kEmpty;
}

const std::string& TableRow::cell(const std::string& column) const {
    auto it = cells.find(column);
    return it == cells.end() ? kEmpty : it->second;
}

const std::string& Filing::field(const std::string& field_id) const {
    auto it = fields.find(field_id);
    return it == fields.end() ? kEmpty : it->second;
}

Table* Filing::find_table(const std::string& table_id) {
    auto it = tables.find(table_id);
    return it == tables.end() ? nullptr : &it->second;
}

const Table* Filing::find_table(const std::string& table_id) const {
    auto it = tables.find(table_id);
    return it == tables.end() ? nullptr : &it->second;
}

bool Filing::same_content(const Filing& o) const {
    return template_id == o.template_id && template_version == o.template_version && fields == o.fields &&
           tables == o.tables && indicators == o.indicators && notes == o.notes;
}

}  // namespace formwork
