// Reads the JSON export back into filings (see import_json.h for the document's shape).
#include "io/import_json.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace formwork::io {

JsonImportError::JsonImportError(std::string where, std::string problem_zh, std::string problem_en)
    : std::runtime_error(where + ": " + problem_en), where_(std::move(where)), zh_(std::move(problem_zh)), en_(std::move(problem_en)) {}

std::string JsonImportError::message(Lang lang) const {
    return where_ + (lang == Lang::Zh ? "：" + zh_ : ": " + en_);
}

bool looks_like_json(std::string_view content) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);  // a BOM some editors add
    for (char c : content) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        return c == '{';
    }
    return false;
}

namespace {

using Json = nlohmann::json;

class Reader {
public:
    std::vector<Filing> read(const Json& doc) {
        expect_object(doc, "");
        const Json& format = member(doc, "", "format");
        if (!format.is_string() || format.get<std::string>() != "formwork-filings")
            throw JsonImportError("/format", "不是 Formwork 导出的 JSON（应为 \"formwork-filings\"）",
                                  "not a Formwork JSON export (expected \"formwork-filings\")");
        const Json& version = member(doc, "", "format_version");
        if (!version.is_number_integer() || version.get<long long>() < 1)
            throw JsonImportError("/format_version", "版本号无效", "invalid version");
        if (version.get<long long>() > 1)
            throw JsonImportError("/format_version", "由更新版本的 Formwork 写出（格式版本 " + version.dump() + "），本版本只读版本 1",
                                  "written by a newer Formwork (format version " + version.dump() + "); this one reads version 1");
        const Json& list = member(doc, "", "filings");
        if (!list.is_array()) throw JsonImportError("/filings", "应为数组", "expected an array");
        std::vector<Filing> out;
        for (std::size_t i = 0; i < list.size(); ++i) out.push_back(filing(list[i], "/filings/" + std::to_string(i)));
        return out;
    }

private:
    static void expect_object(const Json& j, const std::string& at) {
        if (!j.is_object()) throw JsonImportError(at.empty() ? "/" : at, "应为对象", "expected an object");
    }

    static const Json& member(const Json& j, const std::string& at, const char* key) {
        auto it = j.find(key);
        if (it == j.end()) throw JsonImportError(at + "/" + key, "缺少此项", "missing");
        return *it;
    }

    // A value as filed: a string, or a target's object with its text. A NUL character would
    // end the text early in C libraries (the PDF and xlsx writers, SQLite's C strings).
    static std::string text(const Json& j, const std::string& at) {
        const Json* s = j.is_string() ? &j : nullptr;
        if (j.is_object()) {
            auto it = j.find("text");
            if (it != j.end() && it->is_string()) s = &*it;
        }
        if (!s) throw JsonImportError(at, "应为文本，或带 \"text\" 的对象", "expected text, or an object with \"text\"");
        std::string value = s->get<std::string>();
        if (value.find('\0') != std::string::npos)
            throw JsonImportError(at, "文本中含有 NUL 字符（\\u0000）", "the text holds a NUL character (\\u0000)");
        return value;
    }

    static int small_integer(const Json& j, const std::string& at) {
        if (!j.is_number_integer() || j.get<long long>() < 0 || j.get<long long>() > 1000000)
            throw JsonImportError(at, "应为 0 到 1000000 的整数", "expected an integer from 0 to 1000000");
        return static_cast<int>(j.get<long long>());
    }

    static std::map<std::string, std::string> texts(const Json& j, const std::string& at) {
        expect_object(j, at);
        std::map<std::string, std::string> out;
        for (const auto& [key, value] : j.items()) out[key] = text(value, at + "/" + key);
        return out;
    }

    Filing filing(const Json& j, const std::string& at) {
        expect_object(j, at);
        Filing f;
        const Json& tpl = member(j, at, "template");
        expect_object(tpl, at + "/template");
        f.template_id = text(member(tpl, at + "/template", "id"), at + "/template/id");
        f.template_version = small_integer(member(tpl, at + "/template", "version"), at + "/template/version");
        if (auto it = j.find("fields"); it != j.end()) f.fields = texts(*it, at + "/fields");
        if (auto it = j.find("tables"); it != j.end()) {
            expect_object(*it, at + "/tables");
            for (const auto& [id, rows] : it->items()) {
                const std::string where = at + "/tables/" + id;
                if (!rows.is_array()) throw JsonImportError(where, "应为数组", "expected an array");
                Table& table = f.tables[id];
                for (std::size_t r = 0; r < rows.size(); ++r) {
                    const std::string row_at = where + "/" + std::to_string(r);
                    expect_object(rows[r], row_at);
                    TableRow row;
                    if (auto cells = rows[r].find("cells"); cells != rows[r].end()) row.cells = texts(*cells, row_at + "/cells");
                    table.rows.push_back(std::move(row));
                }
            }
        }
        if (auto it = j.find("indicators"); it != j.end()) {
            if (!it->is_array()) throw JsonImportError(at + "/indicators", "应为数组", "expected an array");
            for (std::size_t k = 0; k < it->size(); ++k) {
                const std::string ind_at = at + "/indicators/" + std::to_string(k);
                const Json& ij = (*it)[k];
                expect_object(ij, ind_at);
                Indicator ind;
                ind.level1 = text(member(ij, ind_at, "level1"), ind_at + "/level1");
                ind.level2 = text(member(ij, ind_at, "level2"), ind_at + "/level2");
                ind.name = text(member(ij, ind_at, "name"), ind_at + "/name");
                if (auto t = ij.find("targets"); t != ij.end()) ind.targets = texts(*t, ind_at + "/targets");
                if (auto x = ij.find("extra"); x != ij.end()) ind.extra = texts(*x, ind_at + "/extra");
                f.indicators.push_back(std::move(ind));
            }
        }
        if (auto it = j.find("notes"); it != j.end()) {
            if (!it->is_array()) throw JsonImportError(at + "/notes", "应为数组", "expected an array");
            for (std::size_t k = 0; k < it->size(); ++k) {
                const std::string note_at = at + "/notes/" + std::to_string(k);
                expect_object((*it)[k], note_at);
                f.notes.push_back({text(member((*it)[k], note_at, "kind"), note_at + "/kind"),
                                   text(member((*it)[k], note_at, "text"), note_at + "/text")});
            }
        }
        return f;
    }
};

}  // namespace

