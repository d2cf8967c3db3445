// File > Next year's filing, without ImGui: the draft of next year's filing made from the open
// one (core/next_year.h, with the current template version), what the dialog says about it
// (amounts, the project period, an existing filing of the new year), and opening it as a new,
// unsaved filing. view_migrate.cpp draws the dialog.
#pragma once

#include <cstdint>

#include "core/next_year.h"
#include "templates/migration.h"
#include "ui/app.h"

namespace formwork::ui {

struct NextYearPlan {
    script::MigrationResult current;  // the open filing as the current version holds it
    NextYearCopy copy;
    std::int64_t duplicate = 0;       // a stored filing of the same project and the new year

    bool ready() const { return current.ok() && copy.ok(); }
    // The user is asked before making it: the period does not cover the year, or it exists.
    bool doubtful() const { return !copy.covers || duplicate != 0; }
};

NextYearPlan plan_next_year(App& app);

// Opens the plan's draft in the form (unsaved; autosaved as a draft like any new filing).
bool open_next_year(App& app, const NextYearPlan& plan);

}  // namespace formwork::ui
