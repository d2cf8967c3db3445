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
    for (const auto& e : entries_) known[e.file] = &e;
    std::vector<TemplateEntry> next;
    bool changed = false;
    for (const auto& dir : dirs_) {
        for (const ScriptFile& file : lua_files_in(dir.path)) {
            auto it = known.find(file.shown);
            if (it != known.end() && it->second->mtime == file.mtime && it->second->size == file.size) {
                next.push_back(*it->second);
                known.erase(it);
                continue;
            }
            if (it != known.end()) known.erase(it);
            TemplateEntry entry = load_template_file(host_, file.path, file.shown);
            entry.origin = dir.origin;
            next.push_back(std::move(entry));
            changed = true;
        }
    }
    if (!known.empty()) changed = true;  // files that went away
    entries_ = std::move(next);
    check_duplicate_ids();
    std::stable_sort(entries_.begin(), entries_.end(), [](const TemplateEntry& a, const TemplateEntry& b) {
        const std::string ia = a.spec ? a.spec->id : "~", ib = b.spec ? b.spec->id : "~";
        return ia != ib ? ia < ib : a.file < b.file;
    });
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

std::shared_ptr<const FormSpec> TemplateRegistry::find(const std::string& id) const {
    for (const auto& e : entries_)
        if (e.spec && e.spec->id == id) return e.spec;
    return nullptr;
}

}  // namespace formwork::script
