// Small ImGui helpers shared by the views: problem markers, and the one text input that all
// editable values go through (exact number validation, undo merging, jump-to-problem focus).
#pragma once

#include <functional>
#include <map>
#include <string>

#include "core/form_spec.h"
#include "core/value_rules.h"
#include "ui/app.h"

namespace formwork::ui {

// A red (error) or amber (warning) marker after the previous item when the open filing has
// problems at `path`, with their messages as a tooltip. Returns true when it drew one.
bool problem_marker(App& app, const std::string& path);
// The worst problem at `path` (an error before a warning before info), or null.
const Problem* worst_problem(const App& app, const std::string& path);
// A tooltip with the messages of every problem at `path`.
void problem_tooltip(App& app, const std::string& path);

// An editable value. `commit` receives accepted text; text that is not a number in a number
// field is kept in the box with a message and never stored. Returns true when committed.
bool value_input(App& app, const std::string& path, const std::string& value, ValueKind kind, float width,
                 const std::function<void(const std::string&, const std::string& merge_key)>& commit);

ImVec4 severity_color(const std::string& severity);

// Combos choosing one of the stored filings' templates (by `labels`: template_labels() of the
// registry, which the caller has for other uses too) or years; "" stands for all. `label` is an
// ImGui label ("##id" for none). Return true on a change.
bool template_combo(const App& app, const char* label, const std::map<std::string, std::string>& labels,
                    std::string& template_id);
bool year_combo(const App& app, const char* label, std::string& year);

}  // namespace formwork::ui