namespace {

// Follows the parser through the document so that a problem the parser meets (a duplicate
// key, a number out of range) can be named by its JSON pointer. nlohmann::json keeps the last
// of two equal keys silently; a filing exported by Formwork never has two, so a second one is
// an edit gone wrong and is refused.
class PathTracker {
public:
    bool event(int /*depth*/, Json::parse_event_t e, Json& parsed) {
        using E = Json::parse_event_t;
        switch (e) {
            case E::object_start:
                enter_value();
                frames_.push_back({true, 0, {}, ""});
                break;
            case E::array_start:
                enter_value();
                frames_.push_back({false, 0, {}, ""});
                break;
            case E::key: {
                Frame& f = frames_.back();
                std::string key = parsed.get<std::string>();
                if (!f.keys.insert(key).second) {
                    f.key = key;
                    throw JsonImportError(pointer(), "对象中有重复的键 \"" + key + "\"", "a key given twice in one object: \"" + key + "\"");
                }
                f.key = std::move(key);
                break;
            }
            case E::object_end:
            case E::array_end:
                frames_.pop_back();
                break;
            case E::value:
                enter_value();
                break;
        }
        return true;
    }

    // Where the parser is: the member or element being read.
    std::string pointer() const {
        std::string p;
        for (const Frame& f : frames_) {
            if (f.object) {
                if (f.key.empty() && f.keys.empty()) break;
                p += "/" + f.key;
            } else {
                p += "/" + std::to_string(f.index == 0 ? 0 : f.index - 1);
            }
        }
        return p.empty() ? "/" : p;
    }

private:
    struct Frame {
        bool object;
        std::size_t index;  // arrays: elements begun so far
        std::set<std::string> keys;
        std::string key;  // objects: the member being read
    };

    void enter_value() {
        if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    }

    std::vector<Frame> frames_;
};

std::string line_column(std::string_view content, std::size_t byte) {
    // byte is 1-based; editors show line:column.
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < byte && i < content.size(); ++i) {
        if (content[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

std::vector<Filing> read_filings_json(std::string_view content) {
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    Json doc;
    PathTracker tracker;
    try {
        doc = Json::parse(content, [&](int depth, Json::parse_event_t e, Json& parsed) { return tracker.event(depth, e, parsed); });
    } catch (const Json::parse_error& e) {
        throw JsonImportError(line_column(content, e.byte), "不是有效的 JSON", std::string("not valid JSON: ") + e.what());
    } catch (const Json::out_of_range& e) {
        // A number the parser cannot hold (1e400): named by where it stands.
        throw JsonImportError(tracker.pointer(), "数值超出范围", std::string("a number out of range: ") + e.what());
    } catch (const Json::exception& e) {
        throw JsonImportError(tracker.pointer(), "无法读取", e.what());
    }
    try {
        return Reader().read(doc);
    } catch (const Json::exception& e) {
        throw JsonImportError("/", "无法读取", e.what());
    }
}

std::optional<FileImport> import_json_file(const std::filesystem::path& path,
                                           const std::vector<std::shared_ptr<const FormSpec>>& templates) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string content = ss.str();
    if (!looks_like_json(content)) return std::nullopt;
    FileImport file;
    file.file = path.string();
    try {
        for (Filing& f : read_filings_json(content)) {
            std::shared_ptr<const FormSpec> spec;
            for (const auto& t : templates)
                if (t && t->id == f.template_id) spec = t;
            if (!spec) {
                file.failed = true;
                file.error = {"模板 " + f.template_id + " 未安装，无法导入其填报", "template " + f.template_id + " is not installed"};
                file.filings.clear();
                return file;
            }
            ImportedFiling imported;
            imported.filing = std::move(f);
            imported.spec = std::move(spec);
            file.filings.push_back(std::move(imported));
        }
    } catch (const JsonImportError& e) {
        file.failed = true;
        file.error = {e.message(Lang::Zh), e.message(Lang::En)};
        file.filings.clear();
    }
    return file;
}

}  // namespace formwork::io
