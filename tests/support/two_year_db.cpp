// 2023 copies of seed filings (see two_year_db.h), written through the store as an edit in
// the shell would be.
#include "two_year_db.h"

#include <stdexcept>

#include "core/filing_facts.h"
#include "store/database.h"
#include "store/filing_store.h"
#include "templates/template_registry.h"

namespace formwork::test {

const std::vector<PreviousYearCopy>& previous_year_copies() {
    static const std::vector<PreviousYearCopy> copies{
        {1, "15", true, "info"},         // Nantong 信息化管理专项经费 18 (2024): +3, 20%
        {2, "27", false, ""},            // Nantong 消费者权益保护工作经费 27
        {6, "4", true, "warning"},       // Yuanjiang 9.6 (2024): +5.6, 140%
        {16, "269", false, ""},          // Jiangsu 政风热线 269
        {17, "1300", true, "info"},      // Jiangsu 1239.92 (2024): −60.08, 4.6%
        {19, "2344.98", false, ""},      // Jiangsu 省政务服务大楼运行维护费用
    };
    return copies;
}

void add_previous_year(const std::string& db_path) {
    script::TemplateRegistry templates;
    templates.refresh();
    store::Database db = store::Database::open(db_path, store::OpenMode::OpenExisting);
    store::FilingStore filings(db);
    for (const auto& copy : previous_year_copies()) {
        Filing f = filings.load(copy.seed_id);
        const auto spec = templates.find(f.template_id);
        if (!spec || spec->year_field.empty()) throw std::runtime_error("no template with a year field for " + f.template_id);
        // The store has no "set by reference"; the copy edits the cell the reference names.
        auto* total = const_cast<std::string*>(referenced_text(f, *spec, spec->total_ref));
        if (!total) throw std::runtime_error("filing " + std::to_string(copy.seed_id) + " has no total");
        *total = copy.total_2023;
        f.fields[spec->year_field] = "2023";
        f.id = 0;
        filings.save(f, {filing_title(f, *spec), "2023", "2023 copy for the cross-year test"});
    }
}

}  // namespace formwork::test
