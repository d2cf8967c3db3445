// Flattening of a filing to path cells and back (see filing_cells.h for the path scheme).
#include "core/filing_cells.h"

#include <algorithm>
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

[[noreturn]] void bad_path(const char* what, std::string_view path) {
    throw std::invalid_argument(std::string(what) + std::string(path));
}

// An id of a path, unescaped; most ids have no escape and are copied as they are.
std::string unescape_id(std::string_view s, std::string_view path) {
    if (s.find('%') == std::string_view::npos) return std::string(s);
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        unsigned v = 0;
        if (i + 2 >= s.size() || std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16).ptr != s.data() + i + 3)
            bad_path("bad escape in cell path: ", path);
        out += static_cast<char>(v);
        i += 2;
    }
    return out;
}

constexpr size_t kReserve = 4096;

// A path split at '/' into at most kMaxParts views (more parts: none of the path forms).
constexpr size_t kMaxParts = 5;
struct PathParts {
    std::string_view p[kMaxParts];
    size_t size = 0;
};

PathParts split_path(std::string_view path) {
    PathParts parts;
    size_t start = 0;
    for (;;) {
        const size_t slash = path.find('/', start);
        if (parts.size == kMaxParts) {
            parts.size = kMaxParts + 1;  // too many: matches no form
            return parts;
        }
        parts.p[parts.size++] = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (slash == std::string_view::npos) return parts;
        start = slash + 1;
    }
}

size_t parse_index(std::string_view s, std::string_view path) {
    size_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || s.empty() || v > 10'000'000)
        bad_path("bad index in cell path: ", path);
    return v;
}

template <class T>
T& at_index(std::vector<T>& v, size_t i) {
    if (v.size() <= i) v.resize(i + 1);
    return v[i];
}

// The table of an id, found without building a key string when it is there already.
Table& table_for(Filing& f, std::string id) {
    auto it = f.tables.find(id);
    if (it != f.tables.end()) return it->second;
    return f.tables.emplace(std::move(id), Table{}).first->second;
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

// Cells usually come in path order (a snapshot, a sorted FilingCells), so each id is the
// largest so far in its map: inserted at the end without comparing down the tree.
void FilingBuilder::add(std::string_view path, std::string_view text) {
    const PathParts pp = split_path(path);
    const auto& p = pp.p;
    const size_t n = pp.size;
    if (n == 2 && p[0] == "f") {
        f_.fields.insert_or_assign(f_.fields.end(), unescape_id(p[1], path), std::string(text));
    } else if (n == 3 && p[0] == "t" && p[2] == "#rows") {
        std::string id = unescape_id(p[1], path);
        const size_t rows = parse_index(text, path);
        // "#rows" sorts before the rows' cells: room for them all at once.
        // (At most kReserve: a damaged count must not claim memory before the cells disagree.)
        table_for(f_, id).rows.reserve(std::min(rows, kReserve));
        declared_rows_.insert_or_assign(std::move(id), rows);
    } else if (n == 4 && p[0] == "t") {
        // A table's cells come together: the table of the cell before is asked first.
        if (last_table_ == nullptr || p[1] != last_table_path_) {
            last_table_ = &table_for(f_, unescape_id(p[1], path));
            last_table_path_ = p[1];
        }
        Table& t = *last_table_;
        auto& cells = at_index(t.rows, parse_index(p[2], path)).cells;
        cells.insert_or_assign(cells.end(), unescape_id(p[3], path), std::string(text));
    } else if (n == 2 && p[0] == "i" && p[1] == "#count") {
        declared_indicators_ = parse_index(text, path);
        f_.indicators.reserve(std::min(declared_indicators_, kReserve));  // "#count" sorts before their cells
    } else if (n >= 3 && n <= 4 && p[0] == "i") {
        Indicator& ind = at_index(f_.indicators, parse_index(p[1], path));
        if (n == 3 && p[2] == "l1") ind.level1 = text;
        else if (n == 3 && p[2] == "l2") ind.level2 = text;
        else if (n == 3 && p[2] == "name") ind.name = text;
        else if (n == 4 && p[2] == "t") ind.targets.insert_or_assign(ind.targets.end(), unescape_id(p[3], path), std::string(text));
        else if (n == 4 && p[2] == "x") ind.extra.insert_or_assign(ind.extra.end(), unescape_id(p[3], path), std::string(text));
        else bad_path("unknown cell path: ", path);
    } else if (n == 2 && p[0] == "n" && p[1] == "#count") {
        declared_notes_ = parse_index(text, path);
    } else if (n == 3 && p[0] == "n") {
        Note& note = at_index(f_.notes, parse_index(p[1], path));
        if (p[2] == "kind") note.kind = text;
        else if (p[2] == "text") note.text = text;
        else bad_path("unknown cell path: ", path);
    } else {
        bad_path("unknown cell path: ", path);
    }
}

Filing FilingBuilder::finish() {
    for (auto& [id, t] : f_.tables) {
        auto it = declared_rows_.find(id);
        const size_t n = it == declared_rows_.end() ? t.rows.size() : it->second;
        if (t.rows.size() > n) throw std::invalid_argument("table " + id + " has cells past its row count");
        t.rows.resize(n);
    }
    if (f_.indicators.size() > declared_indicators_ && declared_indicators_ != 0)
        throw std::invalid_argument("indicator cells past the indicator count");
    if (declared_indicators_ > f_.indicators.size()) f_.indicators.resize(declared_indicators_);
    if (declared_notes_ > f_.notes.size()) f_.notes.resize(declared_notes_);
    last_table_ = nullptr;  // the tables leave with the filing
    last_table_path_.clear();
    return std::move(f_);
}

Filing from_cells(const FilingCells& cells) {
    FilingBuilder b;
    for (const auto& [path, text] : cells) b.add(path, text);
    return b.finish();
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
