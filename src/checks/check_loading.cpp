// Finding, loading and reloading check scripts (see check_engine.h): each *.lua file of the
// shipped and the user's checks folder runs once in the engine's sandbox and is read into
// CheckSpecs; a file with mistakes gives no checks and carries its errors.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "checks/check_engine_impl.h"
#include "checks/check_reader.h"
#include "lua/script_files.h"
#include "templates/template_registry.h"

namespace formwork::script {

namespace fs = std::filesystem;

namespace {

// The line for problems no constructor recorded: `return check.script{` is a tail call, so
// LuaJIT keeps no line for it; find it in the text.
int fallback_line(const std::string& source) {
    const std::size_t pos = source.find("check.script");
    const std::size_t at = pos != std::string::npos ? pos : source.find_last_not_of(" \t\r\n");
    if (at == std::string::npos) return 1;
    return 1 + static_cast<int>(std::count(source.begin(), source.begin() + static_cast<long>(at), '\n'));
}

}  // namespace

ScriptKind script_kind(const ScriptValue& returned) {
    const ScriptValue* ctor = returned.get("__ctor");
    if (!ctor || !ctor->is_string()) return ScriptKind::Unknown;
    if (ctor->as_string() == "script") return ScriptKind::Check;
    if (ctor->as_string() == "template") return ScriptKind::Template;
    return ScriptKind::Unknown;
}

CheckScriptEntry load_check_source(ScriptHost& host, const std::string& shown_as, const std::string& source) {
    CheckScriptEntry entry;
    entry.file = shown_as;
    auto value = host.run(shown_as, source);
    if (!value) {
        entry.errors.push_back(value.error().to_string());
        entry.load_errors = entry.errors;
        return entry;
    }
    CheckReadResult read = read_check_script(value.value(), shown_as, fallback_line(source));
    for (const auto& p : read.problems) entry.errors.push_back(p.to_string());
    if (read.ok())
        for (CheckSpec& c : read.checks) entry.checks.push_back(std::make_shared<const CheckSpec>(std::move(c)));
    entry.loaded = entry.checks;
    entry.load_errors = entry.errors;
    return entry;
}

CheckScriptEntry load_check_file(ScriptHost& host, const fs::path& path, const std::string& shown_as) {
    const auto text = read_script_text(path);
    if (!text) {
        CheckScriptEntry entry;
        entry.file = shown_as;
        entry.errors.push_back(shown_as + ": cannot read the file");
        entry.load_errors = entry.errors;
        return entry;
    }
    CheckScriptEntry entry = load_check_source(host, shown_as, *text);
    std::error_code ec;
    entry.mtime = fs::last_write_time(path, ec);
    entry.size = fs::file_size(path, ec);
    return entry;
}

std::vector<CheckDir> default_check_dirs() {
    std::vector<CheckDir> dirs{{shipped_scripts_dir() / "checks", "shipped"}};
    if (const fs::path data = user_data_dir(); !data.empty()) dirs.push_back({data / "formwork/checks", "user"});
    return dirs;
}

bool CheckEngine::refresh() {
    Impl& m = *impl_;
    std::map<std::string, CheckScriptEntry*> known;
    for (auto& e : m.scripts) known[e.file] = &e;
    std::vector<CheckScriptEntry> next;
    bool changed = false;
    for (const auto& dir : m.dirs) {
        for (const ScriptFile& file : lua_files_in(dir.path)) {
            auto it = known.find(file.shown);
            if (it != known.end() && it->second->mtime == file.mtime && it->second->size == file.size) {
                next.push_back(std::move(*it->second));
                known.erase(it);
                continue;
            }
            if (it != known.end()) known.erase(it);
            CheckScriptEntry entry = load_check_file(m.host, file.path, file.shown);
            entry.origin = dir.origin;
            next.push_back(std::move(entry));
            changed = true;
        }
    }
    if (!known.empty()) changed = true;  // files that went away
    if (!changed) return false;
    // Duplicate ids: the first file wins; a later check with the same id is left out and its
    // script says why. Worked out afresh from what each file gave.
    std::map<std::string, std::string> first;
    for (auto& e : next) {
        e.errors = e.load_errors;
        std::vector<std::shared_ptr<const CheckSpec>> kept;
        for (auto& c : e.loaded) {
            auto [it, inserted] = first.emplace(c->id, e.file);
            if (inserted) kept.push_back(c);
            else e.errors.push_back(e.file + ":" + std::to_string(c->line) + ": check id \"" + c->id +
                                    "\" is already defined in " + it->second);
        }
        e.checks = std::move(kept);
    }
    m.scripts = std::move(next);
    m.reset_derived();
    return true;
}

const std::vector<CheckScriptEntry>& CheckEngine::scripts() const { return impl_->scripts; }

std::vector<std::shared_ptr<const CheckSpec>> CheckEngine::checks() const {
    std::vector<std::shared_ptr<const CheckSpec>> out;
    for (const LoadedCheck& c : impl_->checks) out.push_back(c.spec);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a->id < b->id; });
    return out;
}

CheckEngine::TemplateLookup CheckEngine::lookup_in(const TemplateRegistry& registry) {
    return [&registry](const std::string& id, int version) { return version > 0 ? registry.find(id, version) : registry.find(id); };
}

}  // namespace formwork::script
