// The example cases checks declare (check.case{}): building their small filings from the
// Lua tables the analyst wrote, running the check on them, and comparing what it reported
// with what the case expects. `formwork test-checks` and ctest run these.
//
// A case filing is written as
//   { template = "nantong-project",
//     fields = { project_name = "示例", start_year = "2024" },
//     tables = { income = { total = { full_year = "18" } },       -- fixed rows by row id
//                expenses = { { item = "甲", full_year = "19" } },   -- free rows as a list
//                spending_plan = { mar = "25%", dec = "100%" } },    -- a plan's points
//     indicators = { { "过程", "资金管理", "预算执行率", half_year = "=45%", full_year = "=100%" } } }
#include <algorithm>

#include "checks/check_engine_impl.h"
#include "core/filing_facts.h"

namespace formwork::script {

namespace {

class CaseBuilder {
public:
    CaseBuilder(CheckEngine::Impl& m, std::vector<std::string>& problems) : m_(m), problems_(problems) {}

    // nullopt (with problems) when the description is wrong.
    std::optional<Filing> build(const ScriptValue& v, const std::string& default_template, std::size_t number) {
        const std::size_t before = problems_.size();
        where_ = "filing " + std::to_string(number);
        Filing f;
        f.id = static_cast<std::int64_t>(number);
        const ScriptValue* t = v.get("template");
        f.template_id = t && t->is_string() ? t->as_string() : default_template;
        // `version = 1`: the filing was filed with that version (kept in the templates' earlier/).
        int version = 0;
        if (const ScriptValue* ver = v.get("version"); ver && !ver->is_nil()) {
            const auto i = ver->as_integer();
            if (!i || *i < 1 || *i > 1'000'000) problem("version: expected a template version such as 1");
            else version = static_cast<int>(*i);
        }
        TemplateSlot* slot = m_.slot(f.template_id, version);
        if (!slot) {
            problem("unknown template \"" + f.template_id + "\"");
            return std::nullopt;
        }
        if (version && slot->spec->version != version) {
            problem("template \"" + f.template_id + "\" keeps no version " + std::to_string(version));
            return std::nullopt;
        }
        f.template_version = slot->spec->version;
        for (const auto& [key, value] : v.as_table().fields) {
            const std::string k = key.is_string() ? key.as_string() : "?";
            if (k.rfind("__", 0) == 0 || k == "template" || k == "version") continue;
            if (k == "id") {
                if (auto id = value.as_integer(); id && *id > 0) f.id = *id;
                else problem("id: expected a positive integer");
            } else if (k == "fields") {
                read_fields(value, *slot->spec, f);
            } else if (k == "tables") {
                read_tables(value, *slot->index, f);
            } else if (k == "indicators") {
                read_indicators(value, *slot->index, f);
            } else if (k == "year") {
                // The budget year, in the template's year field (cases over several years).
                const auto year = value.as_integer();
                if (!year || *year < 1900 || *year > 2200) problem("year: expected a year such as 2024");
                else if (slot->spec->year_field.empty()) problem("year: template \"" + f.template_id + "\" has no year field");
                else f.fields[slot->spec->year_field] = std::to_string(*year);
            } else {
                problem("unknown key \"" + k + "\" (expected template, version, id, year, fields, tables, indicators)");
            }
        }
        if (!v.as_table().array.empty()) problem("unexpected list entries");
        if (problems_.size() != before) return std::nullopt;
        return f;
    }

private:
    CheckEngine::Impl& m_;
    std::vector<std::string>& problems_;
    std::string where_;

    void problem(const std::string& what) { problems_.push_back(where_ + ": " + what); }

    std::optional<std::string> text_of(const ScriptValue& v, const std::string& path) {
        if (v.is_string()) return v.as_string();
        if (auto i = v.as_integer()) return std::to_string(*i);
        problem(path + ": expected the text as filed (a string), got a " + v.type_name());
        return std::nullopt;
    }

