// Reading plain-text filing exports into rows of cells (see text_grid.h for the layouts).
#include "io/text_grid.h"

#include <algorithm>

namespace formwork::io {

namespace {

struct RawLine {
    std::string_view text;
    int number;
};

bool is_blank(std::string_view s) {
    // ASCII whitespace and U+3000 (E3 80 80) only.
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            ++i;
        } else if (s.compare(i, 3, "\xE3\x80\x80") == 0) {
            i += 3;
        } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
            i += 2;
        } else {
            return false;
        }
    }
    return true;
}

// Returns the 1-based line of the first invalid UTF-8 sequence, or 0.
int first_invalid_utf8_line(std::string_view s) {
    int line = 1;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = s[i];
        if (c == '\n') ++line;
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return line;
        for (int k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return line;
        i += len;
    }
    return 0;
}

std::vector<RawLine> split_lines(std::string_view s) {
    std::vector<RawLine> lines;
    int number = 1;
    size_t start = 0;
    while (start <= s.size()) {
        size_t nl = s.find('\n', start);
        std::string_view line = s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back({line, number++});
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

std::vector<std::string_view> split_tabs(std::string_view s) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (;;) {
        size_t tab = s.find('\t', start);
        out.push_back(s.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return out;
}

GridLayout detect_layout(const std::vector<RawLine>& lines) {
    size_t tab_lines = 0, single_leading = 0;
    for (const auto& l : lines) {
        if (l.text.find('\t') == std::string_view::npos) continue;
        ++tab_lines;
        if (l.text.front() == '\t' && std::count(l.text.begin(), l.text.end(), '\t') == 1) ++single_leading;
    }
    return tab_lines > 0 && single_leading * 10 >= tab_lines * 9 ? GridLayout::CellPerLine : GridLayout::RowPerLine;
}

GridRow text_row(const RawLine& l) {
    GridRow row;
    row.line = l.number;
    row.is_text = true;
    row.cells.push_back({clean_cell(l.text), l.number});
    return row;
}

void read_row_per_line(const std::vector<RawLine>& lines, TextGrid& grid) {
    for (const auto& l : lines) {
        if (is_blank(l.text)) continue;
        if (l.text.find('\t') == std::string_view::npos) {
            grid.rows.push_back(text_row(l));
            continue;
        }
        GridRow row;
        row.line = l.number;
        for (auto cell : split_tabs(l.text)) row.cells.push_back({clean_cell(cell), l.number});
        grid.rows.push_back(std::move(row));
    }
}

void read_cell_per_line(const std::vector<RawLine>& lines, TextGrid& grid) {
    GridRow row;
    std::string raw_cell;  // the current cell's raw text, cleaned when the cell closes
    int cell_line = 0;
    bool in_row = false, in_cell = false;
    int blank_run = 0;

    auto close_cell = [&] {
        if (in_cell) row.cells.push_back({clean_cell(raw_cell), cell_line});
        in_cell = false;
        raw_cell.clear();
    };
    auto close_row = [&] {
        close_cell();
        if (in_row) grid.rows.push_back(std::move(row));
        row = GridRow{};
        in_row = false;
    };

    for (size_t i = 0; i < lines.size(); ++i) {
        const RawLine& l = lines[i];
        if (is_blank(l.text) && (l.text.empty() || l.text.front() != '\t')) {
            ++blank_run;
            continue;
        }
        if (l.text.front() == '\t') {
            if (blank_run > 0) close_row();
            close_cell();
            if (!in_row) {
                in_row = true;
                row.line = l.number;
            }
            in_cell = true;
            cell_line = l.number;
            raw_cell = std::string(l.text.substr(1));
        } else {
            // A line without the leading tab continues the open cell when it follows it
            // directly, or after a single blank line when the row goes on right after it
            // (a label broken over lines: "年度本级\n\n预算金额"). Otherwise it is text.
            const bool next_is_cell = i + 1 < lines.size() && !lines[i + 1].text.empty() &&
                                      lines[i + 1].text.front() == '\t';
            if (in_cell && (blank_run == 0 || (blank_run == 1 && next_is_cell))) {
                raw_cell += '\n';
                raw_cell += l.text;
            } else {
                close_row();
                grid.rows.push_back(text_row(l));
            }
        }
        blank_run = 0;
    }
    close_row();
}

}  // namespace

bool GridRow::all_blank() const {
    return std::all_of(cells.begin(), cells.end(), [](const GridCell& c) { return c.text.empty(); });
}

std::string clean_cell(std::string_view raw) {
    std::string s;
    s.reserve(raw.size());
    // Paragraph tags from HTML-ish exports mark line breaks; other tags are kept as text.
    for (size_t i = 0; i < raw.size();) {
        if (raw.compare(i, 3, "<p>") == 0) {
            if (!s.empty() && s.back() != '\n') s += '\n';
            i += 3;
        } else if (raw.compare(i, 4, "</p>") == 0) {
            i += 4;
        } else if (raw.compare(i, 4, "<br>") == 0 || raw.compare(i, 5, "<br/>") == 0) {
            s += '\n';
            i += raw[i + 3] == '>' ? 4 : 5;
        } else {
            s += raw[i++];
        }
    }
    // Trim each line's surrounding spaces (ASCII, U+3000, NBSP) and drop blank lines.
    std::string out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t nl = s.find('\n', start);
        std::string_view line = std::string_view(s).substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        auto trim_front = [&] {
            for (;;) {
                if (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r')) line.remove_prefix(1);
                else if (line.substr(0, 3) == "\xE3\x80\x80") line.remove_prefix(3);
                else if (line.substr(0, 2) == "\xC2\xA0") line.remove_prefix(2);
                else break;
            }
        };
        auto trim_back = [&] {
            for (;;) {
                if (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
                else if (line.size() >= 3 && line.substr(line.size() - 3) == "\xE3\x80\x80") line.remove_suffix(3);
                else if (line.size() >= 2 && line.substr(line.size() - 2) == "\xC2\xA0") line.remove_suffix(2);
                else break;
            }
        };
        trim_front();
        trim_back();
        if (!line.empty()) {
            if (!out.empty()) out += '\n';
            out += line;
        }
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

TextGrid read_text_grid(std::string_view content) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    if (content.find('\0') != std::string_view::npos) throw GridError("not a text file (it contains NUL bytes)", 0);
    if (int bad = first_invalid_utf8_line(content)) throw GridError("not UTF-8 text (invalid bytes)", bad);
    if (is_blank(content) || content.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw GridError("the file is empty", 0);
    const auto lines = split_lines(content);
    TextGrid grid;
    grid.layout = detect_layout(lines);
    if (grid.layout == GridLayout::RowPerLine) read_row_per_line(lines, grid);
    else read_cell_per_line(lines, grid);
    if (grid.rows.empty()) throw GridError("the file is empty", 0);
    return grid;
}

}  // namespace formwork::io
