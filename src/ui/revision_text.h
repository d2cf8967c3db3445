// What the revision list says about each revision: when, to the second and in local time,
// and what changed — how many cells and the first few places, named as the template labels
// them (path_label.h) — so that two revisions of the same minute can be told apart.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"
#include "core/lang.h"
#include "store/filing_store.h"

namespace formwork::ui {

// "2024-05-01 16:30:00" in local time from the store's "2024-05-01T08:30:00.125Z"; the text
// as it is when it does not read as such a time.
std::string local_time_text(const std::string& iso_utc);

// The paths of cells a user sees, out of a revision's changed paths: without bookkeeping
// ("m/…") and counts ("…/#rows", "i/#count").
std::vector<std::string> content_paths(const std::vector<std::string>& paths);

struct RevisionChanges {
    std::string brief;                // e.g. "3 个单元格：项目名称、资金总额 › 全年预算数…"
    std::vector<std::string> places;  // every changed place, labelled (for a tooltip)
};

// Describes one revision. `paths`: its changed paths (FilingStore::changed_paths), empty for
// a filing's first revision (`first`); `shown`: how many places the brief names.
RevisionChanges describe_revision(const store::RevisionInfo& revision, const std::vector<std::string>& paths, bool first,
                                  const FormSpec* spec, const Filing& filing, Lang lang, std::size_t shown = 2);

// A stored revision summary in the UI language where it is one the programs write ("在桌面
// 程序中编辑", "导入自 …"); anything else as stored.
std::string summary_text(const std::string& summary, Lang lang);

}  // namespace formwork::ui
