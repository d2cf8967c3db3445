// A filing to and from the Lua table of migrate steps (see filing_table.h).
#include "templates/filing_table.h"

#include <algorithm>
#include <cstdio>

#include "core/filing_cells.h"
#include "core/filing_places.h"

namespace formwork::script {

namespace {

ScriptValue text(const std::string& s) { return ScriptValue::string(s); }

ScriptValue row_table(const TableRow& row) {
    ScriptTable t;
    for (const auto& [column, value] : row.cells) t.set(column, text(value));
    return ScriptValue::table(std::move(t));
}

ScriptValue cells_table(const std::map<std::string, std::string>& cells) {
    ScriptTable t;
    for (const auto& [id, value] : cells) t.set(id, text(value));
    return ScriptValue::table(std::move(t));
}

ScriptValue table_value(const Table& table, const BlockSpec* block) {
    ScriptTable t;
    const bool plan = block && block->kind == BlockKind::SpendingPlan;
    const bool fixed = block && block->kind == BlockKind::Table && block->fixed_rows();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (plan && r == 0) {
            for (const auto& [column, value] : table.rows[0].cells) t.set(column, text(value));
        } else if (fixed && r < block->rows.size()) {
            t.set(block->rows[r].id, row_table(table.rows[r]));
        } else {
            // A free row, or a row past the template's fixed ones: by number. A step sees the
            // row at the same index it has in the filing (plans and fixed tables: past theirs).
            t.array.push_back(row_table(table.rows[r]));
        }
    }
    return ScriptValue::table(std::move(t));
}

class Reader {
public:
    explicit Reader(const FormSpec& spec) : spec_(spec) {
        out_.filing.template_id = spec.id;
        out_.filing.template_version = spec.version;
    }

    FilingFromTable read(const ScriptValue& v) {
        if (!v.is_table()) {
            problem("", std::string("a step returns the filing's table, got ") + (v.is_nil() ? "nothing (nil)" : std::string("a ") + v.type_name()));
            return std::move(out_);
        }
        if (!v.as_table().array.empty()) problem("", "unexpected list entries (expected fields, tables, indicators, notes)");
        for (const auto& [key, value] : v.as_table().fields) {
            const std::string k = key.is_string() ? key.as_string() : "?";
            if (value.is_nil()) continue;
            if (k == "fields") fields(value);
            else if (k == "tables") tables(value);
            else if (k == "indicators") indicators(value);
            else if (k == "notes") notes(value);
            else problem(k, "unknown key (expected fields, tables, indicators, notes)");
        }
        return std::move(out_);
    }

private:
    const FormSpec& spec_;
    FilingFromTable out_;

    void problem(const std::string& path, const std::string& what) { out_.problems.push_back(path.empty() ? what : path + ": " + what); }

    void unplaced(std::string key, const std::string& value) {
        if (value.empty()) return;
        std::string label = place_label(key, &spec_);
        out_.unplaced.push_back({std::move(key), std::move(label), value});
    }

    // The text of a value: a string, or a number as Lua prints it.
    bool text_of(const ScriptValue& v, const std::string& path, std::string& out) {
        if (v.is_string()) {
            out = v.as_string();
            return true;
        }
        if (auto i = v.as_integer()) {
            out = std::to_string(*i);
            return true;
        }
        if (v.is_number()) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.14g", v.as_number());
            out = buf;
            return true;
        }
        problem(path, std::string("expected the text as filed, got a ") + v.type_name());
        return false;
    }

    bool is_map(const ScriptValue& v, const std::string& path, const char* what) {
        if (v.is_table()) return true;
        problem(path, std::string("expected ") + what + ", got a " + v.type_name());
        return false;
    }

    static std::string key_text(const ScriptValue& key) {
        if (key.is_string()) return key.as_string();
        if (auto i = key.as_integer()) return std::to_string(*i);
        return "?";
    }

    void fields(const ScriptValue& v) {
        if (!is_map(v, "fields", "{ field = \"text\", … }")) return;
        for (const auto& [key, value] : v.as_table().fields) {
            const std::string id = key_text(key);
            std::string s;
            if (value.is_nil() || !text_of(value, "fields." + id, s)) continue;
            if (spec_.find_field(id)) out_.filing.fields[id] = s;
            else unplaced("f/" + escape_cell_id(id), s);
        }
        for (std::size_t i = 0; i < v.as_table().array.size(); ++i) {
            std::string s;
            if (text_of(v.as_table().array[i], "fields[" + std::to_string(i + 1) + "]", s)) unplaced("f/" + std::to_string(i + 1), s);
        }
    }

