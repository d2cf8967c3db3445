// One file → its filings (see importer.h): read the grid with the reader its content calls
// for, split it into documents, choose each document's template, rebuild the rows of a stream
// layout, place the rows, then judge each form: taken, or refused with the reason.
#include "io/importer.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/filing_completeness.h"
#include "core/filing_facts.h"
#include "core/period_text.h"
#include "io/grid_readers.h"
#include "io/import_split.h"
#include "io/import_template.h"
#include "io/label_text.h"
#include "io/stream_rows.h"
#include "io/text_encoding.h"
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

// The readers' errors, in both languages.
ImportMessage grid_message(const GridError& e) {
    const std::string what = e.what();
    if (what.find("empty") != std::string::npos) return {"文件是空的", "the file is empty"};
    if (what.find("NUL") != std::string::npos) return {"不是文本文件（含有 NUL 字节）", "not a text file (it contains NUL bytes)"};
    if (what.find("UTF-8") != std::string::npos || what.find("decode") != std::string::npos)
        return {"无法识别文件的文字编码（既不是 UTF-8，也不是 GB18030/GBK）：" + what, what};
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

// import.split: a period printed in one cell also fills its start and end fields (a year
// field takes the year); the cell itself stays as printed.
void split_periods(ImportedFiling& f) {
    for (const ImportSplit& sp : f.spec->import_spec.splits) {
        if (sp.into.size() != 2) continue;
        const std::string from = sp.from.substr(7), start = sp.into[0].substr(7), end = sp.into[1].substr(7);
        const std::string& text = f.filing.field(from);
        if (text.empty() || !f.filing.field(start).empty() || !f.filing.field(end).empty()) continue;
        const auto parts = split_period(text);
        if (!parts) continue;
        auto value = [&](const std::string& field, const std::string& printed, int year) {
            const FieldSpec* spec = f.spec->find_field(field);
            return spec && spec->kind == ValueKind::Year ? std::to_string(year) : printed;
        };
        f.filing.fields[start] = value(start, parts->start, parts->start_year);
        f.filing.fields[end] = value(end, parts->end, parts->end_year);
    }
}

ImportMessage budget_message(const ImportTemplate& t) {
    return {"模板 " + t.spec->id + "（" + t.spec->source + "）的导入规则（import.titles / values）在本文件上超出了计算预算，本文件不按该模板读取",
            "template " + t.spec->id + " (" + t.spec->source + "): its import patterns (import.titles / values) ran over their budget on this file, so the file is not read with it"};
}

// The first row of a document at or after `from` that a footer pattern of the template
// matches (a footnote, "附件下载"), or `end`.
std::size_t footer_start(const TextGrid& grid, std::size_t from, std::size_t end, const ImportTemplate& t) {
    const auto& patterns = t.spec->import_spec.footer;
    if (patterns.empty()) return end;
    for (std::size_t r = from; r < end; ++r)
        for (const auto& cell : grid.rows[r].cells)
            if (!cell.text.empty())
                for (const auto& p : patterns)
                    if (match_pattern(strip_bookmarks(cell.text), p, &t.budget)) return r;
    return end;
}

// Whether a row's last cells are in the file even when empty (tabs, a stream's cells), so that
// a row shorter than its header means the file stopped inside it. A spreadsheet, a document
// or a pipe row does not keep empty cells at a row's end.
bool row_ends_are_printed(GridLayout layout) {
    return layout == GridLayout::RowPerLine || layout == GridLayout::CellPerLine || is_stream(layout);
}

// A form's indicator table that stops before the categories its template requires: the file
// ended inside it. The missing level-1 names, "" when none is missing.
std::string missing_categories(const ImportedFiling& f) {
    std::string missing;
    for (const BlockSpec& b : f.spec->blocks) {
        if (b.kind != BlockKind::Indicators) continue;
        for (const Level1Spec& l1 : b.indicators.tree) {
            if (!l1.required) continue;
            bool present = false;
            for (const Indicator& i : f.filing.indicators) {
                present = present || normalize_label(i.level1) == normalize_label(l1.name);
                for (const auto& a : l1.aliases) present = present || normalize_label(i.level1) == normalize_label(a);
            }
            if (!present) missing += (missing.empty() ? "" : "、") + l1.name;
        }
    }
    return missing;
}

std::string joined_missing(const std::vector<std::string>& missing, const char* sep) {
    std::string s;
    for (std::size_t i = 0; i < missing.size() && i < 8; ++i) s += (i ? sep : "") + missing[i];
    if (missing.size() > 8) s += sep + std::string("…");
    return s;
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

FileImport Importer::import_file(const std::filesystem::path& path, const ImportOptions& options) const {
    FileImport r;
    r.file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) return failure(r, 0, "无法打开文件", "cannot open the file");
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return failure(r, 0, "读取文件出错", "error reading the file");
    return import_bytes(r.file, ss.str(), options);
}

FileImport Importer::import_bytes(const std::string& shown_name, std::string_view bytes, const ImportOptions& options) const {
    FileImport r;
    r.file = shown_name;
    const FileFormat format = sniff_format(bytes);
    r.format = to_string(format);
    TextGrid grid;
    try {
        switch (format) {
            case FileFormat::Xlsx: grid = read_xlsx_grid(bytes, options.sheet); break;
            case FileFormat::Docx: grid = read_docx_grid(bytes); break;
            case FileFormat::Html: grid = read_html_grid(bytes); break;
            case FileFormat::Text:
            case FileFormat::Json: {
                const DecodedText text = decode_text(bytes);
                FileImport t = import_text(shown_name, text.text, options);
                t.format = "text";
                return t;
            }
            case FileFormat::Unknown:
                return failure(r, 0, "不是可导入的文件：只读取 xlsx、docx、HTML 和文本文件（不读取 .doc/.xls 旧格式、PDF 或图片）",
                               "not a file Formwork imports: it reads xlsx, docx, HTML and text (not old .doc/.xls, PDF or images)");
        }
    } catch (const GridError& e) {
        const ImportMessage m = grid_message(e);
        return failure(r, e.line, m.zh, m.en);
    }
    FileImport done = import_grid(shown_name, grid, options);
    done.format = r.format;
    return done;
}

FileImport Importer::import_text(const std::string& shown_name, std::string_view content, const ImportOptions& options) const {
    FileImport r;
    r.file = shown_name;
    r.format = "text";
    TextGrid grid;
    try {
        grid = read_text_grid(content, options.layout);
    } catch (const GridError& e) {
        const ImportMessage m = grid_message(e);
        return failure(r, e.line, m.zh, m.en);
    }
    FileImport done = import_grid(shown_name, grid, options);
    done.format = "text";
    if (options.layout || options.template_id.empty()) {
        // A template that says how its text files lay out their cells, when detection read
        // this one otherwise: read again that way, and keep the better reading.
        std::string declared;
        for (const auto& f : done.filings) declared = f.spec->import_spec.separator;
        const auto layout = text_layout_named(declared);
        if (!options.layout && layout && to_string(*layout) != std::string(to_string(grid.layout)) && !done.filings.empty()) {
            ImportOptions again = options;
            again.layout = layout;
            again.template_id = done.filings.front().spec->id;
            FileImport retry = import_text(shown_name, content, again);
            std::size_t before = 0, after = 0;
            for (const auto& f : done.filings) before += f.values;
            for (const auto& f : retry.filings) after += f.values;
            if (!retry.failed && after > before) return retry;
        }
    }
    return done;
}

FileImport Importer::import_grid(const std::string& shown_name, const TextGrid& grid, const ImportOptions& options) const {
    FileImport r;
    r.file = shown_name;
    r.layout = to_string(grid.layout);
    // Only spaces and empty cells (a stray tab makes the grid reader see a cell): empty too.
    if (std::all_of(grid.rows.begin(), grid.rows.end(), [](const GridRow& row) { return row.all_blank(); }))
        return failure(r, 0, "文件是空的", "the file is empty");
    std::vector<const ImportTemplate*> pool;
    for (const auto& t : templates_)
        if (options.template_id.empty() || t->spec->id == options.template_id) pool.push_back(t.get());
    if (pool.empty())
        return failure(r, 0, "没有模板 " + options.template_id, "no template " + options.template_id);
    for (const auto* t : pool) t->budget = PatternBudget{};
    r = place_documents(shown_name, grid, pool, options);
    r.layout = to_string(grid.layout);
    // Templates whose patterns used up their budget on this file were left out of it.
    for (const auto* t : pool)
        if (t->budget.spent()) r.warnings.push_back(budget_message(*t));
    return r;
}

FileImport Importer::place_documents(const std::string& shown_name, const TextGrid& grid,
                                     const std::vector<const ImportTemplate*>& pool, const ImportOptions& options) const {
    FileImport r;
    r.file = shown_name;
    auto note = [&](int line, const std::string& text) { return Note{"import", shown_name + ":" + std::to_string(line) + ": " + text}; };

    const std::vector<Document> docs = split_documents(grid, pool);
    for (std::size_t d = 0; d < docs.size(); ++d) {
        const Document& doc = docs[d];
        const int first_line = grid.rows[doc.title >= 0 ? doc.title : doc.begin].line;
        const TemplateChoice choice = choose_template(grid, doc, pool);
        if (!choice.chosen) {
            r.refused.push_back({first_line, "", {"从这一行起的表格无法识别：没有哪个模板的标签与之相符", "the form starting here matches no template's labels"}, 0, 0, {}});
            continue;
        }
        const ImportTemplate& t = *choice.chosen;
        ImportedFiling f;
        f.spec = t.spec;
        f.first_line = first_line;
        f.filing.template_id = t.spec->id;
        f.filing.template_version = t.spec->version;

        // The rows of the form, without its footer; a stream's rows rebuilt for this template.
        const std::size_t body_begin = doc.title >= 0 ? static_cast<std::size_t>(doc.title) + 1 : doc.begin;
        const std::size_t footer = footer_start(grid, body_begin, doc.end, t);
        std::vector<GridRow> rows;
        for (std::size_t i = doc.begin; i < footer; ++i)
            if (static_cast<long>(i) != doc.title) rows.push_back(grid.rows[i]);
        if (is_stream(grid.layout)) rows = assemble_stream_rows(rows, *t.spec, t.index);
        if (grid.layout == GridLayout::SpaceRows) rows = join_broken_labels(rows, t.index);

        Placer placer(t, f.filing, f.unplaced, grid.layout);
        if (doc.title >= 0) placer.title(grid.rows[doc.title]);
        for (const auto& row : rows) placer.row(row);
        placer.finish();
        f.conversions = std::move(placer.conversions);
        split_periods(f);
        fill_from_file(f, grid, shown_name, t.budget);
        if (t.budget.spent()) return failure(r, first_line, budget_message(t).zh, budget_message(t).en);

        // Judged: cut off by the end of the file, or too little of the template to be this form.
        std::optional<ImportMessage> refusal;
        const int last_line = grid.rows[doc.end - 1].cells.empty() ? grid.rows[doc.end - 1].line : grid.rows[doc.end - 1].cells.back().line;
        if (d + 1 == docs.size() && footer == doc.end) {
            const int final = final_block(*t.spec);
            const bool ends_in_indicators = final >= 0 && t.spec->blocks[final].kind == BlockKind::Indicators &&
                                            placer.reached(final) && !f.filing.indicators.empty();
            const std::string categories = ends_in_indicators ? missing_categories(f) : std::string();
            if (final >= 0 && !placer.reached(final)) {
                const std::string name = block_name(t.spec->blocks[final]);
                refusal = ImportMessage{"文件在第 " + std::to_string(last_line) + " 行中断，表格不完整：缺少“" + name + "”及其后的部分",
                                        "the file ends at line " + std::to_string(last_line) + " in the middle of the form: \"" + name +
                                            "\" and what follows are missing"};
            } else if (placer.last_row_short() && row_ends_are_printed(grid.layout)) {
                refusal = ImportMessage{"文件在第 " + std::to_string(last_line) + " 行中断：表格的最后一行不完整",
                                        "the file ends at line " + std::to_string(last_line) + " in the middle of a table row"};
            } else if (!categories.empty()) {
                refusal = ImportMessage{"文件在第 " + std::to_string(last_line) + " 行中断：绩效指标表不完整，缺少“" + categories + "”",
                                        "the file ends at line " + std::to_string(last_line) +
                                            " inside the indicator table: no indicators of " + categories};
            }
        }
        const bool cut_off = refusal.has_value();
        const auto required = required_values(f.filing, *t.spec);
        f.required = required.size();
        std::size_t filled = 0;
        for (const auto& v : required) {
            if (v.filled) ++filled;
            else f.missing.push_back(v.label);
        }
        f.values = filled_values(f.filing);
        if (!refusal && filing_title(f.filing, *t.spec).empty())
            refusal = ImportMessage{"按模板 " + t.spec->id + " 读取，但没有找到名称（" + t.spec->title_field + "）",
                                    "read as " + t.spec->id + ", but it has no title (" + t.spec->title_field + ")"};
        if (!refusal && filled * 2 < required.size())
            refusal = ImportMessage{"按模板 " + t.spec->id + " 读取，必填的 " + std::to_string(required.size()) + " 项只找到 " +
                                        std::to_string(filled) + " 项，不像是这种表格；缺少：" + joined_missing(f.missing, "、"),
                                    "read as " + t.spec->id + ", only " + std::to_string(filled) + " of its " +
                                        std::to_string(required.size()) + " required values were found, so it is not this form; missing: " +
                                        joined_missing(f.missing, ", ")};
        if (refusal && !options.force) {
            // Where the problem is: the line the file stopped at, or the form's first line.
            r.refused.push_back({cut_off ? last_line : first_line, t.spec->id, *refusal, f.values, f.required, f.missing});
            continue;
        }
        f.forced = refusal;

        for (const auto& u : f.unplaced) f.filing.notes.push_back(note(u.line, u.text));
        for (const auto& c : f.conversions) f.filing.notes.push_back(note(c.line, c.text));
        for (std::size_t i = footer; i < doc.end; ++i)
            for (const auto& cell : grid.rows[i].cells)
                if (!cell.text.empty()) f.filing.notes.push_back(note(cell.line, "（表后）" + cell.text));
        r.filings.push_back(std::move(f));
    }
    if (r.filings.empty()) {
        const RefusedForm& first = r.refused.front();
        return failure(r, first.line, first.why.zh, first.why.en);
    }
    return r;
}

}  // namespace formwork::io
