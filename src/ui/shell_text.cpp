// Collecting the texts the shell shows, so the font atlas covers every character of the
// templates and of the open filing (see fonts.h for why this is needed in ImGui 1.86).
#include "ui/shell.h"

namespace formwork::ui {

bool note_visible_text(const App& app, FontAtlasBuilder& fonts) {
    bool added = false;
    auto note = [&](const std::string& s) { added |= fonts.note_text(s); };
    // The current templates and the earlier versions a filing may be shown with.
    for (const auto* list : {&app.templates.entries(), &app.templates.earlier()}) {
        for (const auto& e : *list) {
            note(e.file);
            for (const auto& err : e.errors) note(err);
            const FormSpec* s = e.loaded.get();
            if (!s) continue;
            note(s->title);
            note(s->region);  // the New menu and the list's filter name templates by title and region
            for (const auto& b : s->blocks) {
                note(b.label);
                note(b.unit);
                for (const auto& f : b.fields) {
                    note(f.label);
                    note(f.help);
                    for (const auto& o : f.options) note(o);
                }
                for (const auto& c : b.columns) note(c.label);
                for (const auto& r : b.rows) note(r.label);
                for (const auto& p : b.indicators.periods) note(p.label);
                for (const auto& x : b.indicators.extra) note(x.label);
                for (const auto& l1 : b.indicators.tree) {
                    note(l1.name);
                    for (const auto& l2 : l1.level2) note(l2.name);
                }
                note(b.total_label);
            }
            for (const auto& c : s->computed) note(c.label);
        }
    }
    for (const auto& f : app.filings) note(f.title);
    if (app.checks)
        for (const auto& e : app.checks->scripts()) {
            for (const auto& err : e.errors) note(err);
            for (const auto& c : e.loaded) {
                note(c->title_zh);
                note(c->title_en);
            }
        }
    if (app.session) {
        const Filing& f = app.session->filing();
        for (const auto& [id, v] : f.fields) note(v);
        for (const auto& [id, t] : f.tables)
            for (const auto& r : t.rows)
                for (const auto& [c, v] : r.cells) note(v);
        for (const auto& i : f.indicators) {
            note(i.level1);
            note(i.level2);
            note(i.name);
            for (const auto& [p, v] : i.targets) note(v);
            for (const auto& [x, v] : i.extra) note(v);
        }
        for (const auto& n : f.notes) note(n.text);
    }
    for (const auto& p : app.problems) {
        note(p.message_zh);
        note(p.message_en);
    }
    note(app.status_message);
    note("「」→、：·…—");  // what the update dialog puts between labels and values
    note(app.db.path());
    return added;
}

}  // namespace formwork::ui
