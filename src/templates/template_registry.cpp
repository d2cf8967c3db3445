// Finding, loading and reloading templates (see template_registry.h).
#include "templates/template_registry.h"

#include "lua/script_files.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

namespace formwork::script {

namespace fs = std::filesystem;

namespace {


// The line for problems where no constructor recorded one. `return form.template{ … }` is a
// tail call, and LuaJIT keeps no caller line for those, so find the constructor in the text;
// a file that returns something else is pointed at its end, where the return belongs.
int fallback_line(const ScriptValue& value, const std::string& source) {
    const auto line_at = [&](size_t pos) { return 1 + static_cast<int>(std::count(source.begin(), source.begin() + pos, '\n')); };
    if (value.is_table())
        if (size_t pos = source.find("form.template"); pos != std::string::npos) return line_at(pos);
    size_t end = source.find_last_not_of(" \t\r\n");
    return end == std::string::npos ? 1 : line_at(end);
}

}  // namespace

TemplateEntry load_template_source(ScriptHost& host, const std::string& shown_as, const std::string& source) {
    TemplateEntry entry;
    entry.file = shown_as;
    auto value = host.run(shown_as, source);
    if (!value) {
        entry.errors.push_back(value.error().to_string());
        entry.load_errors = entry.errors;
        return entry;
    }
    TemplateReadResult read = read_template(value.value(), shown_as, fallback_line(value.value(), source));
    for (const auto& p : read.problems) entry.errors.push_back(p.to_string());
    if (read.ok()) {
        read.spec.source = shown_as;
        entry.spec = std::make_shared<FormSpec>(std::move(read.spec));
        for (auto& [from, fn] : read.migrate) entry.migrate[from] = std::move(fn);
    }
    entry.loaded = entry.spec;
    entry.load_errors = entry.errors;
    return entry;
}

TemplateEntry load_template_file(ScriptHost& host, const fs::path& path, const std::string& shown_as) {
    const auto text = read_script_text(path);
    if (!text) {
        TemplateEntry entry;
        entry.file = shown_as;
        entry.errors.push_back(shown_as + ": cannot read the file");
        entry.load_errors = entry.errors;
        return entry;
    }
    TemplateEntry entry = load_template_source(host, shown_as, *text);
    std::error_code ec;
    entry.mtime = fs::last_write_time(path, ec);
    entry.size = fs::file_size(path, ec);
    return entry;
}


std::vector<TemplateDir> default_template_dirs() {
    std::vector<TemplateDir> dirs{{shipped_scripts_dir() / "templates", "shipped"}};
    if (const fs::path data = user_data_dir(); !data.empty()) dirs.push_back({data / "formwork/templates", "user"});
    return dirs;
}

TemplateRegistry::TemplateRegistry(std::vector<TemplateDir> dirs) : dirs_(std::move(dirs)) {}

bool TemplateRegistry::refresh() {
    std::map<std::string, const TemplateEntry*> known;
    for (const auto* list : {&entries_, &earlier_})
        for (const auto& e : *list) known[e.file] = &e;
    bool changed = false;
    auto scan = [&](const fs::path& folder, const std::string& origin) {
        std::vector<TemplateEntry> next;
        for (const ScriptFile& file : lua_files_in(folder)) {
            auto it = known.find(file.shown);
            if (it != known.end() && it->second->mtime == file.mtime && it->second->size == file.size) {
                next.push_back(*it->second);
                known.erase(it);
                continue;
            }
            if (it != known.end()) known.erase(it);
            TemplateEntry entry = load_template_file(host_, file.path, file.shown);
            entry.origin = origin;
            next.push_back(std::move(entry));
            changed = true;
        }
        return next;
    };
    std::vector<TemplateEntry> current, earlier;
    for (const auto& dir : dirs_) {
        for (auto& e : scan(dir.path, dir.origin)) current.push_back(std::move(e));
        for (auto& e : scan(dir.path / "earlier", dir.origin)) earlier.push_back(std::move(e));
    }
    if (!known.empty()) changed = true;  // files that went away
    entries_ = std::move(current);
    earlier_ = std::move(earlier);
    check_duplicate_ids();
    check_earlier();
    auto by_id = [](const TemplateEntry& a, const TemplateEntry& b) {
        const std::string ia = a.spec ? a.spec->id : "~", ib = b.spec ? b.spec->id : "~";
        if (ia != ib) return ia < ib;
        const int va = a.spec ? a.spec->version : 0, vb = b.spec ? b.spec->version : 0;
        return va != vb ? va < vb : a.file < b.file;
    };
    std::stable_sort(entries_.begin(), entries_.end(), by_id);
    std::stable_sort(earlier_.begin(), earlier_.end(), by_id);
    return changed;
}

void TemplateRegistry::check_duplicate_ids() {
    // The first file with an id wins (shipped before user, then by file name); a later one
    // with the same id is disabled with an error naming the first.
    std::map<std::string, std::string> first;
    for (auto& e : entries_) {
        e.spec = e.loaded;
        e.errors = e.load_errors;
        if (!e.spec) continue;
        auto [it, inserted] = first.emplace(e.spec->id, e.file);
        if (!inserted) {
            e.errors.push_back(e.file + ": template id \"" + e.spec->id + "\" is already defined in " + it->second);
            e.spec.reset();
        }
    }
}

void TemplateRegistry::check_earlier() {
    // An earlier version is older than the current one, and each version is kept once (the
    // first file wins, shipped before the user's, then by file name).
    std::map<std::pair<std::string, int>, std::string> first;
    for (auto& e : earlier_) {
        e.spec = e.loaded;
        e.errors = e.load_errors;
        if (!e.spec) continue;
        const auto current = find(e.spec->id);
        std::string why;
        if (current && current->version <= e.spec->version)
            why = "version " + std::to_string(e.spec->version) + " of \"" + e.spec->id + "\" is not earlier than the current version " +
                  std::to_string(current->version) + " (" + current->source + ")";
        else if (auto [it, inserted] = first.emplace(std::pair{e.spec->id, e.spec->version}, e.file); !inserted)
            why = "version " + std::to_string(e.spec->version) + " of \"" + e.spec->id + "\" is already kept in " + it->second;
        if (!why.empty()) {
            e.errors.push_back(e.file + ": " + why);
            e.spec.reset();
        }
    }
}

std::shared_ptr<const FormSpec> TemplateRegistry::find(const std::string& id) const {
    for (const auto& e : entries_)
        if (e.spec && e.spec->id == id) return e.spec;
    return nullptr;
}

std::shared_ptr<const FormSpec> TemplateRegistry::find(const std::string& id, int version) const {
    auto current = find(id);
    if (current && current->version == version) return current;
    for (const auto& e : earlier_)
        if (e.spec && e.spec->id == id && e.spec->version == version) return e.spec;
    return current;
}

const FunctionRef* TemplateRegistry::migrate_step(const std::string& id, int from) const {
    for (const auto* list : {&entries_, &earlier_})
        for (auto it = list->rbegin(); it != list->rend(); ++it)  // the newest file first
            if (it->spec && it->spec->id == id)
                if (auto step = it->migrate.find(from); step != it->migrate.end()) return &step->second;
    return nullptr;
}

Result<ScriptValue> TemplateRegistry::run_step(const FunctionRef& step, const ScriptValue& filing) {
    return host_.call(step, std::span<const ScriptValue>(&filing, 1));
}

}  // namespace formwork::script
