// Next year's filing in the shell (see next_year_draft.h).
#include "ui/next_year_draft.h"

#include "core/filing_facts.h"

namespace formwork::ui {

NextYearPlan plan_next_year(App& app) {
    NextYearPlan plan;
    if (!app.session) return plan;
    plan.current = script::migrate_filing(app.templates, app.session->filing(), app.lang);
    if (!plan.current.ok()) return plan;
    const FormSpec& spec = *plan.current.to_spec;
    plan.copy = next_year_copy(plan.current.filing, spec);
    if (!plan.copy.ok()) return plan;
    const std::string title = filing_title(plan.copy.filing, spec);
    for (const auto& s : app.filings)
        if (!title.empty() && s.template_id == spec.id && s.year == std::to_string(plan.copy.year) && s.title == title)
            plan.duplicate = s.id;
    return plan;
}

bool open_next_year(App& app, const NextYearPlan& plan) {
    if (!plan.ready()) return false;
    app.open_unsaved(plan.copy.filing, plan.current.to_spec);
    app.status_message = fill(app.tr(Str::NextYearOpened), {std::to_string(plan.copy.year)});
    return true;
}

}  // namespace formwork::ui
