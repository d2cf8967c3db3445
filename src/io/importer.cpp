// One file → its filings (see importer.h): read the text grid, split it into documents,
// choose each document's template, place its rows, fill fields the template takes from the
// whole file, and refuse the file when it stops in the middle of a form.
#include "io/importer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "io/import_split.h"
#include "io/import_template.h"
#include "io/label_text.h"
#include "io/text_pattern.h"

namespace formwork::io {

namespace {

FileImport failure(FileImport r, int line, std::string zh, std::string en) {
    r.filings.clear();
    r.failed = true;
    r.line = line;
    r.error = {std::move(zh), std::move(en)};
    return r;
}

// The text grid's errors, in both languages.
ImportMessage grid_message(const GridError& e) {
    const std::string what = e.what();
    if (what.find("empty") != std::string::npos) return {"文件是空的", "the file is empty"};
    if (what.find("NUL") != std::string::npos) return {"不是文本文件（含有 NUL 字节）", "not a text file (it contains NUL bytes)"};
    if (what.find("UTF-8") != std::string::npos) return {"不是 UTF-8 文本（有无效字节）", "not UTF-8 text (invalid bytes)"};
    return {"无法读取：" + what, what};
}

// The last block a complete form must reach: the last one holding something required.
int final_block(const FormSpec& spec) {
    int last = -1;
    for (int b = 0; b < static_cast<int>(spec.blocks.size()); ++b) {
        const BlockSpec& block = spec.blocks[b];
        bool required = block.kind == BlockKind::Indicators;
        for (const auto& f : block.fields) required = required || f.required;
        for (const auto& c : block.columns) required = required || c.required;
        if (required) last = b;
    }
    return last;
}

std::string block_name(const BlockSpec& b) {
    std::string s = b.label.empty() ? b.id : b.label;
    for (auto& c : s)
        if (c == '\n') c = ' ';
    return s;
}

// The first cell of the file whose text matches `pattern`, with its value; nullptr if none.
const GridCell* first_match(const TextGrid& grid, const std::string& pattern, PatternBudget& budget, std::string& value) {
    for (const auto& row : grid.rows)
        for (const auto& cell : row.cells)
            if (!cell.text.empty())
                if (auto v = match_pattern(strip_bookmarks(cell.text), pattern, &budget)) {
                    value = *v;
                    return &cell;
                }
    return nullptr;
}

// import.values rules with scope = "file": a field the form does not print, taken from the
// first text of the same file that matches (e.g. the unit line of the project tables), with a
// note saying where it came from.
void fill_from_file(ImportedFiling& f, const TextGrid& grid, const std::string& file, PatternBudget& budget) {
    for (const auto& rule : f.spec->import_spec.values) {
        if (!rule.whole_file) continue;
        const std::string field = rule.to.substr(rule.to.find('.') + 1);
        std::string value;
        const GridCell* cell = f.filing.field(field).empty() ? first_match(grid, rule.pattern, budget, value) : nullptr;
        if (!cell) continue;
        f.filing.fields[field] = value;
        const FieldSpec* spec = f.spec->find_field(field);
        f.filing.notes.push_back({"import", file + ":" + std::to_string(cell->line) + ": " + (spec ? spec->label : field) +
                                                "：" + value + "（本表未印，取自同一文件）"});
    }
}

ImportMessage budget_message(const ImportTemplate& t) {
    return {"模板 " + t.spec->id + "（" + t.spec->source + "）的导入规则（import.titles / values）在本文件上超出了计算预算，本文件不按该模板读取",
            "template " + t.spec->id + " (" + t.spec->source + "): its import patterns (import.titles / values) ran over their budget on this file, so the file is not read with it"};
}

const ImportTemplate* find_template(const std::vector<const ImportTemplate*>& pool, const FormSpec* spec) {
    for (const auto* t : pool)
        if (t->spec.get() == spec) return t;
    return nullptr;
}

}  // namespace

Importer::Importer(const std::vector<std::shared_ptr<const FormSpec>>& templates) {
    for (const auto& t : templates)
        if (t) templates_.push_back(std::make_unique<ImportTemplate>(t));
}

Importer::~Importer() = default;

bool Importer::has_template(const std::string& id) const {
    for (const auto& t : templates_)
        if (t->spec->id == id) return true;
    return false;
}

FileImport Importer::import_file(const std::filesystem::path& path, const std::string& template_id) const {
    FileImport r;
    r.file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) return failure(r, 0, "无法打开文件", "cannot open the file");
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return failure(r, 0, "读取文件出错", "error reading the file");
    return import_text(r.file, ss.str(), template_id);
}

