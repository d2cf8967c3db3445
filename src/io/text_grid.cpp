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

GridLayout tab_layout(const std::vector<RawLine>& lines) {
    size_t tab_lines = 0, single_leading = 0;
    for (const auto& l : lines) {
        if (l.text.find('\t') == std::string_view::npos) continue;
        ++tab_lines;
        if (l.text.front() == '\t' && std::count(l.text.begin(), l.text.end(), '\t') == 1) ++single_leading;
    }
    return tab_lines > 0 && single_leading * 10 >= tab_lines * 9 ? GridLayout::CellPerLine : GridLayout::RowPerLine;
}

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    while (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
    return s;
}

bool ends_with_pipe(std::string_view s) {
    s = trim_right(s);
    return !s.empty() && s.back() == '|';
}

// Pipe lines: a stream when nearly every one holds a single pipe at its end, else rows.
GridLayout pipe_layout(const std::vector<RawLine>& lines) {
    size_t pipe_lines = 0, single_at_end = 0;
    for (const auto& l : lines) {
        if (l.text.find('|') == std::string_view::npos) continue;
        ++pipe_lines;
        if (ends_with_pipe(l.text) && std::count(l.text.begin(), l.text.end(), '|') == 1) ++single_at_end;
    }
    return single_at_end * 10 >= pipe_lines * 6 ? GridLayout::PipeStream : GridLayout::PipeRows;
}

// The layout of a file nobody named: tabs win (the exports of office programs), then pipes
// (web tables copied as text), then blank-line-separated cells, then lines split at spaces.
GridLayout detect_layout(const std::vector<RawLine>& lines) {
    size_t filled = 0, blank = 0, tabs = 0, pipes = 0;
    for (const auto& l : lines) {
        if (is_blank(l.text)) {
            ++blank;
            continue;
        }
        ++filled;
        if (l.text.find('\t') != std::string_view::npos) ++tabs;
        if (l.text.find('|') != std::string_view::npos) ++pipes;
    }
    if (tabs > 0) return tab_layout(lines);
    if (pipes * 10 >= filled * 3) return pipe_layout(lines);
    if (blank * 10 >= filled * 6) return GridLayout::LineStream;
    return GridLayout::SpaceRows;
}

std::vector<std::string_view> split_pipes(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t bar = s.find('|', start);
        out.push_back(s.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (bar == std::string_view::npos) break;
        start = bar + 1;
    }
    return out;
}

GridRow text_row(const RawLine& l) {
    GridRow row;
    row.line = l.number;
    row.is_text = true;
    row.cells.push_back({clean_cell(l.text), l.number});
    return row;
}

// A row of one cell that is part of a table, not text around it.
GridRow cell_row(std::string text, int line) {
    GridRow row;
    row.line = line;
    row.cells.push_back({std::move(text), line});
    return row;
}

void read_pipe_rows(const std::vector<RawLine>& lines, TextGrid& grid) {
    for (const auto& l : lines) {
        if (is_blank(l.text)) continue;
        if (l.text.find('|') == std::string_view::npos) {
            grid.rows.push_back(text_row(l));
            continue;
        }
        GridRow row;
        row.line = l.number;
        for (auto cell : split_pipes(trim_right(l.text))) row.cells.push_back({clean_cell(cell), l.number});
        while (!row.cells.empty() && row.cells.back().text.empty()) row.cells.pop_back();
        if (!row.cells.empty()) grid.rows.push_back(std::move(row));
    }
}

// Cells end at " |"; a line without one continues into the next ("项目资金" / "(万元) |"). Lines
// before the first pipe and after the last are text around the table.
void read_pipe_stream(const std::vector<RawLine>& lines, TextGrid& grid) {
    std::size_t first = lines.size(), last = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].text.find('|') != std::string_view::npos) first = std::min(first, i), last = i;
    std::string pending;
    int pending_line = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const RawLine& l = lines[i];
        if (i < first || i > last) {
            if (!is_blank(l.text)) grid.rows.push_back(text_row(l));
            continue;
        }
        if (l.text.find('|') == std::string_view::npos) {
            if (is_blank(l.text)) continue;
            if (pending.empty()) pending_line = l.number;
            pending += std::string(l.text) + "\n";
            continue;
        }
        const auto parts = split_pipes(trim_right(l.text));
        for (std::size_t k = 0; k + 1 < parts.size(); ++k) {  // the piece after the last pipe is empty
            std::string raw = (k == 0 ? pending : std::string()) + std::string(parts[k]);
            const int line = k == 0 && !pending.empty() ? pending_line : l.number;
            grid.rows.push_back(cell_row(clean_cell(raw), line));
        }
        if (!trim_right(parts.back()).empty()) grid.rows.push_back(cell_row(clean_cell(parts.back()), l.number));
        pending.clear();
    }
}

