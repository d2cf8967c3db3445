// The templates Formwork knows: every *.lua file in the shipped folder (scripts/templates/)
// and in the user's folder (~/.local/share/formwork/templates/), loaded in a sandbox and
// checked. refresh() reloads a file when it changes and forgets it when it goes, so an
// administrator's edit shows up without a restart. A bad template disables itself only: its
// entry carries the errors (file:line: …) and no spec.
//
// Templates change over time. The files in each folder's `earlier/` subfolder keep the
// descriptions of earlier versions (the file of version 1 moved there when version 2 was
// written), so that a filing opens, checks and exports under the version it was filed with;
// they are never offered for new filings or imports. A template's `migrate` steps move a
// filing from one version to the next (src/templates/migration.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/form_spec.h"
#include "lua/script_files.h"
#include "lua/script_host.h"
#include "templates/template_reader.h"

namespace formwork::script {

struct TemplateEntry {
    std::string file;    // as shown to users
    std::string origin;  // "shipped" or "user"
    std::shared_ptr<const FormSpec> spec;  // null when the template has errors
    std::vector<std::string> errors;       // "file:line: path: message", one per problem
    // As loaded from the file, before the registry's duplicate-id check (which may disable
    // `spec` while another file holds the same id).
    std::shared_ptr<const FormSpec> loaded;
    std::vector<std::string> load_errors;
    // The template's `migrate` steps by the version they start from, run in the registry's host.
    std::map<int, FunctionRef> migrate;
    std::filesystem::file_time_type mtime{};
    std::uintmax_t size = 0;

    bool ok() const { return spec != nullptr; }
};

// Loads one file as a template: reading, sandboxed running and checking. Never throws for a
// bad template; the entry's errors say what is wrong.
TemplateEntry load_template_file(ScriptHost& host, const std::filesystem::path& path, const std::string& shown_as);

// The same for template source text (tests, lint of unsaved text).
TemplateEntry load_template_source(ScriptHost& host, const std::string& shown_as, const std::string& source);

struct TemplateDir {
    std::filesystem::path path;
    std::string origin;
};

// The shipped folder (templates/ of script::shipped_scripts_dir(): installed or in the build
// tree) and the user's ($XDG_DATA_HOME or ~/.local/share)/formwork/templates.
std::vector<TemplateDir> default_template_dirs();

class TemplateRegistry {
public:
    explicit TemplateRegistry(std::vector<TemplateDir> dirs = default_template_dirs());

    // Loads new and changed files and forgets removed ones; returns true when anything changed.
    bool refresh();

    // Sorted by template id, then file; entries with errors are included.
    const std::vector<TemplateEntry>& entries() const { return entries_; }
    // The earlier versions (every folder's earlier/), sorted by id, then version.
    const std::vector<TemplateEntry>& earlier() const { return earlier_; }
    // The current version: what new filings and imports use.
    std::shared_ptr<const FormSpec> find(const std::string& id) const;
    // The description of `version` (a filing's template_version): the current file's or an
    // earlier one's; the current version when that one is not kept (compare spec->version),
    // nullptr when the id is unknown. Safe from several threads between refreshes.
    std::shared_ptr<const FormSpec> find(const std::string& id, int version) const;
    // The step from version `from` to from + 1 of template `id`: the current file's, else
    // that of the earlier file that declares it; nullptr when none does (values then move by id).
    const FunctionRef* migrate_step(const std::string& id, int from) const;
    // Runs a migrate step (a FunctionRef of this registry) on a filing's table, in the sandbox.
    Result<ScriptValue> run_step(const FunctionRef& step, const ScriptValue& filing);
    const std::vector<TemplateDir>& dirs() const { return dirs_; }

private:
    void check_duplicate_ids();
    void check_earlier();

    std::vector<TemplateDir> dirs_;
    std::vector<TemplateEntry> entries_;
    std::vector<TemplateEntry> earlier_;
    ScriptHost host_;
};

}  // namespace formwork::script
