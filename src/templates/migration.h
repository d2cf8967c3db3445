// Moving a filing to the current version of its template: its values laid out as a Lua
// table by the ids of the version it was filed with (filing_table.h), each version's
// `migrate` step run on that table in the sandbox (a missing step moves values by id), the
// result read against the current version, and every value of the old filing accounted for
// (core/version_changes.h: moved, renamed, changed, split, or kept as a note). Nothing is
// written: the caller saves the result as a new revision, or shows it (--dry-run, the shell's
// preview).
#pragma once

#include <memory>
#include <string>

#include "core/filing.h"
#include "core/form_spec.h"
#include "core/lang.h"
#include "core/version_changes.h"
#include "templates/template_registry.h"

namespace formwork::script {

struct MigrationResult {
    int from = 0;  // the filing's version
    int to = 0;    // the current version (0: the template is not installed)
    // Where the filing could not be moved: no such template, a version newer than the
    // installed one, a step that failed ("file:line: message") or returned no filing.
    std::string error;
    // The description of `from` is kept (an earlier/ file or the current one); when it is
    // not, the old filing was read with the current version's ids.
    bool from_known = true;
    std::shared_ptr<const FormSpec> from_spec, to_spec;
    Filing filing;  // the migrated content: same id, template_version = to
    VersionChanges changes;

    bool ok() const { return error.empty(); }
    bool needed() const { return ok() && to > from; }
};

MigrationResult migrate_filing(TemplateRegistry& registry, const Filing& filing, Lang lang = Lang::Zh);

}  // namespace formwork::script
