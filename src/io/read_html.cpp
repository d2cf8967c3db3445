// The HTML reader (grid_readers.h): a saved web page's tables and the block text around them.
// The bytes are decoded as the page declares (meta charset, found in the first 2 KB as browsers
// do), parsed by gumbo (the HTML5 algorithm, so tag soup reads as a browser reads it), and
// walked: <table> rows by the HTML table model (rowspan/colspan; covered slots are empty and
// later cells move right), text in block elements outside tables as text rows. Whitespace
// collapses as a browser renders it; <br> and block edges inside a cell are line breaks, and a
// table nested in a cell adds its cells to that cell as lines.
#include <gumbo.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>
#include <strings.h>

#include "io/cell_text.h"
#include "io/grid_readers.h"
#include "io/text_encoding.h"

namespace formwork::io {

namespace {

constexpr std::size_t kPrescanBytes = 2048;
constexpr std::size_t kMaxCells = 2'000'000;  // grid slots in all; a filing has a few thousand
constexpr int kMaxColspan = 1000;             // the HTML standard's limits
constexpr int kMaxRowspan = 65534;

// The parsed page, freed on every path out.
class Parsed {
public:
    explicit Parsed(std::string_view utf8) {
        options_ = kGumboDefaultOptions;
        options_.max_errors = 0;  // parse errors are not reported to anyone: do not collect them
        output_ = gumbo_parse_with_options(&options_, utf8.data(), utf8.size());
    }
    ~Parsed() {
        if (output_) gumbo_destroy_output(&options_, output_);
    }
    Parsed(const Parsed&) = delete;
    Parsed& operator=(const Parsed&) = delete;
    const GumboNode* root() const { return output_ ? output_->root : nullptr; }

private:
    GumboOptions options_;
    GumboOutput* output_ = nullptr;
};

const GumboVector* children(const GumboNode* n) {
    if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return &n->v.element.children;
    return nullptr;
}

const GumboNode* first_child(const GumboNode* n) {
    const GumboVector* c = children(n);
    return c && c->length > 0 ? static_cast<const GumboNode*>(c->data[0]) : nullptr;
}

const GumboNode* next_sibling(const GumboNode* n) {
    const GumboNode* p = n->parent;
    if (!p) return nullptr;
    const GumboVector* c = children(p);
    const unsigned next = static_cast<unsigned>(n->index_within_parent) + 1;
    return c && next < c->length ? static_cast<const GumboNode*>(c->data[next]) : nullptr;
}

// Visits the descendants of `root` in document order without recursion (gumbo builds trees of
// any depth). enter(node) returns whether to go into the node's children; leave(node) follows
// once the node and everything in it are done.
template <class Enter, class Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
    const GumboNode* n = first_child(root);
    while (n) {
        if (enter(n)) {
            if (const GumboNode* c = first_child(n)) {
                n = c;
                continue;
            }
        }
        for (;;) {
            leave(n);
            if (const GumboNode* s = next_sibling(n)) {
                n = s;
                break;
            }
            n = n->parent;
            if (!n || n == root) return;
        }
    }
}

GumboTag tag_of(const GumboNode* n) {
    return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

bool is_element(const GumboNode* n, GumboTag tag) { return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag; }

const char* attribute(const GumboNode* n, const char* name) {
    if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : nullptr;
}

// Content nobody sees on the page.
bool invisible(GumboTag t) {
    return t == GUMBO_TAG_HEAD || t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE ||
           t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_TITLE || t == GUMBO_TAG_NOFRAMES || t == GUMBO_TAG_IFRAME ||
           t == GUMBO_TAG_OBJECT || t == GUMBO_TAG_SELECT || t == GUMBO_TAG_DATALIST;
}

// Elements whose edges break lines (CSS display: block and kin, by the browser's default sheet).
bool is_block(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
        case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
        case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
        case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
        case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
        case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL: case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TR:
        case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_OPTION:
            return true;
        default:
            return false;
    }
}

bool is_row_group(GumboTag t) { return t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TBODY || t == GUMBO_TAG_TFOOT; }

// Text as a browser lays it out: runs of white space collapse to one space (except in <pre>),
// line breaks come from <br> and block edges only.
class TextBuffer {
public:
    void text(const char* s, bool pre, int line) {
        if (text_.empty()) line_ = line;
        for (; *s; ++s) {
            const char c = *s;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                if (pre) {
                    text_ += c == '\r' ? '\n' : c;
                } else if (!text_.empty() && text_.back() != ' ' && text_.back() != '\n') {
                    text_ += ' ';
                }
            } else {
                text_ += c;
            }
        }
    }
    void line_break() {
        if (!text_.empty() && text_.back() != '\n') text_ += '\n';
    }
    void hard_break() { text_ += '\n'; }  // <br>: one per tag, though blank lines fold later
    bool empty() const { return text_.empty(); }
    int line() const { return line_; }
    std::string take() {
        std::string out = tidy_cell(text_);
        text_.clear();
        return out;
    }

private:
    std::string text_;
    int line_ = 0;
};