    // The cells of one row into `row` (columns the block has) or unplaced.
    void cells(const ScriptValue& v, const std::string& path, const BlockSpec* block, const std::string& key_base, TableRow* row) {
        if (!is_map(v, path, "{ column = \"text\", … }")) return;
        auto cell = [&](const std::string& column, const ScriptValue& value) {
            std::string s;
            if (value.is_nil() || !text_of(value, path + "." + column, s)) return;
            const bool known = row && block &&
                               std::any_of(block->columns.begin(), block->columns.end(), [&](const FieldSpec& c) { return c.id == column; });
            if (known) row->cells[column] = s;
            else unplaced(key_base + escape_cell_id(column), s);
        };
        for (const auto& [key, value] : v.as_table().fields) cell(key_text(key), value);
        for (std::size_t i = 0; i < v.as_table().array.size(); ++i) cell(std::to_string(i + 1), v.as_table().array[i]);
    }

    void tables(const ScriptValue& v) {
        if (!is_map(v, "tables", "{ table = … }")) return;
        for (const auto& [key, value] : v.as_table().fields) {
            const std::string id = key_text(key);
            const std::string path = "tables." + id;
            if (value.is_nil() || !is_map(value, path, "a table of rows")) continue;
            const BlockSpec* block = spec_.find_block(id);
            if (block && block->kind != BlockKind::Table && block->kind != BlockKind::SpendingPlan) block = nullptr;
            const std::string base = "t/" + escape_cell_id(id) + "/";
            const ScriptTable& t = value.as_table();
            if (!block) {
                // The version has no such table: every cell is unplaced.
                for (const auto& [rk, rv] : t.fields) {
                    if (rv.is_table()) cells(rv, path + "." + key_text(rk), nullptr, base + escape_cell_id(key_text(rk)) + "/", nullptr);
                    else {
                        std::string s;
                        if (text_of(rv, path + "." + key_text(rk), s)) unplaced(base + "#0/" + escape_cell_id(key_text(rk)), s);
                    }
                }
                for (std::size_t r = 0; r < t.array.size(); ++r)
                    cells(t.array[r], path + "[" + std::to_string(r + 1) + "]", nullptr, base + "#" + std::to_string(r) + "/", nullptr);
                continue;
            }
            Table& table = out_.filing.tables[id];
            if (block->kind == BlockKind::SpendingPlan) {
                table.rows.resize(1);
                ScriptTable points;
                points.fields = t.fields;
                cells(ScriptValue::table(std::move(points)), path, block, base + "#0/", &table.rows[0]);
                for (std::size_t r = 0; r < t.array.size(); ++r)
                    cells(t.array[r], path + "[" + std::to_string(r + 1) + "]", nullptr, base + "#" + std::to_string(r + 1) + "/", nullptr);
            } else if (block->fixed_rows()) {
                // Every fixed row the version has, filled where the step gave its id.
                table.rows.resize(block->rows.size());
                for (const auto& [rk, rv] : t.fields) {
                    const std::string rid = key_text(rk);
                    auto it = std::find_if(block->rows.begin(), block->rows.end(), [&](const RowSpec& r) { return r.id == rid; });
                    TableRow* row = it == block->rows.end() ? nullptr : &table.rows[static_cast<std::size_t>(it - block->rows.begin())];
                    if (!rv.is_nil()) cells(rv, path + "." + rid, block, base + escape_cell_id(rid) + "/", row);
                }
                for (std::size_t r = 0; r < t.array.size(); ++r)
                    cells(t.array[r], path + "[" + std::to_string(r + 1) + "]", nullptr,
                          base + "#" + std::to_string(block->rows.size() + r) + "/", nullptr);
            } else {
                for (std::size_t r = 0; r < t.array.size(); ++r) {
                    table.rows.emplace_back();
                    cells(t.array[r], path + "[" + std::to_string(r + 1) + "]", block, base + "#" + std::to_string(r) + "/", &table.rows.back());
                }
                for (const auto& [rk, rv] : t.fields)
                    if (!rv.is_nil()) cells(rv, path + "." + key_text(rk), nullptr, base + escape_cell_id(key_text(rk)) + "/", nullptr);
            }
        }
    }

