// Template versions in the shell: the state, the preview and the update (see version_update.h).
#include "ui/version_update.h"

#include "core/filing_facts.h"

namespace formwork::ui {

VersionState version_state(const App& app) {
    VersionState s;
    if (!app.session) return s;
    const Filing& f = app.session->filing();
    s.filed = f.template_version;
    const auto current = app.templates.find(f.template_id);
    s.current = current ? current->version : 0;
    s.described = !app.session->spec() || app.session->spec()->version == f.template_version;
    return s;
}

script::MigrationResult preview_update(App& app) {
    if (!app.session) return {};
    return script::migrate_filing(app.templates, app.session->filing(), app.lang);
}

bool apply_update(App& app, const script::MigrationResult& migrated) {
    if (!app.session || !migrated.needed() || !migrated.to_spec) return false;
    if (app.refuse_if_read_only()) return false;
    if (app.session->filing().id == 0) {
        // Never saved: the draft itself moves to the new version.
        app.open_unsaved(migrated.filing, migrated.to_spec);
        app.status_message = fill(app.tr(Str::UpdateDoneUnsaved), {std::to_string(migrated.to)});
        return true;
    }
    if (app.session->dirty() && !app.save()) return false;
    const std::int64_t id = app.session->filing().id;
    try {
        const auto before = app.store.revisions(id);
        const std::int64_t revision_before = before.empty() ? 0 : before.front().id;
        Filing f = migrated.filing;
        f.id = id;
        const FormSpec& spec = *migrated.to_spec;
        const auto year = filing_year(f, spec);
        const std::string summary = fill(app.tr(Str::UpdateSummary), {std::to_string(migrated.to)});
        const auto saved = app.store.save(f, {filing_title(f, spec), year ? std::to_string(*year) : std::string(), summary});
        app.refresh_list();
        app.open_filing(id);
        app.status_message = fill(app.tr(Str::UpdateDone), {std::to_string(migrated.to), std::to_string(saved.revision),
                                                            std::to_string(revision_before)});
        return true;
    } catch (const std::exception& e) {
        app.status_message = std::string(app.tr(Str::UpdateFailed)) + e.what();
        return false;
    }
}

std::string change_counts(const App& app, const VersionChanges& changes) {
    const std::pair<ChangeKind, Str> kinds[] = {{ChangeKind::Moved, Str::KindMoved},   {ChangeKind::Renamed, Str::KindRenamed},
                                                {ChangeKind::Changed, Str::KindChanged}, {ChangeKind::Split, Str::KindSplit},
                                                {ChangeKind::Added, Str::KindAdded},     {ChangeKind::Noted, Str::KindNoted}};
    std::string out;
    for (const auto& [kind, word] : kinds)
        if (const std::size_t n = changes.count(kind))
            out += (out.empty() ? "" : " · ") + std::string(app.tr(word)) + " " + std::to_string(n);
    return out.empty() ? app.tr(Str::UpdateNoChanges) : out;
}

}  // namespace formwork::ui
