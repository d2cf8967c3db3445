// The names the shell shows for templates and checks, in the UI language: a template as its
// title and region ("项目支出绩效目标表 · 湖南省沅江市"), never as its English id under the
// Chinese UI; a check by its title. Where a script gives no English, the English UI shows
// the id rather than Chinese (one language at a time).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "checks/check_types.h"
#include "core/form_spec.h"
#include "core/lang.h"
#include "templates/template_registry.h"

namespace formwork::ui {

// "title · region" in `lang`; English: title_en (else the id) and region_en when given.
std::string template_label(const FormSpec& spec, Lang lang);

// Labels of several templates by id, each unique: where two would read alike (the same
// title and region), each gets its id appended, so a menu never offers two equal entries.
std::map<std::string, std::string> template_labels(const std::vector<std::shared_ptr<const FormSpec>>& specs, Lang lang);
// The same for every usable template of a registry.
std::map<std::string, std::string> template_labels(const script::TemplateRegistry& registry, Lang lang);

// A check's title in `lang`; English: title_en when the script wrote one, else the id.
std::string check_title(const script::CheckSpec& check, Lang lang);

// Whether `text` holds Chinese (CJK ideographs, CJK or full-width punctuation).
bool has_chinese(const std::string& text);

}  // namespace formwork::ui
