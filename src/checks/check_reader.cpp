// ScriptValue → CheckSpec with every mistake reported (see check_reader.h).
#include "checks/check_reader.h"

#include <set>

namespace formwork::script {

namespace {

std::string describe(const ScriptValue& v) {
    if (v.is_string()) return "\"" + v.as_string() + "\"";
    if (v.is_number()) {
        if (auto i = v.as_integer()) return std::to_string(*i);
        return std::to_string(v.as_number());
    }
    if (v.is_nil()) return "nothing (nil)";
    return std::string("a ") + v.type_name();
}

int line_of(const ScriptValue& v, int inherited) {
    if (const ScriptValue* l = v.get("__line"))
        if (auto i = l->as_integer(); i && *i > 0) return static_cast<int>(*i);
    return inherited;
}

bool is_list(const ScriptValue* v) { return v && v->is_table() && v->as_table().fields.empty(); }

class Reader {
public:
    Reader(const std::string& file, int fallback_line) : file_(file), fallback_line_(fallback_line) {}

    CheckReadResult read(const ScriptValue& root) {
        CheckReadResult out;
        const int line = line_of(root, fallback_line_);
        if (!root.is_table()) {
            problem(line, "", "a check script must return check.script{ api = 1, checks = { … } }, got " + describe(root));
            out.problems = std::move(problems_);
            return out;
        }
        const ScriptValue* api = root.get("api");
        if (!api || !api->as_integer()) {
            problem(line, "api", "missing: write api = " + std::to_string(kCheckApi) + " (the check language version)");
        } else if (*api->as_integer() != kCheckApi) {
            problem(line, "api", "this Formwork reads check scripts of api " + std::to_string(kCheckApi) +
                                     ", the file is written for api " + std::to_string(*api->as_integer()));
            out.problems = std::move(problems_);
            return out;
        }
        keys(root, "", line, {"api", "checks"});
        const ScriptValue* checks = root.get("checks");
        if (!is_list(checks) || checks->as_table().array.empty()) {
            problem(line, "checks", "expected a non-empty list of check.define{ … }");
        } else {
            const auto& arr = checks->as_table().array;
            for (std::size_t i = 0; i < arr.size(); ++i) {
                const std::string path = "checks[" + std::to_string(i + 1) + "]";
                if (!arr[i].is_table()) {
                    problem(line, path, "expected check.define{ … }, got " + describe(arr[i]));
                    continue;
                }
                out.checks.push_back(read_check(arr[i], path, line_of(arr[i], line)));
            }
        }
        std::set<std::string> seen;
        for (const CheckSpec& c : out.checks)
            if (!c.id.empty() && !seen.insert(c.id).second) problem(c.line, "id", "check id \"" + c.id + "\" is declared twice");
        out.problems = std::move(problems_);
        return out;
    }

private:
    const std::string& file_;
    int fallback_line_;
    std::vector<TemplateProblem> problems_;

    void problem(int line, std::string path, std::string message) {
        problems_.push_back({file_, line, std::move(path), std::move(message)});
    }

    void keys(const ScriptValue& t, const std::string& path, int line, std::initializer_list<const char*> allowed) {
        const ScriptTable& table = t.as_table();
        if (!table.array.empty()) problem(line, path, "unexpected list entries; expected only named keys");
        for (const auto& [key, value] : table.fields) {
            if (!key.is_string()) {
                problem(line, path, "unexpected key " + describe(key));
                continue;
            }
            const std::string& k = key.as_string();
            if (k.rfind("__", 0) == 0) continue;
            bool known = false;
            std::string names;
            for (const char* a : allowed) {
                known = known || k == a;
                names += (names.empty() ? "" : ", ") + std::string(a);
            }
            if (!known) problem(line, path.empty() ? k : path + "." + k, "unknown key (expected one of " + names + ")");
        }
    }

    std::string text(const ScriptValue& t, const char* key, const std::string& path, int line, bool required) {
        const ScriptValue* v = t.get(key);
        if (!v || v->is_nil()) {
            if (required) problem(line, path + "." + key, "missing (a string is required)");
            return {};
        }
        if (!v->is_string() || (required && v->as_string().empty())) {
            problem(line, path + "." + key, "expected a non-empty string, got " + describe(*v));
            return {};
        }
        return v->as_string();
    }

