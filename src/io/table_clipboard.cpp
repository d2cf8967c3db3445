// Clipboard forms of a block of cells (see table_clipboard.h). HTML is read by the same reader
// that imports saved web pages, so a pasted table reads exactly as an imported one does.
#include "io/table_clipboard.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "io/grid_readers.h"

namespace formwork::io {

CellBlock parse_tsv(std::string_view text) {
    CellBlock block;
    std::vector<std::string> row;
    std::string cell;
    bool any = false;  // the current row has content or a separator
    size_t i = 0;
    auto end_row = [&] {
        row.push_back(std::move(cell));
        cell.clear();
        block.push_back(std::move(row));
        row.clear();
        any = false;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' && cell.empty()) {
            // A quoted cell, as spreadsheets write one holding tabs, line breaks or quotes.
            // Without a closing quote it was not quoted after all: the quote is text.
            std::string quoted;
            size_t j = i + 1;
            bool closed = false;
            while (j < text.size()) {
                if (text[j] == '"') {
                    if (j + 1 < text.size() && text[j + 1] == '"') {
                        quoted += '"';
                        j += 2;
                        continue;
                    }
                    closed = true;
                    ++j;
                    break;
                }
                quoted += text[j++];
            }
            const bool ends_cell = j >= text.size() || text[j] == '\t' || text[j] == '\n' || text[j] == '\r';
            if (closed && ends_cell) {
                cell = std::move(quoted);
                any = true;
                i = j;
                continue;
            }
        }
        if (c == '\t') {
            row.push_back(std::move(cell));
            cell.clear();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            end_row();
        } else {
            cell += c;
            any = true;
        }
        ++i;
    }
    if (any || !cell.empty()) end_row();
    return block;
}

std::string write_tsv(const CellBlock& block) {
    std::string out;
    for (const auto& row : block) {
        for (size_t c = 0; c < row.size(); ++c) {
            if (c) out += '\t';
            const std::string& cell = row[c];
            const bool quote = cell.find_first_of("\t\n\r") != std::string::npos || (!cell.empty() && cell.front() == '"');
            if (!quote) {
                out += cell;
                continue;
            }
            out += '"';
            for (char ch : cell) {
                if (ch == '"') out += '"';
                out += ch;
            }
            out += '"';
        }
        out += '\n';
    }
    return out;
}

namespace {

size_t find_tag(const std::string& lower, const char* tag, size_t from) {
    for (size_t at = lower.find(tag, from); at != std::string::npos; at = lower.find(tag, at + 1)) {
        const char after = at + std::char_traits<char>::length(tag) < lower.size() ? lower[at + std::char_traits<char>::length(tag)] : '>';
        if (after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '\r' || after == '/') return at;
    }
    return std::string::npos;
}

// The markup of the first <table> with the tables nested in it: the reader sees one table, and
// rows of a second table after it never join the block.
std::string_view first_table(std::string_view html) {
    std::string lower(html);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const size_t start = find_tag(lower, "<table", 0);
    if (start == std::string::npos) return {};
    int depth = 0;
    for (size_t at = start;;) {
        const size_t open = find_tag(lower, "<table", at);
        const size_t close = find_tag(lower, "</table", at);
        if (close == std::string::npos) return html.substr(start);  // unclosed: to the end
        if (open != std::string::npos && open < close) {
            ++depth;
            at = open + 1;
            continue;
        }
        if (--depth == 0) {
            const size_t end = lower.find('>', close);
            return html.substr(start, end == std::string::npos ? std::string_view::npos : end + 1 - start);
        }
        at = close + 1;
    }
}

}  // namespace

CellBlock parse_html_table(std::string_view html) {
    const std::string_view table = first_table(html);
    if (table.empty()) return {};
    TextGrid grid;
    try {
        // The charset a page declares is lost with the cut: clipboard HTML is UTF-8.
        grid = read_html_grid("<meta charset=\"utf-8\">" + std::string(table));
    } catch (const GridError&) {
        return {};
    }
    CellBlock block;
    for (const auto& row : grid.rows) {
        if (row.is_text) continue;
        std::vector<std::string> cells;
        for (const auto& cell : row.cells) cells.push_back(cell.text);
        block.push_back(std::move(cells));
    }
    return block;
}

namespace {

void append_escaped(std::string& out, const std::string& text) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\n': out += "<br>"; break;
            case '\r': break;
            default: out += c;
        }
    }
}

}  // namespace

std::string write_html_table(const CellBlock& block) {
    std::string out = "<html><head><meta charset=\"utf-8\"></head><body><table>";
    for (const auto& row : block) {
        out += "<tr>";
        for (const auto& cell : row) {
            out += "<td>";
            append_escaped(out, cell);
            out += "</td>";
        }
        out += "</tr>";
    }
    out += "</table></body></html>";
    return out;
}

}  // namespace formwork::io
