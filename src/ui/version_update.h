// The shell's side of template versions, without ImGui: which version the open filing was
// filed with, whether the shell offers "update to version N", what the update would change
// (a preview, run on the filing as shown), and applying it as a new revision of its own, so
// that the revision before can be restored from the history. view_migrate.cpp draws it.
#pragma once

#include <string>
#include <vector>

#include "templates/migration.h"
#include "ui/app.h"

namespace formwork::ui {

struct VersionState {
    int filed = 0;           // the version the open filing was filed with
    int current = 0;         // the installed template's version (0: not installed)
    bool described = true;   // the form shows the filed version's own description
    bool offered() const { return current > filed; }
};

VersionState version_state(const App& app);

// What updating the open filing would do (nothing is written).
script::MigrationResult preview_update(App& app);

// Saves `migrated` (a preview of the open filing) as a new revision and reopens the filing
// under the new version; unsaved edits are saved first, as a revision of their own. False,
// with app.status_message saying why, when nothing was saved.
bool apply_update(App& app, const script::MigrationResult& migrated);

// The counts of a preview, by kind, as the banner shows them: "移动 1 · 拆分 1 · 新增 1".
std::string change_counts(const App& app, const VersionChanges& changes);

}  // namespace formwork::ui