    void indicators(const ScriptValue& v) {
        if (!is_map(v, "indicators", "a list of indicators")) return;
        const BlockSpec* block = nullptr;
        for (const auto& b : spec_.blocks)
            if (b.kind == BlockKind::Indicators) block = &b;
        const auto& list = v.as_table().array;
        if (!v.as_table().fields.empty()) problem("indicators", "expected a list { { level1 = …, name = … }, … }");
        for (std::size_t n = 0; n < list.size(); ++n) {
            const std::string path = "indicators[" + std::to_string(n + 1) + "]";
            if (!is_map(list[n], path, "{ level1 = …, level2 = …, name = …, targets = { … }, extra = { … } }")) continue;
            const std::string base = "i/" + std::to_string(n) + "/";
            Indicator ind;
            for (const auto& [key, value] : list[n].as_table().fields) {
                const std::string k = key_text(key);
                if (value.is_nil()) continue;
                std::string s;
                if (k == "level1" || k == "level2" || k == "name") {
                    if (!text_of(value, path + "." + k, s)) continue;
                    if (!block) unplaced(base + (k == "level1" ? "l1" : k == "level2" ? "l2" : "name"), s);
                    else (k == "level1" ? ind.level1 : k == "level2" ? ind.level2 : ind.name) = s;
                } else if (k == "targets" || k == "extra") {
                    if (!is_map(value, path + "." + k, "{ column = \"text\", … }")) continue;
                    const bool targets = k == "targets";
                    const auto& columns = !block ? std::vector<FieldSpec>{} : targets ? block->indicators.periods : block->indicators.extra;
                    for (const auto& [ck, cv] : value.as_table().fields) {
                        const std::string column = key_text(ck);
                        if (cv.is_nil() || !text_of(cv, path + "." + k + "." + column, s)) continue;
                        if (std::any_of(columns.begin(), columns.end(), [&](const FieldSpec& c) { return c.id == column; }))
                            (targets ? ind.targets : ind.extra)[column] = s;
                        else unplaced(base + (targets ? "t/" : "x/") + escape_cell_id(column), s);
                    }
                } else {
                    problem(path + "." + k, "unknown key (expected level1, level2, name, targets, extra)");
                }
            }
            if (block) out_.filing.indicators.push_back(std::move(ind));
        }
    }

    void notes(const ScriptValue& v) {
        if (!is_map(v, "notes", "a list of notes")) return;
        const auto& list = v.as_table().array;
        for (std::size_t n = 0; n < list.size(); ++n) {
            const std::string path = "notes[" + std::to_string(n + 1) + "]";
            Note note{"migrate", ""};
            if (list[n].is_table()) {
                const ScriptValue* kind = list[n].get("kind");
                const ScriptValue* body = list[n].get("text");
                if (kind && !kind->is_nil() && !text_of(*kind, path + ".kind", note.kind)) continue;
                if (!body || !text_of(*body, path + ".text", note.text)) continue;
            } else if (!text_of(list[n], path, note.text)) {
                continue;
            }
            out_.filing.notes.push_back(std::move(note));
        }
    }
};

}  // namespace

ScriptValue filing_table(const Filing& filing, const FormSpec* spec) {
    ScriptTable fields, tables, indicators, notes;
    for (const auto& [id, value] : filing.fields) fields.set(id, text(value));
    for (const auto& [id, table] : filing.tables) {
        const BlockSpec* block = spec ? spec->find_block(id) : nullptr;
        tables.set(id, table_value(table, block));
    }
    for (const Indicator& ind : filing.indicators) {
        ScriptTable t;
        t.set("level1", text(ind.level1));
        t.set("level2", text(ind.level2));
        t.set("name", text(ind.name));
        t.set("targets", cells_table(ind.targets));
        t.set("extra", cells_table(ind.extra));
        indicators.array.push_back(ScriptValue::table(std::move(t)));
    }
    for (const Note& n : filing.notes) {
        ScriptTable t;
        t.set("kind", text(n.kind));
        t.set("text", text(n.text));
        notes.array.push_back(ScriptValue::table(std::move(t)));
    }
    ScriptTable root;
    root.set("fields", ScriptValue::table(std::move(fields)));
    root.set("tables", ScriptValue::table(std::move(tables)));
    root.set("indicators", ScriptValue::table(std::move(indicators)));
    root.set("notes", ScriptValue::table(std::move(notes)));
    return ScriptValue::table(std::move(root));
}

FilingFromTable filing_from_table(const ScriptValue& table, const FormSpec& spec) { return Reader(spec).read(table); }

}  // namespace formwork::script
