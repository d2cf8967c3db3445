// Texts of the revision list (see revision_text.h).
#include "ui/revision_text.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "core/place_label.h"
#include "ui/strings.h"

namespace formwork::ui {

std::string local_time_text(const std::string& iso_utc) {
    std::tm tm{};
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (std::sscanf(iso_utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &year, &month, &day, &hour, &minute, &second) != 6)
        return iso_utc;
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    const std::time_t t = timegm(&tm);
    std::tm local{};
    if (t == static_cast<std::time_t>(-1) || !localtime_r(&t, &local)) return iso_utc;
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%d %H:%M:%S", &local);
    return out;
}

std::vector<std::string> content_paths(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& p : paths)
        if (p.rfind("m/", 0) != 0 && p.find('#') == std::string::npos) out.push_back(p);
    return out;
}

RevisionChanges describe_revision(const store::RevisionInfo& revision, const std::vector<std::string>& paths, bool first,
                                  const FormSpec* spec, const Filing& filing, Lang lang, std::size_t shown) {
    RevisionChanges out;
    std::string lead;
    if (revision.restored_from != 0) lead = tr_with(Str::RevisionRestoredFrom, lang, std::to_string(revision.restored_from));
    if (first && paths.empty()) {
        out.brief = tr(Str::RevisionCreated, lang);
        return out;
    }
    const auto cells = content_paths(paths);
    for (const auto& p : cells) {
        std::string label = path_label(p, spec, filing, lang);
        // Two cells of one place (an indicator's name and level) read as one place.
        if (std::find(out.places.begin(), out.places.end(), label) == out.places.end()) out.places.push_back(std::move(label));
    }
    std::string what;
    if (cells.empty()) {
        what = tr(Str::NoCellsChanged, lang);
    } else {
        what = (cells.size() == 1 ? std::string(tr(Str::OneCellChanged, lang)) : tr_with(Str::CellsChanged, lang, std::to_string(cells.size()))) +
               tr(Str::Colon, lang);
        for (std::size_t i = 0; i < out.places.size() && i < shown; ++i) what += (i ? tr(Str::ListSep, lang) : "") + out.places[i];
        if (out.places.size() > shown) what += "…";
    }
    out.brief = lead.empty() ? what : lead + tr(Str::Semicolon, lang) + what;
    return out;
}

std::string summary_text(const std::string& summary, Lang lang) {
    for (Lang l : {Lang::Zh, Lang::En}) {
        if (summary == tr(Str::EditedInShell, l)) return tr(Str::EditedInShell, lang);
        // "导入自 {1}" / "imported from {1}": the part before the value, as io/import_files.cpp writes it.
        const std::string pattern = tr(Str::ImportedFrom, l);
        const std::string prefix = pattern.substr(0, pattern.find("{1}"));
        if (summary.rfind(prefix, 0) == 0) return tr_with(Str::ImportedFrom, lang, summary.substr(prefix.size()));
    }
    return summary;
}

}  // namespace formwork::ui