    CheckSpec read_check(const ScriptValue& t, const std::string& path, int line) {
        CheckSpec c;
        c.file = file_;
        c.line = line;
        keys(t, path, line, {"id", "title", "severity", "templates", "scope", "group", "applies", "run", "cases"});
        c.id = text(t, "id", path, line, true);
        if (!c.id.empty() && !is_check_id(c.id))
            problem(line, path + ".id", "expected kebab-case (lower-case words joined by -), got \"" + c.id + "\"");
        read_title(t, path, line, c);
        const std::string severity = text(t, "severity", path, line, true);
        if (auto s = severity_from(severity)) c.severity = *s;
        else if (!severity.empty()) problem(line, path + ".severity", "expected one of error, warning, info, got \"" + severity + "\"");
        read_templates(t, path, line, c);
        const std::string scope = text(t, "scope", path, line, false);
        if (scope == "department") c.scope = CheckScope::Department;
        else if (scope == "year") c.scope = CheckScope::Year;
        else if (scope == "all") c.scope = CheckScope::All;
        else if (scope == "group") c.scope = CheckScope::Group;
        else if (!scope.empty() && scope != "filing")
            problem(line, path + ".scope",
                    "expected \"filing\", \"department\", \"year\", \"all\" or \"group\", got \"" + scope + "\"");
        if (const ScriptValue* group = t.get("group"); group && !group->is_nil()) {
            if (!group->is_function()) problem(line, path + ".group", "expected a function(f) return key end, got " + describe(*group));
            else c.group = group->as_function();
            if (scope.empty()) c.scope = CheckScope::Group;
            else if (c.scope != CheckScope::Group)
                problem(line, path + ".group", "a group function makes the scope \"group\", not \"" + scope + "\"");
        } else if (c.scope == CheckScope::Group) {
            problem(line, path + ".group", "scope \"group\" needs a group = function(f) return key end");
        }
        const ScriptValue* run = t.get("run");
        if (!run || !run->is_function()) problem(line, path + ".run", "expected a function(filing) … end, got " + describe(run ? *run : ScriptValue()));
        else c.run = run->as_function();
        if (const ScriptValue* applies = t.get("applies"); applies && !applies->is_nil()) {
            if (!applies->is_function()) problem(line, path + ".applies", "expected a function(spec) … end, got " + describe(*applies));
            else c.applies = applies->as_function();
        }
        read_cases(t, path, line, c);
        return c;
    }

    void read_title(const ScriptValue& t, const std::string& path, int line, CheckSpec& c) {
        const ScriptValue* title = t.get("title");
        if (title && title->is_string() && !title->as_string().empty()) {
            c.title_zh = c.title_en = title->as_string();
        } else if (title && title->is_table()) {
            keys(*title, path + ".title", line, {"zh", "en"});
            c.title_zh = text(*title, "zh", path + ".title", line, true);
            c.title_en = text(*title, "en", path + ".title", line, false);
            if (c.title_en.empty()) c.title_en = c.title_zh;
        } else {
            problem(line, path + ".title", "expected { zh = \"…\", en = \"…\" }, got " + describe(title ? *title : ScriptValue()));
        }
    }

    void read_templates(const ScriptValue& t, const std::string& path, int line, CheckSpec& c) {
        const ScriptValue* v = t.get("templates");
        if (!is_list(v) || v->as_table().array.empty()) {
            problem(line, path + ".templates", "expected a list of template ids or patterns, e.g. { \"*-project\" }");
            return;
        }
        for (const ScriptValue& item : v->as_table().array) {
            if (!item.is_string() || item.as_string().empty()) problem(line, path + ".templates", "expected strings, got " + describe(item));
            else c.templates.push_back(item.as_string());
        }
    }

    void read_cases(const ScriptValue& t, const std::string& path, int line, CheckSpec& c) {
        const ScriptValue* v = t.get("cases");
        if (!v || v->is_nil()) return;
        if (!is_list(v)) {
            problem(line, path + ".cases", "expected a list of check.case{ … }");
            return;
        }
        const auto& arr = v->as_table().array;
        for (std::size_t i = 0; i < arr.size(); ++i) {
            const std::string cp = path + ".cases[" + std::to_string(i + 1) + "]";
            if (!arr[i].is_table()) {
                problem(line, cp, "expected check.case{ … }, got " + describe(arr[i]));
                continue;
            }
            c.cases.push_back(read_case(arr[i], cp, line_of(arr[i], line), c.scope));
        }
    }