int source_line(const GumboNode* n) {
    unsigned line = 0;
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) line = n->v.element.start_pos.line;
    else if (n->type != GUMBO_NODE_DOCUMENT) line = n->v.text.start_pos.line;
    return static_cast<int>(std::min<unsigned>(line, INT_MAX));
}

bool is_text_node(const GumboNode* n) {
    return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}

// The text of a cell: its blocks and a nested table's cells are lines.
std::string cell_text(const GumboNode* cell) {
    TextBuffer buf;
    int pre = 0;
    walk(
        cell,
        [&](const GumboNode* n) {
            if (is_text_node(n)) {
                buf.text(n->v.text.text, pre > 0, source_line(n));
                return false;
            }
            const GumboTag t = tag_of(n);
            if (t == GUMBO_TAG_UNKNOWN && n->type != GUMBO_NODE_ELEMENT) return false;  // comments
            if (invisible(t)) return false;
            if (t == GUMBO_TAG_BR) buf.hard_break();
            else if (is_block(t)) buf.line_break();
            if (t == GUMBO_TAG_PRE) ++pre;
            return true;
        },
        [&](const GumboNode* n) {
            const GumboTag t = tag_of(n);
            if (is_block(t)) buf.line_break();
            if (t == GUMBO_TAG_PRE) --pre;
        });
    return buf.take();
}

int span_attribute(const GumboNode* n, const char* name, int fallback, int low, int high) {
    const char* v = attribute(n, name);
    if (!v) return fallback;
    while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r' || *v == '\f') ++v;
    long value = 0;
    bool any = false;
    for (; *v >= '0' && *v <= '9'; ++v) {
        any = true;
        value = std::min<long>(value * 10 + (*v - '0'), 1'000'000);
    }
    if (!any) return fallback;
    return static_cast<int>(std::clamp<long>(value, low, high));
}

class HtmlReader {
public:
    explicit HtmlReader(TextGrid& grid) : grid_(grid) {}

    void page(const GumboNode* root) {
        int pre = 0;
        walk(
            root,
            [&](const GumboNode* n) {
                if (is_text_node(n)) {
                    text_.text(n->v.text.text, pre > 0, source_line(n));
                    return false;
                }
                if (n->type != GUMBO_NODE_ELEMENT) return false;  // comments, templates
                const GumboTag t = n->v.element.tag;
                if (invisible(t)) return false;
                if (t == GUMBO_TAG_TABLE) {
                    flush();
                    table(n);
                    return false;
                }
                if (t == GUMBO_TAG_BR) text_.hard_break();
                else if (is_block(t)) flush();
                if (t == GUMBO_TAG_PRE) ++pre;
                return true;
            },
            [&](const GumboNode* n) {
                const GumboTag t = tag_of(n);
                if (is_block(t)) flush();
                if (t == GUMBO_TAG_PRE) --pre;
            });
        flush();
    }

private:
    void flush() {
        if (text_.empty()) return;
        const int line = text_.line();
        std::string s = text_.take();
        if (s.empty()) return;
        GridRow row;
        row.line = line;
        row.is_text = true;
        row.cells.push_back({std::move(s), line, 1, 1});
        grid_.rows.push_back(std::move(row));
    }

    struct Anchor {
        std::size_t row, col;
        int rowspan;  // as written; 0: to the end of the row group
    };

    // The HTML table model, one row group (thead, tbody, tfoot) at a time: a rowspan never
    // reaches past the end of its group.
    void table(const GumboNode* table) {
        std::vector<GridRow> rows;
        std::vector<std::size_t> covered_until;  // per column: the first row no cell above covers
        std::vector<Anchor> anchors;
        const GumboNode* group = nullptr;
        auto close_group = [&] {
            for (const auto& a : anchors) {
                const std::size_t left = rows.size() - a.row;  // rows from the anchor's to the group's end
                const std::size_t want = a.rowspan == 0 ? left : static_cast<std::size_t>(a.rowspan);
                rows[a.row].cells[a.col].rowspan = static_cast<int>(std::min(want, left));
            }
            anchors.clear();
            covered_until.clear();
        };
        walk(
            table,
            [&](const GumboNode* n) {
                if (n->type != GUMBO_NODE_ELEMENT) return false;
                const GumboTag t = n->v.element.tag;
                if (t == GUMBO_TAG_CAPTION) {  // the table's title: a text row before it
                    caption(n);
                    return false;
                }
                if (t == GUMBO_TAG_TR) {
                    const GumboNode* g = n->parent && is_row_group(tag_of(n->parent)) ? n->parent : table;
                    if (g != group) {
                        close_group();
                        group = g;
                    }
                    rows.push_back(row(n, rows.size(), covered_until, anchors));
                    return false;
                }
                return t != GUMBO_TAG_TABLE && !invisible(t);
            },
            [](const GumboNode*) {});
        close_group();
        for (auto& r : rows) {
            while (!r.cells.empty() && r.cells.back().text.empty()) r.cells.pop_back();
            if (!r.cells.empty()) grid_.rows.push_back(std::move(r));
        }
    }