    void read_cells(const ScriptValue& v, const std::string& path, const BlockSpec* block, TableRow& row) {
        if (!v.is_table()) {
            problem(path + ": expected { column = \"text\", … }");
            return;
        }
        for (const auto& [key, value] : v.as_table().fields) {
            const std::string k = key.is_string() ? key.as_string() : "?";
            if (block && std::none_of(block->columns.begin(), block->columns.end(), [&](const FieldSpec& c) { return c.id == k; })) {
                problem(path + ": table \"" + block->id + "\" has no column \"" + k + "\"");
                continue;
            }
            if (auto s = text_of(value, path + "." + k)) row.cells[k] = *s;
        }
    }

    void read_fields(const ScriptValue& v, const FormSpec& spec, Filing& f) {
        if (!v.is_table()) return problem("fields: expected { field = \"text\", … }");
        for (const auto& [key, value] : v.as_table().fields) {
            const std::string k = key.is_string() ? key.as_string() : "?";
            if (!spec.find_field(k)) {
                problem("fields: the template has no field \"" + k + "\"");
                continue;
            }
            if (auto s = text_of(value, "fields." + k)) f.fields[k] = *s;
        }
    }

    void read_tables(const ScriptValue& v, SpecIndex& index, Filing& f) {
        if (!v.is_table()) return problem("tables: expected { table = … }");
        for (const auto& [key, value] : v.as_table().fields) {
            const std::string id = key.is_string() ? key.as_string() : "?";
            const BlockSpec* block = index.table_block(id);
            const std::string path = "tables." + id;
            if (!block) {
                problem(path + ": the template has no table \"" + id + "\"");
                continue;
            }
            if (!value.is_table()) {
                problem(path + ": expected a table");
                continue;
            }
            Table& t = f.tables[id];
            if (block->kind == BlockKind::SpendingPlan) {
                t.rows.resize(1);
                read_cells(value, path, block, t.rows[0]);
            } else if (block->fixed_rows()) {
                t.rows.resize(block->rows.size());
                for (const auto& [rk, rv] : value.as_table().fields) {
                    const std::string rid = rk.is_string() ? rk.as_string() : "?";
                    auto it = std::find_if(block->rows.begin(), block->rows.end(), [&](const RowSpec& r) { return r.id == rid; });
                    if (it == block->rows.end()) problem(path + ": the table has no row \"" + rid + "\"");
                    else read_cells(rv, path + "." + rid, block, t.rows[static_cast<std::size_t>(it - block->rows.begin())]);
                }
                if (!value.as_table().array.empty()) problem(path + ": a fixed-rows table is written by row id");
            } else {
                const auto& rows = value.as_table().array;
                if (!value.as_table().fields.empty()) problem(path + ": a free-rows table is written as a list of rows");
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    t.rows.emplace_back();
                    read_cells(rows[i], path + "[" + std::to_string(i + 1) + "]", block, t.rows.back());
                }
            }
        }
    }

    void read_indicators(const ScriptValue& v, SpecIndex& index, Filing& f) {
        if (!v.is_table() || !v.as_table().fields.empty()) return problem("indicators: expected a list of { l1, l2, name, period = value }");
        const BlockSpec* block = index.indicators_block();
        if (!block) return problem("indicators: the template has no indicator table");
        const auto& list = v.as_table().array;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = "indicators[" + std::to_string(i + 1) + "]";
            const ScriptValue& item = list[i];
            if (!item.is_table()) {
                problem(path + ": expected { l1, l2, name, period = value }");
                continue;
            }
            Indicator ind;
            const auto& pos = item.as_table().array;
            if (pos.size() > 3) problem(path + ": at most three names (level 1, level 2, indicator)");
            std::string* slots[] = {&ind.level1, &ind.level2, &ind.name};
            for (std::size_t j = 0; j < pos.size() && j < 3; ++j)
                if (auto s = text_of(pos[j], path + "[" + std::to_string(j + 1) + "]")) *slots[j] = *s;
            for (const auto& [key, value] : item.as_table().fields) {
                const std::string k = key.is_string() ? key.as_string() : "?";
                auto s = text_of(value, path + "." + k);
                if (!s) continue;
                if (index.period_index(k) >= 0) ind.targets[k] = *s;
                else if (std::any_of(block->indicators.extra.begin(), block->indicators.extra.end(),
                                     [&](const FieldSpec& x) { return x.id == k; }))
                    ind.extra[k] = *s;
                else problem(path + ": the template has no period or extra column \"" + k + "\"");
            }
            f.indicators.push_back(std::move(ind));
        }
    }
};