    CheckCase read_case(const ScriptValue& t, const std::string& path, int line, CheckScope scope) {
        CheckCase k;
        k.line = line;
        keys(t, path, line, {"name", "template", "filing", "filings", "expect", "outcome"});
        k.name = text(t, "name", path, line, true);
        const ScriptValue* tpl = t.get("template");
        if (tpl && !tpl->is_string()) problem(line, path + ".template", "expected a template id, got " + describe(*tpl));
        if (tpl && tpl->is_string()) k.template_id = tpl->as_string();
        const ScriptValue* one = t.get("filing");
        const ScriptValue* many = t.get("filings");
        if ((one != nullptr) == (many != nullptr)) {
            problem(line, path, "give either filing = { … } or filings = { { … }, … }");
        } else if (one) {
            if (!one->is_table()) problem(line, path + ".filing", "expected a table, got " + describe(*one));
            else k.filings.push_back(*one);
        } else if (!is_list(many) || many->as_table().array.empty()) {
            problem(line, path + ".filings", "expected a non-empty list of filing tables");
        } else {
            for (const ScriptValue& f : many->as_table().array) {
                if (!f.is_table()) problem(line, path + ".filings", "expected filing tables, got " + describe(f));
                else k.filings.push_back(f);
            }
        }
        (void)scope;  // a filing check's case checks filing 1; the others are there for check.find and f:previous()
        for (std::size_t i = 0; i < k.filings.size(); ++i) {
            const ScriptValue* ft = k.filings[i].get("template");
            if (!(ft && ft->is_string()) && !(tpl && tpl->is_string()))
                problem(line, path, "filing " + std::to_string(i + 1) + " names no template (template = \"…\")");
        }
        read_expect(t, path, line, k);
        const ScriptValue* outcome = t.get("outcome");
        k.outcome = k.expect.empty() ? Outcome::Passed : Outcome::Failed;
        if (outcome && outcome->is_string()) {
            auto o = outcome_from(outcome->as_string());
            if (!o || *o == Outcome::ScriptError || *o == Outcome::Stopped)
                problem(line, path + ".outcome", "expected passed, failed, not_applicable or insufficient_data, got " + describe(*outcome));
            else if ((*o == Outcome::Failed) != !k.expect.empty())
                problem(line, path + ".outcome", "\"failed\" goes with a non-empty expect list, and only with one");
            else
                k.outcome = *o;
        } else if (outcome) {
            problem(line, path + ".outcome", "expected a string, got " + describe(*outcome));
        }
        return k;
    }

    void read_expect(const ScriptValue& t, const std::string& path, int line, CheckCase& k) {
        const ScriptValue* v = t.get("expect");
        if (!v || v->is_nil()) return;
        if (!is_list(v)) {
            problem(line, path + ".expect", "expected a list of findings { path = \"…\", contains = { … } }");
            return;
        }
        const auto& arr = v->as_table().array;
        for (std::size_t i = 0; i < arr.size(); ++i) {
            const std::string ep = path + ".expect[" + std::to_string(i + 1) + "]";
            CheckCase::Expected e;
            if (arr[i].is_string()) {
                e.path = arr[i].as_string();
                k.expect.push_back(std::move(e));
                continue;
            }
            if (!arr[i].is_table()) {
                problem(line, ep, "expected a path or { path = …, contains = … }, got " + describe(arr[i]));
                continue;
            }
            keys(arr[i], ep, line, {"path", "contains", "filing"});
            e.path = text(arr[i], "path", ep, line, true);
            if (const ScriptValue* f = arr[i].get("filing")) {
                auto n = f->as_integer();
                if (!n || *n < 1 || static_cast<std::size_t>(*n) > k.filings.size())
                    problem(line, ep + ".filing", "expected the number of one of the case's filings, got " + describe(*f));
                else
                    e.filing = static_cast<std::size_t>(*n - 1);
            }
            if (const ScriptValue* c = arr[i].get("contains")) {
                if (c->is_string()) {
                    e.contains.push_back(c->as_string());
                } else if (is_list(c)) {
                    for (const ScriptValue& s : c->as_table().array) {
                        if (s.is_string()) e.contains.push_back(s.as_string());
                        else problem(line, ep + ".contains", "expected strings, got " + describe(s));
                    }
                } else {
                    problem(line, ep + ".contains", "expected a string or a list of strings, got " + describe(*c));
                }
            }
            k.expect.push_back(std::move(e));
        }
    }
};

}  // namespace

bool is_check_id(const std::string& id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    char prev = 0;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && prev == '-')) return false;
        prev = c;
    }
    return true;
}

CheckReadResult read_check_script(const ScriptValue& value, const std::string& file, int fallback_line) {
    return Reader(file, fallback_line).read(value);
}

}  // namespace formwork::script
