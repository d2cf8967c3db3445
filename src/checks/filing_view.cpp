// The checks' view of a filing (see filing_view.h).
#include "checks/filing_view.h"

#include "core/filing_facts.h"

namespace formwork::script {

namespace {
const std::string kEmpty;

// "t/<table>/<row>/<column>" → its parts; false for anything else.
bool split_cell_path(const std::string& path, std::string& table, std::size_t& row, std::string& column) {
    if (path.rfind("t/", 0) != 0) return false;
    const std::size_t a = path.find('/', 2);
    if (a == std::string::npos) return false;
    const std::size_t b = path.find('/', a + 1);
    if (b == std::string::npos || path.find('/', b + 1) != std::string::npos) return false;
    table = path.substr(2, a - 2);
    row = 0;
    if (b == a + 1) return false;
    for (std::size_t i = a + 1; i < b; ++i) {
        if (path[i] < '0' || path[i] > '9' || row > 10'000'000) return false;
        row = row * 10 + static_cast<std::size_t>(path[i] - '0');
    }
    column = path.substr(b + 1);
    return true;
}

}  // namespace

FilingView::FilingView(const Filing& filing, SpecIndex& index, std::string department)
    : filing_(filing),
      index_(index),
      title_(filing_title(filing, index.spec())),
      year_(filing_year(filing, index.spec())),
      department_(std::move(department)) {}

const std::string& FilingView::text(const ResolvedRef& ref) const {
    switch (ref.kind) {
        case ResolvedRef::Kind::Field: return filing_.field(ref.field);
        case ResolvedRef::Kind::Cell: return cell(ref.table, static_cast<std::size_t>(ref.row), ref.column);
        case ResolvedRef::Kind::Path: {
            if (!ref.field.empty()) return filing_.field(ref.field);
            std::string table, column;
            std::size_t row = 0;
            if (split_cell_path(ref.path, table, row, column)) return cell(table, row, column);
            return kEmpty;
        }
        default: return kEmpty;
    }
}

const std::string& FilingView::cell(const std::string& table, std::size_t row, const std::string& column) const {
    const Table* t = filing_.find_table(table);
    if (!t || row >= t->rows.size()) return kEmpty;
    return t->rows[row].cell(column);
}

std::size_t FilingView::rows(const std::string& table) const {
    const Table* t = filing_.find_table(table);
    return t ? t->rows.size() : 0;
}

const TargetValue& FilingView::target(std::size_t indicator, std::size_t period) const {
    const std::size_t periods = index_.periods().size();
    if (targets_.empty()) targets_.assign(filing_.indicators.size() * periods, nullptr);
    const TargetValue*& slot = targets_[indicator * periods + period];
    if (!slot) {
        const Indicator& ind = filing_.indicators[indicator];
        auto it = ind.targets.find(index_.periods()[period]);
        TargetValue scratch;
        const TargetValue& t =
            index_.parsed_target(it == ind.targets.end() ? std::string_view() : std::string_view(it->second), scratch);
        slot = &t == &scratch ? &own_.emplace_back(std::move(scratch)) : &t;
    }
    return *slot;
}

const Category& FilingView::category(std::size_t indicator) const {
    if (categories_.empty()) categories_.resize(filing_.indicators.size());
    std::optional<Category>& slot = categories_[indicator];
    if (!slot) {
        const Indicator& ind = filing_.indicators[indicator];
        slot = index_.categorize(ind.level1, ind.level2);
    }
    return *slot;
}

bool FilingView::has_name(std::size_t indicator) const {
    if (names_.empty()) names_.assign(filing_.indicators.size(), -1);
    signed char& slot = names_[indicator];
    if (slot < 0) slot = index_.is_placeholder(filing_.indicators[indicator].name) ? 0 : 1;
    return slot == 1;
}

}  // namespace formwork::script
