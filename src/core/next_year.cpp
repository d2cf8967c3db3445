// Making next year's draft of a filing (see next_year.h).
#include "core/next_year.h"

#include "core/filing_cells.h"
#include "core/period_text.h"
#include "core/year_text.h"

namespace formwork {

namespace {

std::string field_of(const std::string& ref) { return ref.rfind("fields.", 0) == 0 ? ref.substr(7) : ref; }

class Clearer {
public:
    Clearer(const FormSpec& spec, NextYearCopy& out) : spec_(spec), out_(out) {}

    void field(const std::string& id) {
        auto it = out_.filing.fields.find(id);
        if (it == out_.filing.fields.end()) return;
        if (!it->second.empty()) out_.cleared.push_back("f/" + escape_cell_id(id));
        out_.filing.fields.erase(it);
    }

    void column(const std::string& table, const std::string& column) {
        Table* t = out_.filing.find_table(table);
        if (!t) return;
        for (std::size_t r = 0; r < t->rows.size(); ++r) {
            auto it = t->rows[r].cells.find(column);
            if (it == t->rows[r].cells.end()) continue;
            if (!it->second.empty())
                out_.cleared.push_back("t/" + escape_cell_id(table) + "/" + std::to_string(r) + "/" + escape_cell_id(column));
            t->rows[r].cells.erase(it);
        }
    }

    // A whole table: a free-rows table loses its rows (next year's lines are new ones), a
    // fixed-rows table or a plan keeps its rows, blank.
    void table(const BlockSpec& block) {
        Table* t = out_.filing.find_table(block.id);
        if (!t) return;
        for (const auto& c : block.columns) column(block.id, c.id);
        if (block.kind == BlockKind::Table && !block.fixed_rows()) t->rows.clear();
    }

    void period(const std::string& id, bool extra) {
        for (std::size_t n = 0; n < out_.filing.indicators.size(); ++n) {
            auto& map = extra ? out_.filing.indicators[n].extra : out_.filing.indicators[n].targets;
            auto it = map.find(id);
            if (it == map.end()) continue;
            if (!it->second.empty())
                out_.cleared.push_back("i/" + std::to_string(n) + (extra ? "/x/" : "/t/") + escape_cell_id(id));
            map.erase(it);
        }
    }

    void amounts() {
        for (const auto& b : spec_.blocks) {
            for (const auto& f : b.fields)
                if (f.kind == ValueKind::Money) field(f.id);
            if (b.kind == BlockKind::Table)
                for (const auto& c : b.columns)
                    if (c.kind == ValueKind::Money) column(b.id, c.id);
        }
    }

    // One entry of the template's `clear` list (checked when the template loaded).
    void ref(const std::string& ref) {
        const auto dot = ref.find('.');
        const std::string head = ref.substr(0, dot), rest = dot == std::string::npos ? "" : ref.substr(dot + 1);
        if (head == "fields") return field(rest);
        if (head == "indicators") {
            for (const auto& b : spec_.blocks)
                if (b.kind == BlockKind::Indicators)
                    for (const auto& x : b.indicators.extra)
                        if (x.id == rest) return period(rest, true);
            return period(rest, false);
        }
        const BlockSpec* block = spec_.find_block(head);
        if (!block) return;
        if (rest.empty()) return table(*block);
        column(head, rest);
    }

private:
    const FormSpec& spec_;
    NextYearCopy& out_;
};

// The year a period field's text begins or ends with.
std::optional<int> year_in(const std::string& text, bool end) {
    if (auto y = parse_year(text)) return y;
    if (auto p = split_period(text)) return end ? p->end_year : p->start_year;
    return std::nullopt;
}

}  // namespace

std::vector<std::string> period_fields(const FormSpec& spec) {
    std::vector<std::string> out;
    for (const auto& ref : spec.next_year.period) out.push_back(field_of(ref));
    if (!out.empty()) return out;
    if (spec.find_field("start_year") && spec.find_field("end_year")) return {"start_year", "end_year"};
    if (spec.find_field("project_period")) return {"project_period"};
    return {};
}

NextYearCopy next_year_copy(const Filing& source, const FormSpec& spec) {
    NextYearCopy out;
    if (spec.year_field.empty()) {
        out.refusal = NextYearCopy::Refusal::NoYearField;
        return out;
    }
    const auto year = parse_year(source.field(spec.year_field));
    if (!year) {
        out.refusal = NextYearCopy::Refusal::NoYear;
        return out;
    }
    out.year = *year + 1;
    out.filing = source;
    out.filing.id = 0;
    out.notes_left = out.filing.notes.size();
    out.filing.notes.clear();
    // The year as the filing wrote it ("2024年" stays in that form).
    const std::string& old_text = source.field(spec.year_field);
    out.filing.fields[spec.year_field] = std::to_string(out.year) + (old_text.find("年") != std::string::npos ? "年" : "");

    Clearer clear(spec, out);
    if (spec.next_year.clear_amounts) clear.amounts();
    for (const auto& ref : spec.next_year.clear) clear.ref(ref);

    const auto fields = period_fields(spec);
    if (fields.size() == 2) {
        out.period_start = year_in(out.filing.field(fields[0]), false);
        out.period_end = year_in(out.filing.field(fields[1]), true);
    } else if (fields.size() == 1) {
        out.period_start = year_in(out.filing.field(fields[0]), false);
        out.period_end = year_in(out.filing.field(fields[0]), true);
    }
    if (out.period_start && out.period_end) out.covers = *out.period_start <= out.year && out.year <= *out.period_end;
    return out;
}

}  // namespace formwork