// Every line one cell of a table whose rows are unmarked; blank lines only separate.
void read_line_stream(const std::vector<RawLine>& lines, TextGrid& grid) {
    for (const auto& l : lines)
        if (!is_blank(l.text)) grid.rows.push_back(cell_row(clean_cell(l.text), l.number));
}

// A line is a row whose cells are split later, where the template's labels begin.
void read_space_rows(const std::vector<RawLine>& lines, TextGrid& grid) {
    for (const auto& l : lines)
        if (!is_blank(l.text)) grid.rows.push_back(cell_row(clean_cell(l.text), l.number));
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

const char* to_string(GridLayout layout) {
    switch (layout) {
        case GridLayout::RowPerLine: return "tab";
        case GridLayout::CellPerLine: return "tab-cells";
        case GridLayout::PipeRows: return "pipe";
        case GridLayout::PipeStream: return "pipe-stream";
        case GridLayout::SpaceRows: return "spaces";
        case GridLayout::LineStream: return "lines";
        case GridLayout::Sheet: return "xlsx";
        case GridLayout::Document: return "docx";
        case GridLayout::Html: return "html";
    }
    return "?";
}

bool is_stream(GridLayout layout) { return layout == GridLayout::PipeStream || layout == GridLayout::LineStream; }

bool GridRow::all_blank() const {
    return std::all_of(cells.begin(), cells.end(), [](const GridCell& c) { return c.text.empty(); });
}

std::string clean_cell(std::string_view raw) {
    std::string s;
    s.reserve(raw.size());
    // Paragraph tags from HTML-ish exports mark line breaks; other tags are kept as text.
    for (size_t i = 0; i < raw.size();) {
        if (raw[i] != '<') {
            s += raw[i++];
        } else if (raw.compare(i, 3, "<p>") == 0) {
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

std::optional<GridLayout> text_layout_named(std::string_view name) {
    if (name == "tab") return GridLayout::RowPerLine;
    if (name == "pipe") return GridLayout::PipeRows;
    if (name == "spaces") return GridLayout::SpaceRows;
    if (name == "lines") return GridLayout::LineStream;
    return std::nullopt;
}

TextGrid read_text_grid(std::string_view content, std::optional<GridLayout> layout) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    if (content.find('\0') != std::string_view::npos) throw GridError("not a text file (it contains NUL bytes)", 0);
    if (int bad = first_invalid_utf8_line(content)) throw GridError("not UTF-8 text (invalid bytes)", bad);
    if (is_blank(content) || content.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw GridError("the file is empty", 0);
    const auto lines = split_lines(content);
    TextGrid grid;
    grid.encoding = "UTF-8";
    grid.layout = layout ? *layout : detect_layout(lines);
    // A named tab or pipe layout still takes its row or cell form from the content.
    if (grid.layout == GridLayout::RowPerLine || grid.layout == GridLayout::CellPerLine) grid.layout = tab_layout(lines);
    if (grid.layout == GridLayout::PipeRows || grid.layout == GridLayout::PipeStream) grid.layout = pipe_layout(lines);
    switch (grid.layout) {
        case GridLayout::RowPerLine: read_row_per_line(lines, grid); break;
        case GridLayout::CellPerLine: read_cell_per_line(lines, grid); break;
        case GridLayout::PipeRows: read_pipe_rows(lines, grid); break;
        case GridLayout::PipeStream: read_pipe_stream(lines, grid); break;
        case GridLayout::SpaceRows: read_space_rows(lines, grid); break;
        default: read_line_stream(lines, grid); break;
    }
    if (grid.rows.empty()) throw GridError("the file is empty", 0);
    return grid;
}

}  // namespace formwork::io
