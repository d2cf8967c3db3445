// JSON forms of a filing (see filing_json.h).
#include "cli/filing_json.h"

#include "core/filing_facts.h"
#include "core/year_text.h"

namespace formwork::cli {

FilingFacts filing_facts(const Filing& filing, const FormSpec* spec, const std::string& stored_title,
                         const std::string& stored_year) {
    FilingFacts f;
    if (!spec) {
        f.title = stored_title;
        if (auto y = parse_year(stored_year)) f.year = *y;
        return f;
    }
    f.title = filing_title(filing, *spec);
    if (auto y = filing_year(filing, *spec)) f.year = *y;
    if (auto t = filing_total(filing, *spec)) f.total = *t;
    if (auto e = expense_total(filing, *spec)) f.expense_total = e->to_string();
    return f;
}

nlohmann::json summary_json(const Filing& filing, const FilingFacts& facts) {
    return {{"id", filing.id},
            {"title", facts.title},
            {"template", filing.template_id},
            {"year", facts.year},
            {"total", facts.total},
            {"expense_total", facts.expense_total}};
}

nlohmann::json filing_json(const Filing& filing, const FilingFacts& facts) {
    nlohmann::json j = summary_json(filing, facts);
    j["template_version"] = filing.template_version;
    j["fields"] = filing.fields;
    nlohmann::json tables = nlohmann::json::object();
    for (const auto& [id, table] : filing.tables) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& row : table.rows) rows.push_back(row.cells);
        tables[id] = std::move(rows);
    }
    j["tables"] = std::move(tables);
    nlohmann::json indicators = nlohmann::json::array();
    for (const auto& i : filing.indicators)
        indicators.push_back({{"level1", i.level1}, {"level2", i.level2}, {"name", i.name}, {"targets", i.targets}, {"extra", i.extra}});
    j["indicators"] = std::move(indicators);
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : filing.notes) notes.push_back({{"kind", n.kind}, {"text", n.text}});
    j["notes"] = std::move(notes);
    return j;
}

}  // namespace formwork::cli