// Matches reported findings to expected ones; what is left over on either side is a problem.
void compare(const CheckCase& k, const std::vector<Filing>& filings, const std::vector<Finding>& found,
             std::vector<std::string>& problems) {
    std::vector<bool> used(found.size(), false);
    for (const CheckCase::Expected& e : k.expect) {
        const std::int64_t id = filings[e.filing].id;
        bool matched = false;
        for (std::size_t i = 0; i < found.size() && !matched; ++i) {
            if (used[i] || found[i].filing != id || found[i].path != e.path) continue;
            if (!std::all_of(e.contains.begin(), e.contains.end(),
                             [&](const std::string& s) { return found[i].message_zh.find(s) != std::string::npos; }))
                continue;
            used[i] = matched = true;
        }
        if (!matched) {
            std::string want = "expected a finding at " + e.path;
            if (filings.size() > 1) want += " of filing " + std::to_string(e.filing + 1);
            for (const auto& s : e.contains) want += " containing \"" + s + "\"";
            problems.push_back(want);
        }
    }
    for (std::size_t i = 0; i < found.size(); ++i)
        if (!used[i]) problems.push_back("unexpected finding at " + found[i].path + ": " + found[i].message_zh);
}

}  // namespace

std::vector<CaseResult> CheckEngine::run_cases(const std::string& check_id) {
    Impl& m = *impl_;
    // Cases neither count towards nor are cut short by the live runs' failure record, and
    // they search their own filings (check.find, f:previous()), never the store.
    struct Restore {
        Impl& m;
        QueryFactory factory;
        ~Restore() {
            m.health = m.live_health;
            m.query_factory = std::move(factory);
            m.queries.reset();
            m.queries_opened = false;
        }
    } restore{m, m.query_factory};
    m.health = std::make_shared<CheckHealth>();
    std::vector<const LoadedCheck*> order;
    for (const LoadedCheck& c : m.checks)
        if (check_id.empty() || c.spec->id == check_id) order.push_back(&c);
    std::stable_sort(order.begin(), order.end(), [](const LoadedCheck* a, const LoadedCheck* b) { return a->spec->id < b->spec->id; });

    std::vector<CaseResult> results;
    for (const LoadedCheck* c : order) {
        for (const CheckCase& k : c->spec->cases) {
            CaseResult r{c->spec->id, k.name, c->spec->file, k.line, false, {}, {}};
            std::vector<Filing> filings;
            CaseBuilder builder(m, r.problems);
            std::string default_template = k.template_id;
            for (std::size_t i = 0; i < k.filings.size(); ++i) {
                if (auto f = builder.build(k.filings[i], default_template, i + 1)) {
                    if (default_template.empty()) default_template = f->template_id;
                    filings.push_back(std::move(*f));
                }
            }
            if (r.problems.empty() && filings.empty()) r.problems.push_back("the case has no filing");
            if (!r.problems.empty()) {
                results.push_back(std::move(r));
                continue;
            }
            // The case's filings are what check.find and f:previous() search.
            m.query_factory = [&filings, &m] {
                return std::make_unique<MemoryQueries>(filings, [&m](const Filing& f) {
                    const TemplateSlot* s = m.slot(f);
                    return FilingHeader{f.id, f.template_id, s ? filing_title(f, *s->spec) : std::string(),
                                        s ? filing_year(f, *s->spec) : std::nullopt, f.template_version};
                });
            };
            m.queries.reset();
            m.queries_opened = false;
            // Grouped as the engine groups them: filing 1 and those of its group.
            std::vector<GroupInput> inputs;
            for (const Filing& f : filings) {
                TemplateSlot* s = m.slot(f);
                inputs.push_back({m.department_key(f, *s->index), m.fallback_key(f, *s->index)});
            }
            const std::vector<std::string> departments = assign_groups(inputs);
            const CheckScope scope = c->spec->scope;
            const bool group = scope != CheckScope::Filing;
            std::vector<std::unique_ptr<FilingView>> all_views;
            for (std::size_t i = 0; i < filings.size(); ++i) {
                TemplateSlot* s = m.slot(filings[i]);
                all_views.push_back(std::make_unique<FilingView>(filings[i], *s->index, departments[i]));
            }
            std::vector<std::string> groups(filings.size());
            for (std::size_t i = 0; i < filings.size(); ++i) {
                switch (scope) {
                    case CheckScope::Department: groups[i] = departments[i]; break;
                    case CheckScope::Year: groups[i] = all_views[i]->year() ? std::to_string(*all_views[i]->year()) : ""; break;
                    case CheckScope::All: groups[i] = "all"; break;
                    case CheckScope::Group:
                        if (auto error = m.call_group(*c->spec, *all_views[i], groups[i]))
                            r.problems.push_back("group(f) of filing " + std::to_string(i + 1) + ": " + error->to_string());
                        break;
                    case CheckScope::Filing: break;
                }
            }
            std::vector<std::unique_ptr<FilingView>> views;
            std::vector<FilingView*> pointers;
            for (std::size_t i = 0; i < filings.size(); ++i) {
                if (i > 0 && (!group || groups[i].empty() || groups[i] != groups[0])) continue;
                views.push_back(std::move(all_views[i]));
                pointers.push_back(views.back().get());
            }
            CheckReport report;
            Outcome outcome;
            const SlotCheck* preset = nullptr;
            if (!group)
                for (const SlotCheck& sc : m.slot(filings[0])->filing_checks)
                    if (sc.check == c) preset = &sc;
            if (!group && !preset) {
                outcome = Outcome::NotApplicable;  // the engine would not run it on this template
            } else if (group && [&] {
                           for (const Filing& f : filings) {
                               const SlotCheck* d = c->spec->applies_to(f.template_id) ? m.slot(f)->group_check(c) : nullptr;
                               if (d && d->preset == Outcome::Passed) return false;
                           }
                           return true;
                       }()) {
                outcome = Outcome::NotApplicable;  // `applies` said no for every template it matches
            } else if (group && groups[0].empty()) {
                outcome = Outcome::Insufficient;  // the engine cannot group a filing without its key
            } else if (!group) {
                outcome = m.run_filing_check(*preset, *pointers[0], report, 20);
            } else {
                outcome = m.run(*c, pointers, group, report, 20);
            }
            if (outcome == Outcome::ScriptError || outcome == Outcome::Stopped) {
                r.problems.push_back(std::string(to_string(outcome)) + ": " + (report.notes.empty() ? "" : report.notes.back().detail));
            } else {
                if (outcome != k.outcome)
                    r.problems.push_back(std::string("expected the outcome ") + to_string(k.outcome) + ", got " + to_string(outcome) +
                                         (report.notes.empty() ? "" : " (" + report.notes.back().detail + ")"));
                compare(k, filings, report.findings, r.problems);
            }
            for (const LogLine& l : report.log) r.log.push_back(l.text);
            m.retire_boxes();
            r.passed = r.problems.empty();
            results.push_back(std::move(r));
        }
    }
    return results;
}

}  // namespace formwork::script
