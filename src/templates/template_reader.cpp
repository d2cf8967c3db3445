// ScriptValue → FormSpec with every mistake reported (see template_reader.h).
#include "templates/template_reader.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "lua/pattern_check.h"

namespace formwork::script {

std::string TemplateProblem::to_string() const {
    std::string s = file;
    if (line > 0) s += ":" + std::to_string(line);
    s += ": ";
    if (!path.empty()) s += path + ": ";
    return s + message;
}

namespace {

using Keys = std::set<std::string, std::less<>>;

std::string quoted(const ScriptValue& v) {
    if (v.is_string()) return "\"" + v.as_string() + "\"";
    if (v.is_number()) {
        if (auto i = v.as_integer()) return std::to_string(*i);
        return std::to_string(v.as_number());
    }
    if (v.is_nil()) return "nothing (nil)";
    return std::string("a ") + v.type_name();
}

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

bool is_identifier(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool is_template_id(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

class Reader {
public:
    Reader(const std::string& file, int fallback_line) : file_(file), fallback_line_(fallback_line) {}

    TemplateReadResult read(const ScriptValue& root) {
        TemplateReadResult out;
        if (!root.is_table()) {
            problem(fallback_line_, "", std::string("a template must return form.template{ … }, got ") + quoted(root));
            out.problems = std::move(problems_);
            return out;
        }
        const int line = line_of(root, fallback_line_);
        FormSpec& s = out.spec;
        s.source = file_;
        if (!read_api(root, line)) {
            out.problems = std::move(problems_);
            return out;
        }
        check_keys(root, "", line,
                   {"api", "id", "version", "title", "title_en", "family", "region", "region_en", "level", "year", "money_unit",
                    "title_field", "year_field", "total", "blocks", "computed", "grades", "options", "hooks", "import", "migrate",
                    "next_year"});
        s.id = string_of(root, "id", "id", line, true);
        if (!s.id.empty() && !is_template_id(s.id))
            problem(line, "id", "expected lower-case letters, digits and '-', got \"" + s.id + "\"");
        s.version = int_of(root, "version", "version", line, true, 1, 1'000'000);
        s.title = string_of(root, "title", "title", line, true);
        s.family = string_of(root, "family", "family", line, true);
        s.region = string_of(root, "region", "region", line, false);
        s.title_en = string_of(root, "title_en", "title_en", line, false);
        s.region_en = string_of(root, "region_en", "region_en", line, false);
        s.level = string_of(root, "level", "level", line, false);
        s.year = int_of(root, "year", "year", line, false, 1900, 2200);
        if (root.get("money_unit")) s.money_unit = string_of(root, "money_unit", "money_unit", line, true);
        s.title_field = string_of(root, "title_field", "title_field", line, true);
        s.year_field = string_of(root, "year_field", "year_field", line, false);
        s.total_ref = string_of(root, "total", "total", line, false);

        read_blocks(root, line, s);
        read_computed(root, line, s);
        s.grades = string_list(root.get("grades"), "grades", line);
        read_options(root, line, s);
        read_hooks(root, line, s, out.hooks);
        check_cross_references(s, line);
        read_import(root, line, s);
        read_migrate(root, line, s, out.migrate);
        read_next_year(root, line, s);

        out.problems = std::move(problems_);
        return out;
    }

private:
    // What a template may describe: it is data for the importer, the shell and the checks,
    // and a description built by a loop (a million aliases, a megabyte label, 40 title
    // patterns tried on every line of every imported file) must be refused, not served.
    static constexpr std::size_t kMaxListItems = 200;    // entries of any list
    static constexpr std::size_t kMaxNameBytes = 256;    // an id, label, name, alias or pattern
    static constexpr std::size_t kMaxTextBytes = 4096;   // help and other texts
    static constexpr std::size_t kMaxTitlePatterns = 16;  // import.titles

    const std::string& file_;
    int fallback_line_;
    std::vector<TemplateProblem> problems_;

    void problem(int line, std::string path, std::string message) {
        problems_.push_back({file_, line, std::move(path), std::move(message)});
    }

    static int line_of(const ScriptValue& v, int inherited) {
        if (const ScriptValue* l = v.get("__line"))
            if (auto i = l->as_integer(); i && *i > 0) return static_cast<int>(*i);
        return inherited;
    }

    static std::string ctor_of(const ScriptValue& v) {
        const ScriptValue* c = v.get("__ctor");
        return c && c->is_string() ? c->as_string() : std::string();
    }

    void check_keys(const ScriptValue& t, const std::string& path, int line, const Keys& allowed) {
        const ScriptTable& table = t.as_table();
        if (!table.array.empty())
            problem(line, path, "unexpected list entries (" + std::to_string(table.array.size()) +
                                    "); expected only named keys");
        for (const auto& [key, value] : table.fields) {
            if (!key.is_string()) {
                problem(line, path, "unexpected key " + quoted(key));
                continue;
            }
            const std::string& k = key.as_string();
            if (k.rfind("__", 0) == 0 || allowed.count(k)) continue;
            std::vector<std::string> names(allowed.begin(), allowed.end());
            problem(line, path.empty() ? k : path + "." + k, "unknown key (expected one of " + join(names) + ")");
        }
    }

    std::string string_of(const ScriptValue& t, std::string_view key, const std::string& path, int line, bool required) {
        const ScriptValue* v = t.get(key);
        if (!v || v->is_nil()) {
            if (required) problem(line, path, "missing (a string is required)");
            return {};
        }
        if (!v->is_string()) {
            problem(line, path, "expected a string, got " + quoted(*v));
            return {};
        }
        if (required && v->as_string().empty()) problem(line, path, "must not be empty");
        const bool name = key == "label" || key == "name" || key == "title" || key == "title_en" || key == "id" || key == "pattern";
        const std::size_t limit = name ? kMaxNameBytes : kMaxTextBytes;
        if (v->as_string().size() > limit) {
            problem(line, path, "longer than " + std::to_string(limit) + " bytes (the limit)");
            return {};
        }
        return v->as_string();
    }

    int int_of(const ScriptValue& t, std::string_view key, const std::string& path, int line, bool required, int lo, int hi) {
        const ScriptValue* v = t.get(key);
        if (!v || v->is_nil()) {
            if (required) problem(line, path, "missing (an integer is required)");
            return 0;
        }
        auto i = v->as_integer();
        if (!i || *i < lo || *i > hi) {
            problem(line, path, "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi) +
                                    ", got " + quoted(*v));
            return 0;
        }
        return static_cast<int>(*i);
    }

    bool bool_of(const ScriptValue& t, std::string_view key, const std::string& path, int line) {
        const ScriptValue* v = t.get(key);
        if (!v || v->is_nil()) return false;
        if (!v->is_boolean()) {
            problem(line, path, "expected true or false, got " + quoted(*v));
            return false;
        }
        return v->as_boolean();
    }

    std::vector<std::string> string_list(const ScriptValue* v, const std::string& path, int line) {
        std::vector<std::string> out;
        if (!v || v->is_nil()) return out;
        if (!v->is_table() || !v->as_table().fields.empty()) {
            problem(line, path, "expected a list of strings, got " + quoted(*v));
            return out;
        }
        const auto& arr = v->as_table().array;
        if (arr.size() > kMaxListItems) {
            problem(line, path, "more than " + std::to_string(kMaxListItems) + " entries (the limit)");
            return out;
        }
        for (size_t i = 0; i < arr.size(); ++i) {
            if (!arr[i].is_string() || arr[i].as_string().empty())
                problem(line, path + "[" + std::to_string(i + 1) + "]", "expected a non-empty string, got " + quoted(arr[i]));
            else if (arr[i].as_string().size() > kMaxNameBytes)
                problem(line, path + "[" + std::to_string(i + 1) + "]",
                        "longer than " + std::to_string(kMaxNameBytes) + " bytes (the limit)");
            else
                out.push_back(arr[i].as_string());
        }
        return out;
    }

    // A list of tables: calls `each(item, path, line)` for each entry.
    template <class F>
    void for_each_item(const ScriptValue* v, const std::string& path, int line, bool required, F each) {
        if (!v || v->is_nil()) {
            if (required) problem(line, path, "missing (a list is required)");
            return;
        }
        if (!v->is_table() || !v->as_table().fields.empty()) {
            problem(line, path, "expected a list { … }, got " + (v->is_table() ? std::string("a table with named keys") : quoted(*v)));
            return;
        }
        const auto& arr = v->as_table().array;
        if (required && arr.empty()) problem(line, path, "must not be empty");
        if (arr.size() > kMaxListItems) {
            problem(line, path, "more than " + std::to_string(kMaxListItems) + " entries (the limit)");
            return;
        }
        for (size_t i = 0; i < arr.size(); ++i) {
            const std::string item_path = path + "[" + std::to_string(i + 1) + "]";
            if (!arr[i].is_table()) {
                problem(line, item_path, "expected a table, got " + quoted(arr[i]));
                continue;
            }
            each(arr[i], item_path, line_of(arr[i], line));
        }
    }

    bool read_api(const ScriptValue& root, int line) {
        const ScriptValue* v = root.get("api");
        if (!v || v->is_nil()) {
            problem(line, "api", "missing: write api = " + std::to_string(kTemplateApi) +
                                     " (the template language version this file is written for)");
            return false;
        }
        long major = -1;
        if (auto i = v->as_integer()) {
            major = static_cast<long>(*i);
        } else if (v->is_string()) {
            const std::string& s = v->as_string();
            size_t digits = 0;
            while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
            if (digits > 0 && digits < 6 && (digits == s.size() || s[digits] == '.')) major = std::stol(s.substr(0, digits));
        }
        if (major < 0) {
            problem(line, "api", "expected a version number such as 1 or \"1.0\", got " + quoted(*v));
            return false;
        }
        if (major != kTemplateApi) {
            problem(line, "api", "this template is written for template api " + std::to_string(major) +
                                     ", but this Formwork reads api " + std::to_string(kTemplateApi) +
                                     "; the template was refused (update Formwork, or rewrite the template for api " +
                                     std::to_string(kTemplateApi) + ")");
            return false;
        }
        return true;
    }

    FieldSpec read_field(const ScriptValue& t, const std::string& path, int line) {
        FieldSpec f;
        f.line = line;
        check_keys(t, path, line, {"id", "label", "aliases", "kind", "options", "required", "help"});
        f.id = string_of(t, "id", path + ".id", line, true);
        if (!f.id.empty() && !is_identifier(f.id))
            problem(line, path + ".id", "expected letters, digits and '_' (not starting with a digit), got \"" + f.id + "\"");
        f.label = string_of(t, "label", path + ".label", line, true);
        f.aliases = string_list(t.get("aliases"), path + ".aliases", line);
        const ScriptValue* kind = t.get("kind");
        const auto& names = value_kind_names();
        if (!kind || kind->is_nil()) {
            problem(line, path + ".kind", "missing: use form.text{}, form.money{} … or give kind = one of " + join(names));
        } else {
            auto it = kind->is_string() ? std::find(names.begin(), names.end(), kind->as_string()) : names.end();
            if (it == names.end())
                problem(line, path + ".kind", "expected one of " + join(names) + ", got " + quoted(*kind));
            else
                f.kind = static_cast<ValueKind>(it - names.begin());
        }
        f.options = string_list(t.get("options"), path + ".options", line);
        if (f.kind == ValueKind::Enum && f.options.empty()) problem(line, path + ".options", "an enum needs a list of options");
        if (f.kind != ValueKind::Enum && !f.options.empty()) problem(line, path + ".options", "only an enum has options");
        f.required = bool_of(t, "required", path + ".required", line);
        f.help = string_of(t, "help", path + ".help", line, false);
        return f;
    }

    std::vector<FieldSpec> read_fields(const ScriptValue* v, const std::string& path, int line, bool required) {
        std::vector<FieldSpec> out;
        std::set<std::string> ids;
        for_each_item(v, path, line, required, [&](const ScriptValue& t, const std::string& p, int l) {
            FieldSpec f = read_field(t, p, l);
            if (!f.id.empty() && !ids.insert(f.id).second) problem(l, p + ".id", "\"" + f.id + "\" is used twice in this list");
            out.push_back(std::move(f));
        });
        return out;
    }

    void read_blocks(const ScriptValue& root, int line, FormSpec& s) {
        std::set<std::string> block_ids, field_ids;
        for_each_item(root.get("blocks"), "blocks", line, true, [&](const ScriptValue& t, const std::string& path, int l) {
            BlockSpec b;
            b.line = l;
            const std::string ctor = ctor_of(t);
            if (ctor == "fields") b.kind = BlockKind::Fields;
            else if (ctor == "table") b.kind = BlockKind::Table;
            else if (ctor == "indicators") b.kind = BlockKind::Indicators;
            else if (ctor == "spending_plan") b.kind = BlockKind::SpendingPlan;
            else {
                problem(l, path, "make each block with form.fields{}, form.table{}, form.indicators{} or form.spending_plan{}" +
                                     (ctor.empty() ? std::string() : " (got form." + ctor + "{})"));
                return;
            }
            b.id = string_of(t, "id", path + ".id", l, true);
            if (!b.id.empty() && !is_identifier(b.id)) problem(l, path + ".id", "expected letters, digits and '_', got \"" + b.id + "\"");
            if (!b.id.empty() && !block_ids.insert(b.id).second) problem(l, path + ".id", "block id \"" + b.id + "\" is used twice");
            b.label = string_of(t, "label", path + ".label", l, b.kind == BlockKind::Table);
            b.aliases = string_list(t.get("aliases"), path + ".aliases", l);
            switch (b.kind) {
                case BlockKind::Fields:
                    check_keys(t, path, l, {"id", "label", "aliases", "fields"});
                    b.fields = read_fields(t.get("fields"), path + ".fields", l, true);
                    for (const auto& f : b.fields)
                        if (!f.id.empty() && !field_ids.insert(f.id).second)
                            problem(f.line, path + ".fields", "field id \"" + f.id + "\" is already used by another block");
                    break;
                case BlockKind::Table: read_table(t, path, l, b); break;
                case BlockKind::Indicators: read_indicators(t, path, l, b); break;
                case BlockKind::SpendingPlan:
                    check_keys(t, path, l, {"id", "label", "aliases", "points"});
                    b.columns = read_fields(t.get("points"), path + ".points", l, true);
                    for (size_t i = 0; i < b.columns.size(); ++i)
                        if (b.columns[i].kind != ValueKind::Percent)
                            problem(b.columns[i].line, path + ".points[" + std::to_string(i + 1) + "].kind",
                                    "a spending plan point is a percent (use form.percent{})");
                    break;
            }
            s.blocks.push_back(std::move(b));
        });
    }

    void read_table(const ScriptValue& t, const std::string& path, int l, BlockSpec& b) {
        check_keys(t, path, l, {"id", "label", "aliases", "unit", "columns", "rows", "total"});
        b.unit = string_of(t, "unit", path + ".unit", l, false);
        b.columns = read_fields(t.get("columns"), path + ".columns", l, true);
        std::set<std::string> row_ids;
        for_each_item(t.get("rows"), path + ".rows", l, false, [&](const ScriptValue& r, const std::string& rp, int rl) {
            RowSpec row;
            row.line = rl;
            check_keys(r, rp, rl, {"id", "label", "aliases", "indent", "sum_of"});
            row.id = string_of(r, "id", rp + ".id", rl, true);
            if (!row.id.empty() && !row_ids.insert(row.id).second) problem(rl, rp + ".id", "row id \"" + row.id + "\" is used twice");
            row.label = string_of(r, "label", rp + ".label", rl, true);
            row.aliases = string_list(r.get("aliases"), rp + ".aliases", rl);
            row.indent = int_of(r, "indent", rp + ".indent", rl, false, 0, 9);
            if (const ScriptValue* sum = r.get("sum_of"); sum && !sum->is_nil()) {
                // Either a list of row ids or a list of such lists.
                const bool nested = sum->is_table() && !sum->as_table().array.empty() && sum->as_table().array[0].is_table();
                if (nested) {
                    const auto& arr = sum->as_table().array;
                    for (size_t i = 0; i < arr.size(); ++i)
                        row.sum_of.push_back(string_list(&arr[i], rp + ".sum_of[" + std::to_string(i + 1) + "]", rl));
                } else {
                    row.sum_of.push_back(string_list(sum, rp + ".sum_of", rl));
                }
            }
            b.rows.push_back(std::move(row));
        });
        for (const auto& row : b.rows)
            for (size_t d = 0; d < row.sum_of.size(); ++d)
                for (const auto& part : row.sum_of[d]) {
                    if (!row_ids.count(part))
                        problem(row.line, path + ".rows." + row.id + ".sum_of", "no row \"" + part + "\" in table \"" + b.id + "\"");
                    else if (part == row.id)
                        problem(row.line, path + ".rows." + row.id + ".sum_of", "a row cannot be part of itself");
                }
        if (const ScriptValue* total = t.get("total"); total && !total->is_nil()) {
            if (!total->is_table()) {
                problem(l, path + ".total", "expected { label = …, columns = { … } }, got " + quoted(*total));
                return;
            }
            check_keys(*total, path + ".total", l, {"label", "columns"});
            b.total_label = string_of(*total, "label", path + ".total.label", l, true);
            b.total_columns = string_list(total->get("columns"), path + ".total.columns", l);
            if (b.fixed_rows()) problem(l, path + ".total", "a total row is for tables with free rows (this one has fixed rows)");
            for (const auto& c : b.total_columns) {
                auto it = std::find_if(b.columns.begin(), b.columns.end(), [&](const FieldSpec& f) { return f.id == c; });
                if (it == b.columns.end()) problem(l, path + ".total.columns", "no column \"" + c + "\" in this table");
                else if (it->kind != ValueKind::Money && it->kind != ValueKind::Integer && it->kind != ValueKind::Percent)
                    problem(l, path + ".total.columns", "column \"" + c + "\" is " + to_string(it->kind) + ", not a number");
            }
        }
    }

    void read_indicators(const ScriptValue& t, const std::string& path, int l, BlockSpec& b) {
        check_keys(t, path, l, {"id", "label", "aliases", "periods", "extra", "tree"});
        IndicatorsSpec& ind = b.indicators;
        ind.periods = read_fields(t.get("periods"), path + ".periods", l, true);
        for (size_t i = 0; i < ind.periods.size(); ++i)
            if (ind.periods[i].kind != ValueKind::Target)
                problem(ind.periods[i].line, path + ".periods[" + std::to_string(i + 1) + "].kind",
                        "a period column holds target values (use form.target{})");
        ind.extra = read_fields(t.get("extra"), path + ".extra", l, false);
        for (const auto& e : ind.extra)
            for (const auto& p : ind.periods)
                if (e.id == p.id) problem(e.line, path + ".extra", "\"" + e.id + "\" is already a period column");
        std::set<std::string> names;
        for_each_item(t.get("tree"), path + ".tree", l, true, [&](const ScriptValue& n1, const std::string& p1, int l1) {
            Level1Spec lv1;
            lv1.line = l1;
            check_keys(n1, p1, l1, {"name", "aliases", "required", "level2"});
            lv1.name = string_of(n1, "name", p1 + ".name", l1, true);
            if (!lv1.name.empty() && !names.insert(lv1.name).second) problem(l1, p1 + ".name", "\"" + lv1.name + "\" is listed twice");
            lv1.aliases = string_list(n1.get("aliases"), p1 + ".aliases", l1);
            lv1.required = bool_of(n1, "required", p1 + ".required", l1);
            const ScriptValue* l2 = n1.get("level2");
            if (l2 && !l2->is_nil()) {
                if (!l2->is_table() || !l2->as_table().fields.empty()) {
                    problem(l1, p1 + ".level2", "expected a list of names or form.level2{} entries");
                } else {
                    const auto& arr = l2->as_table().array;
                    std::set<std::string> l2names;
                    for (size_t i = 0; i < arr.size(); ++i) {
                        const std::string p2 = p1 + ".level2[" + std::to_string(i + 1) + "]";
                        Level2Spec lv2;
                        if (arr[i].is_string()) {
                            lv2.name = arr[i].as_string();
                        } else if (arr[i].is_table()) {
                            const int l2line = line_of(arr[i], l1);
                            check_keys(arr[i], p2, l2line, {"name", "aliases", "required"});
                            lv2.name = string_of(arr[i], "name", p2 + ".name", l2line, true);
                            lv2.aliases = string_list(arr[i].get("aliases"), p2 + ".aliases", l2line);
                            lv2.required = bool_of(arr[i], "required", p2 + ".required", l2line);
                        } else {
                            problem(l1, p2, "expected a name or form.level2{}, got " + quoted(arr[i]));
                            continue;
                        }
                        if (lv2.name.empty()) problem(l1, p2, "a level-2 category needs a name");
                        else if (!l2names.insert(lv2.name).second) problem(l1, p2, "\"" + lv2.name + "\" is listed twice");
                        lv1.level2.push_back(std::move(lv2));
                    }
                }
            }
            ind.tree.push_back(std::move(lv1));
        });
    }

    void read_computed(const ScriptValue& root, int line, FormSpec& s) {
        std::set<std::string> ids;
        for_each_item(root.get("computed"), "computed", line, false, [&](const ScriptValue& t, const std::string& path, int l) {
            ComputedSpec c;
            c.line = l;
            const std::string ctor = ctor_of(t);
            if (ctor == "sum") c.kind = ComputedSpec::Kind::Sum;
            else if (ctor == "ratio") c.kind = ComputedSpec::Kind::Ratio;
            else {
                problem(l, path, "make computed values with form.sum{} or form.ratio{}");
                return;
            }
            c.id = string_of(t, "id", path + ".id", l, true);
            if (!c.id.empty() && !ids.insert(c.id).second) problem(l, path + ".id", "\"" + c.id + "\" is used twice");
            c.label = string_of(t, "label", path + ".label", l, true);
            if (c.kind == ComputedSpec::Kind::Sum) {
                check_keys(t, path, l, {"id", "label", "of"});
                c.of = string_of(t, "of", path + ".of", l, true);
            } else {
                check_keys(t, path, l, {"id", "label", "numerator", "denominator", "places"});
                c.numerator = string_of(t, "numerator", path + ".numerator", l, true);
                c.denominator = string_of(t, "denominator", path + ".denominator", l, true);
                if (t.get("places")) c.places = int_of(t, "places", path + ".places", l, true, 0, 6);
            }
            s.computed.push_back(std::move(c));
        });
    }

    void read_options(const ScriptValue& root, int line, FormSpec& s) {
        const ScriptValue* v = root.get("options");
        if (!v || v->is_nil()) return;
        if (!v->is_table() || !v->as_table().array.empty()) {
            problem(line, "options", "expected a table of named values");
            return;
        }
        for (const auto& [key, value] : v->as_table().fields) {
            if (!key.is_string()) {
                problem(line, "options", "unexpected key " + quoted(key));
                continue;
            }
            const std::string p = "options." + key.as_string();
            if (value.is_string()) s.options[key.as_string()] = value.as_string();
            else if (value.is_boolean()) s.options[key.as_string()] = value.as_boolean() ? "true" : "false";
            else if (auto i = value.as_integer()) s.options[key.as_string()] = std::to_string(*i);
            else problem(line, p, "expected a string, an integer or a boolean, got " + quoted(value));
        }
    }

    void read_hooks(const ScriptValue& root, int line, FormSpec& s, std::vector<std::pair<std::string, FunctionRef>>& hooks) {
        const ScriptValue* v = root.get("hooks");
        if (!v || v->is_nil()) return;
        if (!v->is_table() || !v->as_table().array.empty()) {
            problem(line, "hooks", "expected a table of named functions");
            return;
        }
        for (const auto& [key, value] : v->as_table().fields) {
            if (!key.is_string() || !value.is_function()) {
                problem(line, "hooks", "expected name = function … end, got " + quoted(key) + " = " + quoted(value));
                continue;
            }
            s.hooks.push_back(key.as_string());
            hooks.emplace_back(key.as_string(), value.as_function());
        }
    }

    // `migrate = { [1] = function(old) … return new end, … }`: the step from version k to k + 1,
    // for every k below this version (a missing step moves values by id).
    void read_migrate(const ScriptValue& root, int line, FormSpec& s, std::vector<std::pair<int, FunctionRef>>& steps) {
        const ScriptValue* v = root.get("migrate");
        if (!v || v->is_nil()) return;
        if (!v->is_table()) {
            problem(line, "migrate", "expected { [1] = function(old) … return new end }, got " + quoted(*v));
            return;
        }
        const ScriptTable& t = v->as_table();
        auto step = [&](std::int64_t from, const ScriptValue& fn) {
            const std::string p = "migrate[" + std::to_string(from) + "]";
            if (from < 1 || from >= s.version) {
                problem(line, p, "a step goes from an earlier version to the next: the key must be from 1 to " +
                                     std::to_string(s.version - 1) + " (this is version " + std::to_string(s.version) + ")");
                return;
            }
            if (!fn.is_function()) {
                problem(line, p, "expected function(old) … return new end, got " + quoted(fn));
                return;
            }
            s.migrate_steps.push_back(static_cast<int>(from));
            steps.emplace_back(static_cast<int>(from), fn.as_function());
        };
        for (std::size_t i = 0; i < t.array.size(); ++i) step(static_cast<std::int64_t>(i + 1), t.array[i]);
        for (const auto& [key, fn] : t.fields) {
            const auto from = key.as_integer();
            if (!from) {
                problem(line, "migrate", "keys are the versions a step starts from ([1] = …), got " + quoted(key));
                continue;
            }
            step(*from, fn);
        }
        std::sort(s.migrate_steps.begin(), s.migrate_steps.end());
    }

    // `next_year = { amounts = "keep" | "clear", clear = { … }, period = { … } }`: what next
    // year's filing keeps (core/next_year.h).
    void read_next_year(const ScriptValue& root, int line, FormSpec& s) {
        const ScriptValue* v = root.get("next_year");
        if (!v || v->is_nil()) return;
        if (!v->is_table()) {
            problem(line, "next_year", "expected { amounts = \"keep\" or \"clear\", clear = { … }, period = { … } }, got " + quoted(*v));
            return;
        }
        NextYearSpec& n = s.next_year;
        n.line = line = line_of(*v, line);
        check_keys(*v, "next_year", line, {"amounts", "clear", "period"});
        const std::string amounts = string_of(*v, "amounts", "next_year.amounts", line, false);
        if (!amounts.empty() && amounts != "keep" && amounts != "clear")
            problem(line, "next_year.amounts", "expected \"keep\" or \"clear\", got \"" + amounts + "\"");
        n.clear_amounts = amounts == "clear";
        n.clear = string_list(v->get("clear"), "next_year.clear", line);
        for (std::size_t i = 0; i < n.clear.size(); ++i)
            if (auto why = check_clear(s, n.clear[i]); !why.empty()) problem(line, "next_year.clear[" + std::to_string(i + 1) + "]", why);
        n.period = string_list(v->get("period"), "next_year.period", line);
        if (n.period.size() > 2)
            problem(line, "next_year.period", "expected two year fields (start, end) or one field holding the period");
        for (std::size_t i = 0; i < n.period.size(); ++i)
            if (n.period[i].rfind("fields.", 0) != 0 || !s.find_field(n.period[i].substr(7)))
                problem(line, "next_year.period[" + std::to_string(i + 1) + "]", "\"" + n.period[i] + "\": expected a field (\"fields.<field>\")");
    }

    // What a `next_year.clear` entry may name: a field, a table or plan, a column of one, or an
    // indicator column ("indicators.<period or extra column>").
    static std::string check_clear(const FormSpec& s, const std::string& ref) {
        const auto dot = ref.find('.');
        const std::string head = ref.substr(0, dot), rest = dot == std::string::npos ? "" : ref.substr(dot + 1);
        if (head == "fields") return s.find_field(rest) ? "" : "\"" + ref + "\": no field \"" + rest + "\"";
        if (head == "indicators") {
            for (const auto& b : s.blocks)
                if (b.kind == BlockKind::Indicators) {
                    for (const auto* list : {&b.indicators.periods, &b.indicators.extra})
                        for (const auto& f : *list)
                            if (f.id == rest) return "";
                    return "\"" + ref + "\": no period or extra column \"" + rest + "\" in the indicator table";
                }
            return "\"" + ref + "\": the template has no indicator table";
        }
        const BlockSpec* b = s.find_block(head);
        if (!b || (b->kind != BlockKind::Table && b->kind != BlockKind::SpendingPlan))
            return "\"" + ref + "\": expected fields.<field>, <table>, <table>.<column> or indicators.<column>";
        if (rest.empty()) return "";
        for (const auto& c : b->columns)
            if (c.id == rest) return "";
        return "\"" + ref + "\": no column \"" + rest + "\" in \"" + head + "\"";
    }

    // The `import` section (form.import{}): titles, ignore, values, level_heads.
    void read_import(const ScriptValue& root, int line, FormSpec& s) {
        const ScriptValue* v = root.get("import");
        if (!v || v->is_nil()) return;
        if (!v->is_table()) {
            problem(line, "import", "expected form.import{ … }, got " + quoted(*v));
            return;
        }
        ImportSpec& im = s.import_spec;
        im.line = line = line_of(*v, line);
        check_keys(*v, "import", line, {"titles", "ignore", "values", "level_heads", "separator", "footer", "split"});
        im.titles = string_list(v->get("titles"), "import.titles", line);
        if (im.titles.size() > kMaxTitlePatterns)
            problem(line, "import.titles", "more than " + std::to_string(kMaxTitlePatterns) + " patterns (the limit)");
        for (size_t i = 0; i < im.titles.size(); ++i) check_pattern(im.titles[i], "import.titles[" + std::to_string(i + 1) + "]", line);
        im.ignore = string_list(v->get("ignore"), "import.ignore", line);
        if (const ScriptValue* heads = v->get("level_heads"); heads && !heads->is_nil()) {
            // Three entries, each a head or a list of its spellings (the first is printed).
            const bool list = heads->is_table() && heads->as_table().fields.empty();
            const auto* entries = list ? &heads->as_table().array : nullptr;
            if (!entries || entries->size() != 3) {
                problem(line, "import.level_heads",
                        "expected the three printed heads of the level-1, level-2 and level-3 columns (each a text or a list of spellings)");
            } else {
                im.level_heads.clear();
                im.level_head_aliases.clear();
                for (std::size_t i = 0; i < 3; ++i) {
                    const std::string p = "import.level_heads[" + std::to_string(i + 1) + "]";
                    std::vector<std::string> spellings;
                    if ((*entries)[i].is_string() && !(*entries)[i].as_string().empty()) spellings.push_back((*entries)[i].as_string());
                    else spellings = string_list(&(*entries)[i], p, line);
                    if (spellings.empty()) {
                        problem(line, p, "expected a head or a list of its spellings");
                        spellings.push_back("?");
                    }
                    im.level_heads.push_back(spellings.front());
                    im.level_head_aliases.push_back(std::move(spellings));
                }
            }
        }
        im.separator = string_of(*v, "separator", "import.separator", line, false);
        if (!im.separator.empty() && im.separator != "tab" && im.separator != "pipe" && im.separator != "spaces" &&
            im.separator != "lines")
            problem(line, "import.separator", "expected \"tab\", \"pipe\", \"spaces\" or \"lines\", got \"" + im.separator + "\"");
        im.footer = string_list(v->get("footer"), "import.footer", line);
        for (size_t i = 0; i < im.footer.size(); ++i) check_pattern(im.footer[i], "import.footer[" + std::to_string(i + 1) + "]", line);
        for_each_item(v->get("split"), "import.split", line, false, [&](const ScriptValue& t, const std::string& path, int l) {
            ImportSplit sp;
            sp.line = l;
            check_keys(t, path, l, {"from", "into"});
            sp.from = string_of(t, "from", path + ".from", l, true);
            sp.into = string_list(t.get("into"), path + ".into", l);
            if (sp.into.size() != 2) problem(l, path + ".into", "expected two fields: { \"fields.<start>\", \"fields.<end>\" }");
            for (const std::string& ref : [&] {
                     std::vector<std::string> all{sp.from};
                     all.insert(all.end(), sp.into.begin(), sp.into.end());
                     return all;
                 }()) {
                if (ref.empty()) continue;
                if (ref.rfind("fields.", 0) != 0 || !s.find_field(ref.substr(7)))
                    problem(l, path, "\"" + ref + "\": a split takes fields (\"fields.<field>\")");
            }
            im.splits.push_back(std::move(sp));
        });
        for_each_item(v->get("values"), "import.values", line, false, [&](const ScriptValue& t, const std::string& path, int l) {
            ImportValueRule r;
            r.line = l;
            check_keys(t, path, l, {"to", "pattern", "after", "scope"});
            r.to = string_of(t, "to", path + ".to", l, true);
            r.pattern = string_of(t, "pattern", path + ".pattern", l, false);
            r.after = string_of(t, "after", path + ".after", l, false);
            const std::string scope = string_of(t, "scope", path + ".scope", l, false);
            if (!scope.empty() && scope != "filing" && scope != "file")
                problem(l, path + ".scope", "expected \"filing\" or \"file\", got \"" + scope + "\"");
            r.whole_file = scope == "file";
            if (!r.pattern.empty()) check_pattern(r.pattern, path + ".pattern", l);
            if (r.pattern.empty() && r.after.empty()) problem(l, path, "give a pattern, an after block, or both");
            if (r.whole_file && (r.pattern.empty() || r.to.rfind("fields.", 0) != 0))
                problem(l, path + ".scope", "scope = \"file\" needs a pattern and a field (to = \"fields.<field>\")");
            if (!r.after.empty() && !s.find_block(r.after)) problem(l, path + ".after", "no block \"" + r.after + "\"");
            if (!r.to.empty()) {
                if (auto why = check_reference(s, r.to); !why.empty()) problem(l, path + ".to", why);
                else if (std::count(r.to.begin(), r.to.end(), '.') != 1)
                    problem(l, path + ".to", "\"" + r.to + "\": a value goes to a field or to a column of a table with free rows");
            }
            im.values.push_back(std::move(r));
        });
    }

    void check_pattern(const std::string& pat, const std::string& path, int line) {
        if (auto why = pattern::pattern_problem(pat); !why.empty()) problem(line, path, why + " in \"" + pat + "\"");
    }

    void check_cross_references(const FormSpec& s, int line) {
        if (!s.title_field.empty() && !s.find_field(s.title_field))
            problem(line, "title_field", "no field \"" + s.title_field + "\" in the template's field blocks");
        if (!s.year_field.empty() && !s.find_field(s.year_field))
            problem(line, "year_field", "no field \"" + s.year_field + "\" in the template's field blocks");
        if (!s.total_ref.empty())
            if (auto why = check_reference(s, s.total_ref); !why.empty()) problem(line, "total", why);
        for (size_t i = 0; i < s.computed.size(); ++i) {
            const ComputedSpec& c = s.computed[i];
            const std::string p = "computed[" + std::to_string(i + 1) + "]";
            for (const auto& [key, ref] : {std::pair{"of", c.of}, {"numerator", c.numerator}, {"denominator", c.denominator}})
                if (!ref.empty())
                    if (auto why = check_reference(s, ref); !why.empty()) problem(c.line, p + "." + key, why);
        }
    }
};

std::vector<std::string> split_dots(const std::string& s) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
        size_t dot = s.find('.', start);
        parts.push_back(s.substr(start, dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return parts;
}

}  // namespace

std::string check_reference(const FormSpec& spec, const std::string& ref) {
    const auto parts = split_dots(ref);
    if (parts.size() == 2 && parts[0] == "fields") {
        const FieldSpec* f = spec.find_field(parts[1]);
        if (!f) return "\"" + ref + "\": no field \"" + parts[1] + "\"";
        return {};
    }
    const BlockSpec* b = spec.find_block(parts[0]);
    if (!b || b->kind != BlockKind::Table)
        return "\"" + ref + "\": no table \"" + parts[0] + "\" (write <table>.<column>, <table>.<row>.<column> or fields.<field>)";
    auto has_column = [&](const std::string& id) {
        return std::any_of(b->columns.begin(), b->columns.end(), [&](const FieldSpec& c) { return c.id == id; });
    };
    if (parts.size() == 2) {
        if (b->fixed_rows()) return "\"" + ref + "\": table \"" + b->id + "\" has fixed rows; name one: <table>.<row>.<column>";
        if (!has_column(parts[1])) return "\"" + ref + "\": no column \"" + parts[1] + "\" in table \"" + b->id + "\"";
        return {};
    }
    if (parts.size() == 3) {
        if (!b->fixed_rows()) return "\"" + ref + "\": table \"" + b->id + "\" has free rows; write <table>.<column>";
        const bool row = std::any_of(b->rows.begin(), b->rows.end(), [&](const RowSpec& r) { return r.id == parts[1]; });
        if (!row) return "\"" + ref + "\": no row \"" + parts[1] + "\" in table \"" + b->id + "\"";
        if (!has_column(parts[2])) return "\"" + ref + "\": no column \"" + parts[2] + "\" in table \"" + b->id + "\"";
        return {};
    }
    return "\"" + ref + "\": write <table>.<column>, <table>.<row>.<column> or fields.<field>";
}

TemplateReadResult read_template(const ScriptValue& value, const std::string& file, int fallback_line) {
    return Reader(file, fallback_line).read(value);
}

}  // namespace formwork::script
