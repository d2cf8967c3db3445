// The docx reader (grid_readers.h): a Word document's body in order, each paragraph a text row
// and each table row a grid row. gridSpan and vMerge become colspan/rowspan with empty covered
// cells; a table nested in a cell adds its cells' text to that cell as lines (its rows are not
// grid rows). Walks are iterative, so deeply nested input cannot exhaust the stack.
#include <algorithm>
#include <optional>

#include "io/cell_text.h"
#include "io/grid_readers.h"
#include "io/ooxml_part.h"
#include "io/zip_package.h"

namespace formwork::io {

namespace {

using ooxml::attr;
using ooxml::child;
using ooxml::is;
using ooxml::local_name;

constexpr std::size_t kMaxCells = 2'000'000;  // grid slots in all; a filing has a few thousand
constexpr int kMaxSpan = 63;                  // Word's widest table

// Visits the descendants of `root` in document order. enter(node) returns whether to go into
// the node's children; leave(node) follows once the node and everything in it are done.
template <class Enter, class Leave>
void walk(const pugi::xml_node& root, Enter&& enter, Leave&& leave) {
    pugi::xml_node n = root.first_child();
    while (n) {
        if (enter(n) && n.first_child()) {
            n = n.first_child();
            continue;
        }
        for (;;) {
            leave(n);
            if (const auto next = n.next_sibling()) {
                n = next;
                break;
            }
            n = n.parent();
            if (!n || n == root) return;
        }
    }
}

// Parts of the markup that hold no visible text (properties, deleted text, the fallback copy
// of alternate content) or must not be entered.
bool skipped(std::string_view name) {
    return name == "pPr" || name == "rPr" || name == "tcPr" || name == "trPr" || name == "tblPr" || name == "tblGrid" ||
           name == "tblPrEx" || name == "sdtPr" || name == "sdtEndPr" || name == "sectPr" || name == "del" ||
           name == "moveFrom" || name == "Fallback" || name == "instrText" || name == "delInstrText";
}

// The text of a paragraph or a cell: runs' text, w:br/w:cr as '\n', w:tab as '\t', and a line
// break between paragraphs (and between the cells of a nested table).
std::string text_of(const pugi::xml_node& node) {
    std::string out;
    bool pending_break = false;
    auto put = [&](std::string_view s) {
        if (pending_break && !out.empty()) out += '\n';
        pending_break = false;
        out += s;
    };
    walk(
        node,
        [&](const pugi::xml_node& n) {
            if (n.type() != pugi::node_element) return false;
            const std::string_view name = local_name(n.name());
            if (skipped(name)) return false;
            if (name == "t") {
                for (auto c = n.first_child(); c; c = c.next_sibling())
                    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) put(c.value());
                return false;
            }
            if (name == "tab" || name == "ptab") put("\t");
            else if (name == "br" || name == "cr") put("\n");
            else if (name == "noBreakHyphen") put("-");
            else if (name == "p" || name == "tc") pending_break = true;
            return true;
        },
        [&](const pugi::xml_node& n) {
            if (is(n, "p") || is(n, "tc")) pending_break = true;
        });
    return out;
}

int int_val(const pugi::xml_node& node, int fallback) {
    if (!node) return fallback;
    return attr(node, "val").as_int(fallback);
}

class DocxReader {
public:
    explicit DocxReader(TextGrid& grid) : grid_(grid) {}

    void body(const pugi::xml_node& body) {
        walk(
            body,
            [&](const pugi::xml_node& n) {
                if (n.type() != pugi::node_element) return false;
                const std::string_view name = local_name(n.name());
                if (name == "p") {
                    paragraph(n);
                    return false;
                }
                if (name == "tbl") {
                    table(n);
                    return false;
                }
                return !skipped(name);  // content controls, custom XML: their content counts
            },
            [](const pugi::xml_node&) {});
    }

private:
    void paragraph(const pugi::xml_node& p) {
        const int line = ++line_;
        std::string text = tidy_cell(text_of(p));
        if (text.empty()) return;
        GridRow row;
        row.line = line;
        row.is_text = true;
        row.cells.push_back({std::move(text), line, 1, 1});
        grid_.rows.push_back(std::move(row));
    }

