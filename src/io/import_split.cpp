// Documents of a file and their templates (see import_split.h).
#include "io/import_split.h"

#include <set>
#include <string>

#include "io/cell_items.h"
#include "io/label_text.h"
#include "io/text_pattern.h"

namespace formwork::io {

namespace {

// A title is a line of its own: a text line, or a row with a single non-blank cell.
bool title_text(const GridRow& row, std::string& text) {
    int filled = 0;
    for (const auto& c : row.cells)
        if (!c.text.empty()) ++filled, text = c.text;
    if (filled != 1) return false;
    text = strip_bookmarks(text);
    return !text.empty();
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return !suffix.empty() && s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A document must print at least this many of its template's labels to be read as that form.
constexpr std::size_t kMinLabels = 2;

}  // namespace

bool is_title_of(const ImportTemplate& t, const GridRow& row) {
    std::string text;
    if (!title_text(row, text)) return false;
    const auto& titles = t.spec->import_spec.titles;
    if (titles.empty()) return ends_with(normalize_label(text), normalize_label(t.spec->title));
    for (const auto& p : titles)
        if (match_pattern(text, p, &t.budget)) return true;
    return false;
}

std::vector<Document> split_documents(const TextGrid& grid, const std::vector<const ImportTemplate*>& templates) {
    std::vector<Document> docs;
    Document current;
    for (std::size_t i = 0; i < grid.rows.size(); ++i) {
        std::vector<const ImportTemplate*> matched;
        for (const auto* t : templates)
            if (is_title_of(*t, grid.rows[i])) matched.push_back(t);
        if (matched.empty()) continue;
        if (current.title >= 0) {  // rows before the first title stay with the first document
            current.end = i;
            docs.push_back(current);
            current = Document{};
            current.begin = i;
        }
        current.title = static_cast<long>(i);
        current.candidates = std::move(matched);
    }
    current.end = grid.rows.size();
    docs.push_back(current);
    return docs;
}

TemplateChoice choose_template(const TextGrid& grid, const Document& doc, const std::vector<const ImportTemplate*>& templates) {
    const auto& pool = doc.candidates.empty() ? templates : doc.candidates;
    TemplateChoice best;
    for (const auto* t : pool) {
        if (t->budget.spent()) continue;
        std::set<std::string> found;
        for (std::size_t r = doc.begin; r < doc.end; ++r) {
            if (static_cast<long>(r) == doc.title) continue;
            for (const auto& item : cell_items(grid.rows[r], t->index, true)) {
                if (!item.targets) continue;
                for (const auto& target : *item.targets)
                    if (target.kind != LabelKind::Ignore) found.insert(item.key);
            }
        }
        if (found.size() >= kMinLabels && found.size() > best.labels) best = {t, found.size()};
    }
    return best;
}

}  // namespace formwork::io