    void caption(const GumboNode* n) {
        std::string text = cell_text(n);
        if (text.empty()) return;
        GridRow row;
        row.line = std::max(1, source_line(n));
        row.is_text = true;
        row.cells.push_back({std::move(text), row.line, 1, 1});
        grid_.rows.push_back(std::move(row));
    }

    GridRow row(const GumboNode* tr, std::size_t index, std::vector<std::size_t>& covered_until, std::vector<Anchor>& anchors) {
        GridRow out;
        out.line = std::max(1, source_line(tr));
        auto covered = [&](std::size_t col) { return col < covered_until.size() && index < covered_until[col]; };
        auto put = [&](std::size_t col, GridCell cell) {
            if (out.cells.size() <= col) {
                cells_ += col + 1 - out.cells.size();
                if (cells_ > kMaxCells)
                    throw GridError("the page is too large to import (more than " + std::to_string(kMaxCells) + " table cells)", out.line);
                out.cells.resize(col + 1, GridCell{{}, out.line, 1, 1});
            }
            out.cells[col] = std::move(cell);
        };
        std::size_t col = 0;
        for (const GumboNode* c = first_child(tr); c; c = next_sibling(c)) {
            if (!is_element(c, GUMBO_TAG_TD) && !is_element(c, GUMBO_TAG_TH)) continue;
            while (covered(col)) put(col++, GridCell{{}, out.line, 1, 1});
            const int colspan = span_attribute(c, "colspan", 1, 1, kMaxColspan);
            const int rowspan = span_attribute(c, "rowspan", 1, 0, kMaxRowspan);
            const int line = std::max(1, source_line(c));
            put(col, GridCell{cell_text(c), line, colspan, rowspan == 0 ? 1 : rowspan});
            for (std::size_t k = 1; k < static_cast<std::size_t>(colspan); ++k) put(col + k, GridCell{{}, line, 1, 1});
            if (rowspan != 1) {
                anchors.push_back({index, col, rowspan});
                const std::size_t until = rowspan == 0 ? SIZE_MAX : index + static_cast<std::size_t>(rowspan);
                if (covered_until.size() < col + static_cast<std::size_t>(colspan)) covered_until.resize(col + static_cast<std::size_t>(colspan), 0);
                for (std::size_t k = 0; k < static_cast<std::size_t>(colspan); ++k) covered_until[col + k] = until;
            }
            col += static_cast<std::size_t>(colspan);
        }
        return out;
    }

    TextGrid& grid_;
    TextBuffer text_;
    std::size_t cells_ = 0;
};

// The charset a meta element declares: <meta charset=…>, or <meta http-equiv="Content-Type"
// content="text/html; charset=…"> (the extraction algorithm of the HTML standard).
std::string declared_charset(const GumboNode* meta) {
    if (const char* cs = attribute(meta, "charset")) return cs;
    const char* equiv = attribute(meta, "http-equiv");
    const char* content = attribute(meta, "content");
    if (!equiv || !content || strcasecmp(equiv, "content-type") != 0) return {};
    std::string_view s(content);
    for (std::size_t at = 0; at + 7 <= s.size(); ++at) {
        if (strncasecmp(s.data() + at, "charset", 7) != 0) continue;
        std::size_t i = at + 7;
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f')) ++i;
        if (i >= s.size() || s[i] != '=') continue;
        ++i;
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f')) ++i;
        if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
            const std::size_t close = s.find(s[i], i + 1);
            if (close == std::string_view::npos) return {};
            return std::string(s.substr(i + 1, close - i - 1));
        }
        std::size_t end = i;
        while (end < s.size() && s[end] != ';' && s[end] != ' ' && s[end] != '\t' && s[end] != '\n' && s[end] != '\r' && s[end] != '\f') ++end;
        return std::string(s.substr(i, end - i));
    }
    return {};
}

// Browsers look for the declaration in the first bytes before decoding anything. Parsing the
// prefix as HTML finds it wherever the markup puts it (bytes outside ASCII do not matter here).
std::string prescan_charset(std::string_view bytes) {
    const Parsed prefix(bytes.substr(0, kPrescanBytes));
    std::string found;
    if (!prefix.root()) return found;
    walk(
        prefix.root(),
        [&](const GumboNode* n) {
            if (!found.empty() || n->type != GUMBO_NODE_ELEMENT) return false;
            if (n->v.element.tag == GUMBO_TAG_META) {
                found = declared_charset(n);
                return false;
            }
            return true;
        },
        [](const GumboNode*) {});
    return found;
}

}  // namespace

TextGrid read_html_grid(std::string_view bytes) {
    const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" || bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
    const DecodedText decoded = decode_text(bytes, bom ? std::string() : prescan_charset(bytes));
    TextGrid grid;
    grid.layout = GridLayout::Html;
    grid.encoding = decoded.encoding;
    const Parsed page(decoded.text);
    if (page.root()) HtmlReader(grid).page(page.root());
    if (grid.rows.empty()) throw GridError("the page is empty (no text outside its head)", 0);
    return grid;
}

}  // namespace formwork::io