    // Rows and cells may sit inside content controls (w:sdt) or custom XML: found by walking.
    template <class F>
    static void each(const pugi::xml_node& parent, std::string_view local, F&& f) {
        walk(
            parent,
            [&](const pugi::xml_node& n) {
                if (n.type() != pugi::node_element) return false;
                const std::string_view name = local_name(n.name());
                if (name == local) {
                    f(n);
                    return false;
                }
                return !skipped(name) && name != "tbl";
            },
            [](const pugi::xml_node&) {});
    }

    void table(const pugi::xml_node& tbl) {
        struct Anchor {
            std::size_t row, cell;
        };
        std::vector<GridRow> rows;
        std::vector<std::optional<Anchor>> open;  // per grid column: the cell a vMerge continues
        each(tbl, "tr", [&](const pugi::xml_node& tr) {
            GridRow row;
            row.line = ++line_;
            const int before = std::clamp(int_val(child(child(tr, "trPr"), "gridBefore"), 0), 0, kMaxSpan);
            for (int k = 0; k < before; ++k) add(row, {}, 1);
            each(tr, "tc", [&](const pugi::xml_node& tc) {
                const auto props = child(tc, "tcPr");
                const int span = std::clamp(int_val(child(props, "gridSpan"), 1), 1, kMaxSpan);
                const auto vmerge = child(props, "vMerge");
                const std::string_view how = attr(vmerge, "val").value();
                const bool continues = vmerge && (how.empty() || how == "continue");
                const std::size_t col = row.cells.size();
                if (open.size() < col + static_cast<std::size_t>(span)) open.resize(col + static_cast<std::size_t>(span));
                if (continues && open[col]) {
                    ++rows[open[col]->row].cells[open[col]->cell].rowspan;
                    add(row, {}, span);
                } else {
                    // A continue cell with nothing above to continue is just an empty cell.
                    add(row, continues ? std::string() : tidy_cell(text_of(tc)), span);
                    if (vmerge && !continues) open[col] = Anchor{rows.size(), col};
                    else open[col].reset();
                }
                for (std::size_t k = col + 1; k < col + static_cast<std::size_t>(span); ++k) open[k].reset();
            });
            rows.push_back(std::move(row));
        });
        for (auto& row : rows) {
            while (!row.cells.empty() && row.cells.back().text.empty()) row.cells.pop_back();
            if (!row.cells.empty()) grid_.rows.push_back(std::move(row));
        }
    }

    // A cell and the empty cells its gridSpan covers.
    void add(GridRow& row, std::string text, int span) {
        cells_ += static_cast<std::size_t>(span);
        if (cells_ > kMaxCells)
            throw GridError("the document is too large to import (more than " + std::to_string(kMaxCells) + " table cells)", row.line);
        row.cells.push_back({std::move(text), row.line, span, 1});
        for (int k = 1; k < span; ++k) row.cells.push_back({{}, row.line, 1, 1});
    }

    TextGrid& grid_;
    int line_ = 0;  // every body paragraph and table row counts, blank ones too
    std::size_t cells_ = 0;
};

}  // namespace

TextGrid read_docx_grid(std::string_view bytes) {
    ZipPackage zip(bytes);
    std::string name = ooxml::main_document(zip).value_or("word/document.xml");
    ooxml::XmlPart document;
    if (!ooxml::load(zip, name, document)) {
        if (name == "word/document.xml" || !ooxml::load(zip, "word/document.xml", document))
            throw GridError("not a docx document (no word/document.xml)", 0);
        name = "word/document.xml";
    }
    const auto root = child(document.doc, "document");
    if (!root) throw GridError("not a docx document (its main part " + name + " is not a Word document)", 0);
    TextGrid grid;
    grid.layout = GridLayout::Document;
    grid.encoding = "UTF-8";
    DocxReader(grid).body(child(root, "body"));
    if (grid.rows.empty()) throw GridError("the document is empty", 0);
    return grid;
}

}  // namespace formwork::io
