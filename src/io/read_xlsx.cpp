// The xlsx reader (grid_readers.h): a workbook's sheets as rows of the texts their cells show.
// The workbook part lists the sheets in tab order and its relationships name each sheet's part;
// cell texts come from the shared-string table, inline strings, or numbers shown through their
// style's number format (xlsx_number_format.h). Merged areas become colspan/rowspan.
#include <algorithm>
#include <charconv>
#include <deque>
#include <memory>
#include <unordered_map>

#include "io/cell_text.h"
#include "core/utf8.h"
#include "io/grid_readers.h"
#include "io/ooxml_part.h"
#include "io/xlsx_number_format.h"
#include "io/zip_package.h"

namespace formwork::io {

namespace {

using ooxml::attr;
using ooxml::child;
using ooxml::is;
using ooxml::XmlPart;

constexpr int kMaxColumns = 16384;    // XFD
constexpr int kMaxRows = 1048576;
constexpr std::size_t kMaxSheetCells = 2'000'000;  // grid slots of one sheet; a filing has a few thousand
constexpr std::size_t kMaxMergeWork = 20'000'000;  // row and cell visits placing merged areas
// Cell text in all: shared strings are stored once but copied into every cell that uses them,
// so a small sheet could otherwise expand a long string millions of times.
constexpr std::size_t kMaxTextBytes = 128u << 20;

std::string_view view(const char* s) { return s; }

std::string_view trim_ascii(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// SpreadsheetML writes characters XML cannot hold as _xHHHH_ (a CR in a cell is "_x000D_"),
// and a literal "_x" as "_x005F_x".
std::string decode_escapes(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            unsigned cp = 0;
            bool ok = true;
            for (std::size_t k = 2; k < 6; ++k) {
                const int h = hex_value(s[i + k]);
                if (h < 0) ok = false;
                cp = cp * 16 + static_cast<unsigned>(h < 0 ? 0 : h);
            }
            if (ok && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                utf8::append(out, cp);
                i += 7;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

bool has_escape(std::string_view s) { return s.find("_x") != std::string_view::npos; }

// The text of a string item (<si> or <is>): plain <t>, or rich-text runs <r><t>; phonetic
// guides (<rPh>) are not part of the text.
void string_item_text(const pugi::xml_node& item, std::string& out) {
    for (auto c = item.first_child(); c; c = c.next_sibling()) {
        if (is(c, "t")) ooxml::append_text(c, out);
        else if (is(c, "r"))
            if (auto t = child(c, "t")) ooxml::append_text(t, out);
    }
}

// The shared-string table. Items that are one plain <t> stay views into the parsed buffer;
// rich text and escaped items are assembled once.
class SharedStrings {
public:
    void load(ZipPackage& zip, const std::string& part_name) {
        if (!ooxml::load(zip, part_name, part_)) return;
        std::string assembled;
        for (auto si = child(child(part_.doc, "sst"), "si"); si; si = si.next_sibling()) {
            if (!is(si, "si")) continue;
            const auto first = si.first_child();
            if (first && !first.next_sibling() && is(first, "t")) {
                const auto text = first.first_child();
                if (!text) {
                    items_.emplace_back();
                    continue;
                }
                if (!text.next_sibling() && (text.type() == pugi::node_pcdata || text.type() == pugi::node_cdata) &&
                    !has_escape(text.value())) {
                    items_.push_back(view(text.value()));
                    continue;
                }
            }
            assembled.clear();
            string_item_text(si, assembled);
            owned_.push_back(has_escape(assembled) ? decode_escapes(assembled) : assembled);
            items_.push_back(owned_.back());
        }
    }
    std::string_view at(std::string_view index_text) const {
        std::size_t index = 0;
        index_text = trim_ascii(index_text);
        const auto r = std::from_chars(index_text.data(), index_text.data() + index_text.size(), index);
        if (r.ec != std::errc() || index >= items_.size()) return {};
        return items_[index];
    }

private:
    XmlPart part_;
    std::vector<std::string_view> items_;
    std::deque<std::string> owned_;  // deque: views into it stay valid as it grows
};

// Number formats by cell style (the s attribute indexes cellXfs), parsed on first use.
class Styles {
public:
    void load(ZipPackage& zip, const std::string& part_name) {
        XmlPart part;
        if (!ooxml::load(zip, part_name, part)) return;
        const auto sheet = child(part.doc, "styleSheet");
        for (const auto& f : child(sheet, "numFmts").children())
            if (is(f, "numFmt")) custom_[attr(f, "numFmtId").as_int(-1)] = attr(f, "formatCode").value();
        for (const auto& xf : child(sheet, "cellXfs").children())
            if (is(xf, "xf")) xf_numfmt_.push_back(attr(xf, "numFmtId").as_int(0));
        cache_.assign(xf_numfmt_.size(), nullptr);
    }

    const xlsx::NumberFormat& format(std::string_view style_text) {
        std::size_t s = 0;
        const auto r = std::from_chars(style_text.data(), style_text.data() + style_text.size(), s);
        if (r.ec != std::errc() || s >= cache_.size()) return xlsx::NumberFormat::general();
        if (!cache_[s]) cache_[s] = &by_id(xf_numfmt_[s]);
        return *cache_[s];
    }

private:
    const xlsx::NumberFormat& by_id(int id) {
        auto& slot = formats_[id];
        if (!slot) {
            const auto custom = custom_.find(id);
            const std::string_view code = custom != custom_.end() ? std::string_view(custom->second) : xlsx::builtin_format_code(id);
            slot = std::make_unique<xlsx::NumberFormat>(code);  // an unknown id without a code is General
        }
        return *slot;
    }

    std::unordered_map<int, std::string> custom_;
    std::vector<int> xf_numfmt_;
    std::vector<const xlsx::NumberFormat*> cache_;
    std::unordered_map<int, std::unique_ptr<xlsx::NumberFormat>> formats_;
};

struct SheetRef {
    std::string name;
    std::string part;  // empty: no part found
    bool hidden = false;
};

struct CellRef {
    int row = 0;  // 1-based; 0 when the reference has no row
    int col = 0;  // 0-based
};

// "AB12" → column 27, row 12. False for anything else.
bool parse_ref(std::string_view s, CellRef& ref) {
    std::size_t i = 0;
    int col = 0;
    while (i < s.size() && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) {
        const int letter = (s[i] | 0x20) - 'a' + 1;
        col = col * 26 + letter;
        if (col > kMaxColumns) return false;
        ++i;
    }
    if (i == 0 || i > 3) return false;
    int row = 0;
    const auto r = std::from_chars(s.data() + i, s.data() + s.size(), row);
    if (r.ptr != s.data() + s.size() || r.ec != std::errc() || row < 1 || row > kMaxRows) {
        if (i == s.size()) row = 0;  // a column alone
        else return false;
    }
    ref = {row, col - 1};
    return true;
}

struct Merge {
    int r1, c1, r2, c2;
};

bool parse_range(std::string_view s, Merge& m) {
    const auto colon = s.find(':');
    CellRef a, b;
    if (colon == std::string_view::npos) return false;  // one cell: nothing merged
    if (!parse_ref(s.substr(0, colon), a) || !parse_ref(s.substr(colon + 1), b) || a.row == 0 || b.row == 0) return false;
    m = {std::min(a.row, b.row), std::min(a.col, b.col), std::max(a.row, b.row), std::max(a.col, b.col)};
    return m.r1 != m.r2 || m.c1 != m.c2;
}

struct SheetRow {
    int number;
    std::vector<GridCell> cells;
};

// ISO 8601 (t="d", written by some libraries, never by Excel) to a day serial of the 1900 system.
std::optional<double> iso_to_serial(std::string_view s) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    double sec = 0;
    auto num = [&](std::size_t at, std::size_t len, int& out) {
        return at + len <= s.size() && std::from_chars(s.data() + at, s.data() + at + len, out).ptr == s.data() + at + len;
    };
    if (!num(0, 4, y) || s.size() < 10 || s[4] != '-' || !num(5, 2, mo) || s[7] != '-' || !num(8, 2, d)) return std::nullopt;
    if (s.size() >= 16 && (s[10] == 'T' || s[10] == ' ')) {
        if (!num(11, 2, h) || s[13] != ':' || !num(14, 2, mi)) return std::nullopt;
        if (s.size() >= 19 && s[16] == ':') std::from_chars(s.data() + 17, s.data() + s.size(), sec);
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
    // Days from civil (Howard Hinnant), then from 1899-12-30, the epoch that makes serials past
    // February 1900 come out right.
    const int yy = y - (mo <= 2);
    const int era = (yy >= 0 ? yy : yy - 399) / 400;
    const int yoe = yy - era * 400;
    const int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const long long days = static_cast<long long>(era) * 146097 + doe - 719468;  // since 1970-01-01
    const double serial = static_cast<double>(days + 25569) + (h * 3600 + mi * 60 + sec) / 86400.0;
    if (serial < 1) return std::nullopt;
    return serial;
}

class SheetReader {
public:
    SheetReader(SharedStrings& strings, Styles& styles, bool date1904, const std::string& sheet_name, std::size_t& text_bytes)
        : strings_(strings), styles_(styles), date1904_(date1904), sheet_name_(sheet_name), text_bytes_(text_bytes) {}

    // Appends the sheet's non-empty rows to `grid`.
    void read(const pugi::xml_document& doc, int sheet_index, TextGrid& grid) {
        const auto worksheet = child(doc, "worksheet");  // a chartsheet has no cells
        int row_number = 0;
        for (auto row : child(worksheet, "sheetData").children()) {
            if (!is(row, "row")) continue;
            const auto r = attr(row, "r");
            row_number = r ? r.as_int(0) : row_number + 1;
            if (row_number < 1 || row_number > kMaxRows) damaged("row number " + std::string(r.value()));
            read_row(row, row_number);
        }
        order_rows();
        for (const auto& m : child(worksheet, "mergeCells").children()) {
            Merge merge;
            if (is(m, "mergeCell") && parse_range(attr(m, "ref").value(), merge)) apply(merge);
        }
        emit(sheet_index, grid);
    }

private:
    [[noreturn]] void damaged(const std::string& what) const {
        throw GridError("the sheet \"" + sheet_name_ + "\" is damaged (" + what + ")", 0);
    }

    void read_row(const pugi::xml_node& row, int number) {
        SheetRow out{number, {}};
        int col = 0;
        for (auto c = row.first_child(); c; c = c.next_sibling()) {
            if (!is(c, "c")) continue;
            if (const auto r = attr(c, "r")) {
                CellRef ref;
                if (!parse_ref(r.value(), ref)) damaged("cell reference \"" + std::string(r.value()) + "\"");
                col = ref.col;
            }
            if (col >= kMaxColumns) damaged("a cell beyond column XFD");
            text_.clear();
            cell_text(c);
            if (!text_.empty()) {
                text_bytes_ += text_.size();
                if (text_bytes_ > kMaxTextBytes)
                    throw GridError("the workbook is too large to import (more than " + std::to_string(kMaxTextBytes >> 20) +
                                        " MB of cell text)",
                                    number);
                if (static_cast<std::size_t>(col) >= out.cells.size()) {
                    slots_ += static_cast<std::size_t>(col) + 1 - out.cells.size();
                    if (slots_ > kMaxSheetCells)
                        throw GridError("the sheet \"" + sheet_name_ + "\" is too large to import (more than " +
                                            std::to_string(kMaxSheetCells) + " cells)",
                                        number);
                    out.cells.resize(static_cast<std::size_t>(col) + 1, GridCell{{}, number, 1, 1});
                }
                out.cells[static_cast<std::size_t>(col)].text = tidy_cell(text_);
            }
            ++col;
        }
        rows_.push_back(std::move(out));
    }

    // The text the cell shows, into text_.
    void cell_text(const pugi::xml_node& c) {
        const std::string_view type = attr(c, "t").value();
        if (type == "inlineStr") {
            string_item_text(child(c, "is"), text_);
            if (has_escape(text_)) text_ = decode_escapes(text_);
            return;
        }
        const auto v = child(c, "v");
        if (!v) return;
        const char* raw = v.child_value();
        if (type == "s") {
            text_ = strings_.at(raw);
        } else if (type == "str") {
            ooxml::append_text(v, text_);
            if (has_escape(text_)) text_ = decode_escapes(text_);
        } else if (type == "b") {
            text_ = trim_ascii(raw) == "0" ? "FALSE" : "TRUE";
        } else if (type == "e") {
            text_ = raw;
        } else if (type == "d") {
            const auto serial = iso_to_serial(trim_ascii(raw));
            if (!serial) {
                text_ = raw;
                return;
            }
            const auto& f = styles_.format(attr(c, "s").value());
            static const xlsx::NumberFormat date_only("yyyy/m/d"), date_time("yyyy/m/d h:mm:ss");
            const auto& shown = f.is_date() ? f : (*serial == static_cast<long long>(*serial) ? date_only : date_time);
            text_ = shown.format(*serial, false);
        } else {
            number_text(trim_ascii(raw), styles_.format(attr(c, "s").value()));
        }
    }

    void number_text(std::string_view raw, const xlsx::NumberFormat& format) {
        if (raw.empty()) return;
        if (format.is_general() && plain_integer(raw)) {  // most cells: nothing to compute
            text_ = raw;
            return;
        }
        double value = 0;
        const auto r = std::from_chars(raw.data(), raw.data() + raw.size(), value);
        if (r.ec != std::errc() || r.ptr != raw.data() + raw.size()) {
            text_ = raw;  // not a number after all: show what is there
            return;
        }
        text_ = format.format(value, date1904_);
    }

    static bool plain_integer(std::string_view s) {
        if (!s.empty() && s.front() == '-') s.remove_prefix(1);
        if (s.empty() || s.size() > 15 || (s.size() > 1 && s.front() == '0')) return false;
        return std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    }

    // Rows come in order in every file Excel writes; others are sorted, duplicates joined.
    void order_rows() {
        if (std::is_sorted(rows_.begin(), rows_.end(), [](const SheetRow& a, const SheetRow& b) { return a.number < b.number; }) &&
            std::adjacent_find(rows_.begin(), rows_.end(), [](const SheetRow& a, const SheetRow& b) { return a.number == b.number; }) ==
                rows_.end())
            return;
        std::stable_sort(rows_.begin(), rows_.end(), [](const SheetRow& a, const SheetRow& b) { return a.number < b.number; });
        std::vector<SheetRow> joined;
        for (auto& r : rows_) {
            if (!joined.empty() && joined.back().number == r.number) {
                auto& cells = joined.back().cells;
                if (cells.size() < r.cells.size()) cells.resize(r.cells.size(), GridCell{{}, r.number, 1, 1});
                for (std::size_t k = 0; k < r.cells.size(); ++k)
                    if (!r.cells[k].text.empty()) cells[k].text = std::move(r.cells[k].text);
            } else {
                joined.push_back(std::move(r));
            }
        }
        rows_ = std::move(joined);
    }

    // The top-left cell says how far the area reaches; the cells it covers are emptied (Excel
    // keeps their old values in the file but never shows them).
    void apply(const Merge& m) {
        auto it = std::lower_bound(rows_.begin(), rows_.end(), m.r1, [](const SheetRow& r, int n) { return r.number < n; });
        for (; it != rows_.end() && it->number <= m.r2; ++it) {
            auto& cells = it->cells;
            const int last = std::min(m.c2, static_cast<int>(cells.size()) - 1);
            merge_work_ += 1 + static_cast<std::size_t>(std::max(0, last - m.c1 + 1));
            if (merge_work_ > kMaxMergeWork) damaged("too many overlapping merged areas");
            for (int c = m.c1; c <= last; ++c) {
                auto& cell = cells[static_cast<std::size_t>(c)];
                if (it->number == m.r1 && c == m.c1) {
                    cell.colspan = m.c2 - m.c1 + 1;
                    cell.rowspan = m.r2 - m.r1 + 1;
                } else {
                    cell.text.clear();
                }
            }
        }
    }

    void emit(int sheet_index, TextGrid& grid) {
        const std::size_t first_row = grid.rows.size();
        std::size_t first_used = static_cast<std::size_t>(kMaxColumns);
        for (auto& r : rows_) {
            while (!r.cells.empty() && r.cells.back().text.empty()) r.cells.pop_back();
            if (r.cells.empty()) continue;
            GridRow row;
            row.line = r.number;
            row.sheet = sheet_index;
            row.cells = std::move(r.cells);
            for (std::size_t k = 0; k < row.cells.size(); ++k)
                if (!row.cells[k].text.empty()) {
                    first_used = std::min(first_used, k);
                    break;
                }
            grid.rows.push_back(std::move(row));
        }
        // A title: the row's one text is a merged area at least two columns wide that starts
        // in the sheet's first used column (how forms lay titles out in Excel).
        for (std::size_t k = first_row; k < grid.rows.size(); ++k) {
            auto& row = grid.rows[k];
            const auto filled = std::count_if(row.cells.begin(), row.cells.end(), [](const GridCell& c) { return !c.text.empty(); });
            const std::size_t last = row.cells.size() - 1;  // trailing empties are gone: the last cell has text
            row.is_text = filled == 1 && last == first_used && row.cells[last].colspan >= 2;
        }
    }

    SharedStrings& strings_;
    Styles& styles_;
    bool date1904_;
    const std::string& sheet_name_;
    std::vector<SheetRow> rows_;
    std::string text_;
    std::size_t& text_bytes_;  // across the workbook's sheets
    std::size_t slots_ = 0;
    std::size_t merge_work_ = 0;
};

std::string sheet_list(const std::vector<SheetRef>& sheets) {
    std::string s;
    for (const auto& sh : sheets) {
        if (!s.empty()) s += ", ";
        s += sh.name;
    }
    return s;
}

// The sheets to read: all visible ones, or the one `wanted` names (its name, else its 1-based
// position), hidden or not.
std::vector<std::size_t> choose_sheets(const std::vector<SheetRef>& sheets, const std::optional<std::string>& wanted) {
    std::vector<std::size_t> out;
    if (!wanted) {
        for (std::size_t k = 0; k < sheets.size(); ++k)
            if (!sheets[k].hidden) out.push_back(k);
        if (out.empty())  // every sheet hidden: read them all rather than nothing
            for (std::size_t k = 0; k < sheets.size(); ++k) out.push_back(k);
        return out;
    }
    for (std::size_t k = 0; k < sheets.size(); ++k)
        if (sheets[k].name == *wanted) return {k};
    std::size_t number = 0;
    const auto r = std::from_chars(wanted->data(), wanted->data() + wanted->size(), number);
    if (r.ec == std::errc() && r.ptr == wanted->data() + wanted->size() && !wanted->empty()) {
        if (number >= 1 && number <= sheets.size()) return {number - 1};
        throw GridError("there is no sheet " + *wanted + " (the workbook has " + std::to_string(sheets.size()) +
                            " sheets: " + sheet_list(sheets) + ")",
                        0);
    }
    throw GridError("the sheet \"" + *wanted + "\" does not exist (sheets: " + sheet_list(sheets) + ")", 0);
}

}  // namespace

TextGrid read_xlsx_grid(std::string_view bytes, const std::optional<std::string>& sheet) {
    ZipPackage zip(bytes);
    std::string workbook_name = ooxml::main_document(zip).value_or("xl/workbook.xml");
    XmlPart workbook;
    if (!ooxml::load(zip, workbook_name, workbook)) {
        if (workbook_name == "xl/workbook.xml" || !ooxml::load(zip, "xl/workbook.xml", workbook))
            throw GridError("not an xlsx workbook (no xl/workbook.xml)", 0);
        workbook_name = "xl/workbook.xml";
    }
    const auto root = child(workbook.doc, "workbook");
    if (!root) throw GridError("not an xlsx workbook (its main part " + workbook_name + " is not a workbook)", 0);
    const std::string_view date1904 = attr(child(root, "workbookPr"), "date1904").value();
    const bool is1904 = date1904 == "1" || date1904 == "true";

    std::unordered_map<std::string, std::string> targets;
    std::string strings_part, styles_part;
    for (auto& rel : ooxml::relationships(zip, workbook_name)) {
        if (ooxml::is_type(rel.type, "sharedStrings")) strings_part = rel.target;
        else if (ooxml::is_type(rel.type, "styles")) styles_part = rel.target;
        targets[rel.id] = std::move(rel.target);
    }
    std::vector<SheetRef> sheets;
    for (const auto& s : child(root, "sheets").children()) {
        if (!is(s, "sheet")) continue;
        SheetRef ref{attr(s, "name").value(), {}, false};
        const auto target = targets.find(attr(s, "id").value());
        if (target != targets.end()) ref.part = target->second;
        const std::string_view state = attr(s, "state").value();
        ref.hidden = state == "hidden" || state == "veryHidden";
        sheets.push_back(std::move(ref));
    }
    if (sheets.empty()) throw GridError("the workbook has no sheets", 0);
    const auto chosen = choose_sheets(sheets, sheet);

    // Excel always names these parts in the relationships; fall back to the usual names.
    SharedStrings strings;
    strings.load(zip, strings_part.empty() ? "xl/sharedStrings.xml" : strings_part);
    Styles styles;
    styles.load(zip, styles_part.empty() ? "xl/styles.xml" : styles_part);

    TextGrid grid;
    grid.layout = GridLayout::Sheet;
    grid.encoding = "UTF-8";
    for (const auto& s : sheets) grid.sheets.push_back(s.name);
    std::size_t text_bytes = 0;
    for (const std::size_t k : chosen) {
        XmlPart part;
        if (sheets[k].part.empty() || !ooxml::load(zip, sheets[k].part, part))
            throw GridError("the workbook is damaged: the sheet \"" + sheets[k].name + "\" has no worksheet part", 0);
        SheetReader(strings, styles, is1904, sheets[k].name, text_bytes).read(part.doc, static_cast<int>(k), grid);
    }
    if (grid.rows.empty()) {
        if (sheet) throw GridError("the sheet \"" + sheets[chosen.front()].name + "\" is empty", 0);
        throw GridError("the workbook is empty (no sheet has a cell with text)", 0);
    }
    return grid;
}

}  // namespace formwork::io
