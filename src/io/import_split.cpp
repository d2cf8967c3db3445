// Documents of a file and their templates (see import_split.h).
#include "io/import_split.h"

#include <algorithm>
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
// What a title naming the template is worth, in labels.
constexpr std::size_t kTitleBonus = 3;

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
    // A title with no labels after it before the next title: a page header, part of the next.
    for (std::size_t i = 0; i + 1 < docs.size();) {
        std::size_t best = 0;
        for (const auto* t : templates) best = std::max(best, labels_found(grid, docs[i].begin, docs[i].end, docs[i].title, *t));
        if (best >= kMinLabels) {
            ++i;
            continue;
        }
        docs[i + 1].begin = docs[i].begin;
        docs.erase(docs.begin() + static_cast<long>(i));
    }
    return docs;
}

std::size_t labels_found(const TextGrid& grid, std::size_t begin, std::size_t end, long title, const ImportTemplate& t) {
    const Split split = grid.layout == GridLayout::SpaceRows ? Split::Words : Split::Pairs;
    std::set<std::string> found;
    for (std::size_t r = begin; r < end; ++r) {
        if (static_cast<long>(r) == title) continue;
        for (const auto& item : cell_items(grid.rows[r], t.index, split)) {
            if (!item.targets) continue;
            for (const auto& target : *item.targets)
                if (target.kind != LabelKind::Ignore) found.insert(item.key);
        }
    }
    return found.size();
}

TemplateChoice choose_template(const TextGrid& grid, const Document& doc, const std::vector<const ImportTemplate*>& templates) {
    TemplateChoice best;
    std::size_t best_score = 0;
    bool best_titled = false;
    for (const auto* t : templates) {
        if (t->budget.spent()) continue;
        const std::size_t found = labels_found(grid, doc.begin, doc.end, doc.title, *t);
        if (found < kMinLabels) continue;
        const bool titled = std::find(doc.candidates.begin(), doc.candidates.end(), t) != doc.candidates.end();
        const std::size_t score = found + (titled ? kTitleBonus : 0);
        // Ties: the template whose title started the form, then the first.
        if (score > best_score || (score == best_score && titled && !best_titled)) {
            best = {t, found};
            best_score = score;
            best_titled = titled;
        }
    }
    return best;
}

}  // namespace formwork::io
