// Splitting a file into its documents (one printed form each) and choosing each document's
// template. A document starts at a text line that a template names as its title
// (import.titles, or by default a line ending with the template's title); lines before the
// first title belong to the first document, and a title followed by no labels before the next
// title (a page header repeating the form's name) joins the next document. A document's
// template is the one that fits it best: every template is scored by the distinct labels of
// it the document prints, with a small bonus when its title started the document, so a
// generic title ("项目支出绩效目标表") cannot take a form that another template fits better.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "io/import_template.h"
#include "io/text_grid.h"

namespace formwork::io {

struct Document {
    std::size_t begin = 0, end = 0;  // rows [begin, end) of the grid, the title row included
    long title = -1;                 // the title row, or -1
    std::vector<const ImportTemplate*> candidates;  // templates whose title started it (empty: none)
    // The label keys of rows [begin, end) (document_keys), once split_documents has made them:
    // choose_template then uses them instead of making them again.
    std::optional<std::unordered_set<std::string>> keys;
};

// True when the template names this text line as the start of one of its forms.
bool is_title_of(const ImportTemplate& t, const GridRow& row);

std::vector<Document> split_documents(const TextGrid& grid, const std::vector<const ImportTemplate*>& templates);

struct TemplateChoice {
    const ImportTemplate* chosen = nullptr;  // null: no template prints enough of these labels
    std::size_t labels = 0;                  // distinct labels of the chosen template found
};

TemplateChoice choose_template(const TextGrid& grid, const Document& doc, const std::vector<const ImportTemplate*>& templates);

// Every text rows [begin, end) could hold as a label, whatever the template (the title row
// not counted): each cell whole, the words before its first space, the text before each
// colon, and in a space-separated layout every run of one to four words. Computed once per
// document; each template's score is then a look-up per key.
std::unordered_set<std::string> document_keys(const TextGrid& grid, std::size_t begin, std::size_t end, long title);

// The distinct labels of `t` among those keys.
std::size_t labels_found(const std::unordered_set<std::string>& keys, const ImportTemplate& t);

}  // namespace formwork::io