FileImport Importer::import_text(const std::string& shown_name, std::string_view content, const std::string& template_id) const {
    FileImport r;
    r.file = shown_name;
    TextGrid grid;
    try {
        grid = read_text_grid(content);
    } catch (const GridError& e) {
        const ImportMessage m = grid_message(e);
        return failure(r, e.line, m.zh, m.en);
    }
    return import_grid(shown_name, grid, template_id);
}

FileImport Importer::import_grid(const std::string& shown_name, const TextGrid& grid, const std::string& template_id) const {
    FileImport r;
    r.file = shown_name;
    // Only spaces and empty cells (a stray tab makes the grid reader see a cell): empty too.
    if (std::all_of(grid.rows.begin(), grid.rows.end(), [](const GridRow& row) { return row.all_blank(); }))
        return failure(r, 0, "文件是空的", "the file is empty");
    std::vector<const ImportTemplate*> pool;
    for (const auto& t : templates_)
        if (template_id.empty() || t->spec->id == template_id) pool.push_back(t.get());
    if (pool.empty())
        return failure(r, 0, "没有模板 " + template_id, "no template " + template_id);
    for (const auto* t : pool) t->budget = PatternBudget{};
    r = place_documents(shown_name, grid, pool);
    // Templates whose patterns used up their budget on this file were left out of it.
    for (const auto* t : pool)
        if (t->budget.spent()) r.warnings.push_back(budget_message(*t));
    return r;
}

FileImport Importer::place_documents(const std::string& shown_name, const TextGrid& grid,
                                     const std::vector<const ImportTemplate*>& pool) const {
    FileImport r;
    r.file = shown_name;

    const std::vector<Document> docs = split_documents(grid, pool);
    for (std::size_t d = 0; d < docs.size(); ++d) {
        const Document& doc = docs[d];
        const int first_line = grid.rows[doc.title >= 0 ? doc.title : doc.begin].line;
        const TemplateChoice choice = choose_template(grid, doc, pool);
        if (!choice.chosen)
            return failure(r, first_line, "从这一行起的表格无法识别：没有哪个模板的标签与之相符",
                           "the form starting here matches no template's labels");
        const ImportTemplate& t = *choice.chosen;
        ImportedFiling f;
        f.spec = t.spec;
        f.first_line = first_line;
        f.filing.template_id = t.spec->id;
        f.filing.template_version = t.spec->version;
        Placer placer(t, f.filing, f.unplaced);
        for (std::size_t i = doc.begin; i < doc.end; ++i) {
            if (static_cast<long>(i) == doc.title) placer.title(grid.rows[i]);
            else placer.row(grid.rows[i]);
        }
        placer.finish();
        if (d + 1 == docs.size()) {
            // The file ends here: a form that stops before its last part, or in the middle of a
            // table row, was cut off (a partial export), and is refused rather than half-read.
            const GridRow& last = grid.rows.back();
            const int last_line = last.cells.empty() ? last.line : last.cells.back().line;
            const int final = final_block(*t.spec);
            if (final >= 0 && !placer.reached(final)) {
                const std::string name = block_name(t.spec->blocks[final]);
                return failure(r, last_line, "文件在这一行中断，表格不完整：缺少“" + name + "”及其后的部分",
                               "the file ends in the middle of a form: \"" + name + "\" and what follows are missing");
            }
            if (placer.last_row_short())
                return failure(r, last_line, "文件在这一行中断：表格的最后一行不完整",
                               "the file ends in the middle of a table row");
        }
        if (t.budget.spent()) return failure(r, first_line, budget_message(t).zh, budget_message(t).en);
        for (const auto& u : f.unplaced) f.filing.notes.push_back({"import", shown_name + ":" + std::to_string(u.line) + ": " + u.text});
        r.filings.push_back(std::move(f));
    }
    for (auto& f : r.filings) {
        const auto* t = find_template(pool, f.spec.get());
        fill_from_file(f, grid, shown_name, t->budget);
        if (t->budget.spent()) return failure(r, 0, budget_message(*t).zh, budget_message(*t).en);
    }
    return r;
}

}  // namespace formwork::io
