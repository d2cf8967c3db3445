// Flattening of a filing to path cells and back (see filing_cells.h for the path scheme).
#include "core/filing_cells.h"

#include <charconv>
#include <vector>

namespace formwork {

std::string escape_cell_id(const std::string& id) {
    std::string out;
    for (unsigned char c : id) {
        if (c == '/' || c == '%' || c == '#') {
            static const char* hex = "0123456789ABCDEF";
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

namespace {

std::string escape_id(const std::string& id) { return escape_cell_id(id); }

std::string unescape_id(const std::string& s, const std::string& path) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        unsigned v = 0;
        if (i + 2 >= s.size() || std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16).ptr != s.data() + i + 3)
            throw std::invalid_argument("bad escape in cell path: " + path);
        out += static_cast<char>(v);
        i += 2;
    }
    return out;
}

size_t parse_index(const std::string& s, const std::string& path) {
    size_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || s.empty() || v > 10'000'000)
        throw std::invalid_argument("bad index in cell path: " + path);
    return v;
}

template <class T>
T& at_index(std::vector<T>& v, size_t i) {
    if (v.size() <= i) v.resize(i + 1);
    return v[i];
}

}  // namespace

std::vector<std::string> split_cell_path(const std::string& path) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
        size_t slash = path.find('/', start);
        parts.push_back(path.substr(start, slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return parts;
}


FilingCells to_cells(const Filing& filing) {
    FilingCells cells;
    for (const auto& [id, text] : filing.fields) cells["f/" + escape_id(id)] = text;
    for (const auto& [table_id, table] : filing.tables) {
        const std::string base = "t/" + escape_id(table_id) + "/";
        cells[base + "#rows"] = std::to_string(table.rows.size());
        for (size_t r = 0; r < table.rows.size(); ++r)
            for (const auto& [col, text] : table.rows[r].cells)
                cells[base + std::to_string(r) + "/" + escape_id(col)] = text;
    }
    if (!filing.indicators.empty()) cells["i/#count"] = std::to_string(filing.indicators.size());
    for (size_t n = 0; n < filing.indicators.size(); ++n) {
        const Indicator& ind = filing.indicators[n];
        const std::string base = "i/" + std::to_string(n) + "/";
        cells[base + "l1"] = ind.level1;
        cells[base + "l2"] = ind.level2;
        cells[base + "name"] = ind.name;
        for (const auto& [period, text] : ind.targets) cells[base + "t/" + escape_id(period)] = text;
        for (const auto& [col, text] : ind.extra) cells[base + "x/" + escape_id(col)] = text;
    }
    if (!filing.notes.empty()) cells["n/#count"] = std::to_string(filing.notes.size());
    for (size_t n = 0; n < filing.notes.size(); ++n) {
        cells["n/" + std::to_string(n) + "/kind"] = filing.notes[n].kind;
        cells["n/" + std::to_string(n) + "/text"] = filing.notes[n].text;
    }
    return cells;
}

Filing from_cells(const FilingCells& cells) {
    Filing f;
    auto table_for = [&](const std::string& id) -> Table& { return f.tables[id]; };
    std::map<std::string, size_t> declared_rows;
    size_t declared_indicators = 0, declared_notes = 0;

    for (const auto& [path, text] : cells) {
        const auto p = split_cell_path(path);
        if (p.size() == 2 && p[0] == "f") {
            f.fields[unescape_id(p[1], path)] = text;
        } else if (p.size() == 3 && p[0] == "t" && p[2] == "#rows") {
            const std::string id = unescape_id(p[1], path);
            table_for(id);
            declared_rows[id] = parse_index(text, path);
        } else if (p.size() == 4 && p[0] == "t") {
            Table& t = table_for(unescape_id(p[1], path));
            at_index(t.rows, parse_index(p[2], path)).cells[unescape_id(p[3], path)] = text;
        } else if (p.size() == 2 && p[0] == "i" && p[1] == "#count") {
            declared_indicators = parse_index(text, path);
        } else if (p.size() >= 3 && p[0] == "i") {
            Indicator& ind = at_index(f.indicators, parse_index(p[1], path));
            if (p.size() == 3 && p[2] == "l1") ind.level1 = text;
            else if (p.size() == 3 && p[2] == "l2") ind.level2 = text;
            else if (p.size() == 3 && p[2] == "name") ind.name = text;
            else if (p.size() == 4 && p[2] == "t") ind.targets[unescape_id(p[3], path)] = text;
            else if (p.size() == 4 && p[2] == "x") ind.extra[unescape_id(p[3], path)] = text;
            else throw std::invalid_argument("unknown cell path: " + path);
        } else if (p.size() == 2 && p[0] == "n" && p[1] == "#count") {
            declared_notes = parse_index(text, path);
        } else if (p.size() == 3 && p[0] == "n") {
            Note& note = at_index(f.notes, parse_index(p[1], path));
            if (p[2] == "kind") note.kind = text;
            else if (p[2] == "text") note.text = text;
            else throw std::invalid_argument("unknown cell path: " + path);
        } else {
            throw std::invalid_argument("unknown cell path: " + path);
        }
    }
    for (auto& [id, t] : f.tables) {
        auto it = declared_rows.find(id);
        const size_t n = it == declared_rows.end() ? t.rows.size() : it->second;
        if (t.rows.size() > n) throw std::invalid_argument("table " + id + " has cells past its row count");
        t.rows.resize(n);
    }
    if (f.indicators.size() > declared_indicators && declared_indicators != 0)
        throw std::invalid_argument("indicator cells past the indicator count");
    if (declared_indicators > f.indicators.size()) f.indicators.resize(declared_indicators);
    if (declared_notes > f.notes.size()) f.notes.resize(declared_notes);
    return f;
}

std::vector<CellChange> diff_cells(const FilingCells& before, const FilingCells& after) {
    std::vector<CellChange> out;
    auto a = before.begin();
    auto b = after.begin();
    while (a != before.end() || b != after.end()) {
        if (b == after.end() || (a != before.end() && a->first < b->first)) {
            out.push_back({a->first, true, false, a->second, {}});
            ++a;
        } else if (a == before.end() || b->first < a->first) {
            out.push_back({b->first, false, true, {}, b->second});
            ++b;
        } else {
            if (a->second != b->second) out.push_back({a->first, true, true, a->second, b->second});
            ++a;
            ++b;
        }
    }
    return out;
}

}  // namespace formwork
