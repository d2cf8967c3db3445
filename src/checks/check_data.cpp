// Reading reference data files for check.data (see check_data.h).
#include "checks/check_data.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/utf8.h"
#include "lua/script_files.h"

namespace formwork::script {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxDataBytes = std::uintmax_t{8} << 20;

bool valid_name(const std::string& name) {
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

bool inside(const fs::path& file, const fs::path& dir) {
    std::error_code ec;
    const auto rel = fs::weakly_canonical(file, ec).lexically_relative(fs::weakly_canonical(dir, ec));
    return !ec && !rel.empty() && *rel.begin() != "..";
}

// RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and line
// breaks; lines end in LF or CRLF.
std::vector<std::vector<std::string>> parse_csv(std::string_view text, const std::string& shown) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, in_quotes = false;
    int line = 1;
    auto end_field = [&] {
        row.push_back(std::move(field));
        field.clear();
        quoted = false;
    };
    auto end_row = [&] {
        end_field();
        if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
        row.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
                else in_quotes = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && field.empty() && !quoted) {
            in_quotes = quoted = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            end_row();
            ++line;
        } else if (quoted) {
            throw std::runtime_error(shown + ":" + std::to_string(line) + ": text after a closing quote");
        } else {
            field += c;
        }
    }
    if (in_quotes) throw std::runtime_error(shown + ":" + std::to_string(line) + ": a quote is never closed");
    if (!field.empty() || !row.empty()) end_row();
    return rows;
}

ScriptValue from_json(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::string: return ScriptValue::string(j.get<std::string>());
        case nlohmann::json::value_t::boolean: return ScriptValue::boolean(j.get<bool>());
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float: return ScriptValue::number(j.get<double>());
        case nlohmann::json::value_t::array: {
            ScriptTable t;
            for (const auto& v : j) t.array.push_back(from_json(v));
            return ScriptValue::table(std::move(t));
        }
        case nlohmann::json::value_t::object: {
            ScriptTable t;
            for (const auto& [k, v] : j.items()) t.fields.emplace_back(ScriptValue::string(k), from_json(v));
            return ScriptValue::table(std::move(t));
        }
        default: return {};
    }
}

}  // namespace

DataFile find_data_file(const std::string& name, const std::vector<fs::path>& dirs) {
    if (!valid_name(name)) throw std::invalid_argument("\"" + name + "\" is not a data name (letters, digits, '_' and '-', no path)");
    // The user's folder (last) first: a bureau's own list replaces the shipped one.
    for (auto dir = dirs.rbegin(); dir != dirs.rend(); ++dir) {
        for (const char* ext : {".csv", ".json"}) {
            std::error_code ec;
            const fs::path file = *dir / (name + ext);
            if (!fs::is_regular_file(file, ec)) continue;
            if (!inside(file, *dir))
                throw std::invalid_argument(shown_path(file) + " is a link to a file outside " + shown_path(*dir) + "; refused");
            return {file, fs::last_write_time(file, ec)};
        }
    }
    return {};
}

ScriptValue read_data_file(const fs::path& path) {
    const std::string shown = shown_path(path);
    std::error_code ec;
    if (fs::file_size(path, ec) > kMaxDataBytes) throw std::runtime_error(shown + ": larger than 8 MB");
    const auto text = read_script_text(path);
    if (!text) throw std::runtime_error(shown + ": cannot read the file");
    std::string_view content = *text;
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    if (utf8::invalid_at(content) != utf8::npos) throw std::runtime_error(shown + ": not UTF-8 text");
    if (path.extension() == ".json") {
        try {
            return from_json(nlohmann::json::parse(content));
        } catch (const nlohmann::json::exception& e) {
            throw std::runtime_error(shown + ": " + e.what());
        }
    }
    const auto rows = parse_csv(content, shown);
    ScriptTable list;
    if (rows.empty()) return ScriptValue::table(std::move(list));
    const std::vector<std::string>& heads = rows.front();
    for (std::size_t r = 1; r < rows.size(); ++r) {
        if (rows[r].size() > heads.size())
            throw std::runtime_error(shown + ": row " + std::to_string(r + 1) + " has more fields than the header");
        ScriptTable row;
        for (std::size_t c = 0; c < heads.size(); ++c)
            row.fields.emplace_back(ScriptValue::string(heads[c]), ScriptValue::string(c < rows[r].size() ? rows[r][c] : ""));
        list.array.push_back(ScriptValue::table(std::move(row)));
    }
    return ScriptValue::table(std::move(list));
}

}  // namespace formwork::script
