// The language audit: the shell shows one language at a time, so every string of the table
// has both languages, English rows hold no Chinese, and the views' sources keep their
// user-facing words in the table (src/ui/strings.cpp) instead of literals.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "ui/strings.h"

using namespace formwork;
using namespace formwork::ui;
namespace fs = std::filesystem;

namespace {

// Code points of Chinese text and its punctuation: CJK ideographs and radicals, CJK
// punctuation (、。「」), and the full-width forms (：，（）).
bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x3000 && c <= 0x303F);
}

bool has_cjk(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        char32_t c = b;
        size_t n = 1;
        if (b >= 0xF0) c = b & 0x07, n = 4;
        else if (b >= 0xE0) c = b & 0x0F, n = 3;
        else if (b >= 0xC0) c = b & 0x1F, n = 2;
        for (size_t k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        if (is_cjk(c)) return true;
        i += n;
    }
    return false;
}

bool has_ascii_word(const std::string& s) {
    static const std::regex word("[A-Za-z]{2,}");
    return std::regex_search(s, word);
}

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// String literals of one line of C++ (no raw strings in src/ui; escapes kept as written).
std::vector<std::string> literals(const std::string& line) {
    std::vector<std::string> out;
    bool in = false;
    std::string cur;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (!in) {
            if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') break;  // a comment
            if (c == '\'') {  // a character literal, e.g. '"'
                i = line.find('\'', i + (line[i + 1] == '\\' ? 3 : 2));
                if (i == std::string::npos) break;
                continue;
            }
            if (c == '"') in = true, cur.clear();
        } else if (c == '\\' && i + 1 < line.size()) {
            cur += c;
            cur += line[++i];
        } else if (c == '"') {
            in = false;
            out.push_back(cur);
        } else {
            cur += c;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("ui-lang-1.1 every string of the table has both languages, and the English ones hold no Chinese") {
    for (size_t i = 0; i < static_cast<size_t>(Str::Count_); ++i) {
        const Str key = static_cast<Str>(i);
        const std::string zh = tr(key, Lang::Zh), en = tr(key, Lang::En);
        INFO("Str #" << i << ": " << zh << " / " << en);
        CHECK_FALSE(zh.empty());
        CHECK_FALSE(en.empty());
        if (key == Str::MenuLanguage) continue;  // names the other language, in that language
        CHECK_FALSE(has_cjk(en));
        // A Chinese row is Chinese, or holds no words at all (a colon, an ellipsis).
        CHECK((has_cjk(zh) || !has_ascii_word(zh)));
    }
}

TEST_CASE("ui-lang-1.2 tr_with puts the value where the string says") {
    CHECK(tr_with(Str::CellsChanged, Lang::Zh, "3") == "3 个单元格");
    CHECK(tr_with(Str::CellsChanged, Lang::En, "3") == "3 cells");
    CHECK(tr_with(Str::Colon, Lang::En, "x") == ": ");  // no "{1}": the string as it is
}

// Literals in the views that are known and allowed, each with why. The first two files are
// being rewritten on main (issue 14, grid work); their keys already exist (Str::UnitPrefix,
// Str::Overflow, Str::Colon) for that rewrite to use.
const std::set<std::pair<std::string, std::string>> kAllowed = {
    {"view_form.cpp", "单位：%s"},     // Str::UnitPrefix
    {"view_form.cpp", "overflow"},     // Str::Overflow
    {"view_form.cpp", "%s：%s"},       // Str::Colon
    {"view_form.cpp", "label"},        // a column id of a table shown without headers
    {"view_form.cpp", "value"},        // a column id of a table shown without headers
    {"widgets.cpp", "：“"},            // Str::Colon
    // Messages on stderr about the window itself (no display, no CJK font), before or
    // outside anything the string table draws.
    {"shell.cpp", "无法打开窗口：没有可用的图形显示（DISPLAY）。\\n"},
    {"shell.cpp", "警告：没有找到中文字体（请安装 fonts-noto-cjk），中文将无法显示。"},
    {"shell.cpp", "无法保存界面设置："},  // on stderr after the window has closed
    // Glyphs the font atlas must hold for the update dialog's punctuation (not shown as such).
    {"shell_text.cpp", "「」→、：·…—"},
};

TEST_CASE("ui-lang-1.3 the views' sources hold no Chinese literal and no English words in what ImGui shows") {
    const fs::path ui = fs::path(FORMWORK_SOURCE_DIR) / "src/ui";
    // Calls whose string arguments are shown to the user.
    static const std::regex shown(
        R"(ImGui::(Text\w*|BulletText|Button|SmallButton|MenuItem|BeginMenu|Selectable|SetTooltip|Checkbox|RadioButton|)"
        R"(TableSetupColumn|TableHeader|InputText\w*|BeginCombo|ProgressBar|CollapsingHeader|TreeNode\w*)\()");
    static const std::regex printf_spec("%[-+ #0-9.]*[a-z]+");
    static const std::regex colour_arg(R"(severity_color\("\w+"\))");
    static const std::regex comparison(R"([=!]= "\w+")");
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(ui)) {
        const std::string file = entry.path().filename().string();
        if (file == "strings.cpp" || file == "strings.h") continue;
        std::istringstream in(read(entry.path()));
        std::string line;
        for (int n = 1; std::getline(in, line); ++n) {
            // severity_color("error") names a colour; severity == "error" compares a code
            line = std::regex_replace(std::regex_replace(line, colour_arg, ""), comparison, "");
            const bool is_shown = std::regex_search(line, shown);
            for (std::string lit : literals(line)) {
                if (kAllowed.count({file, lit})) continue;
                if (has_cjk(lit)) {
                    found.push_back(file + ":" + std::to_string(n) + ": Chinese literal \"" + lit + "\"");
                    continue;
                }
                if (!is_shown) continue;
                if (const size_t hidden = lit.find("##"); hidden != std::string::npos) lit.erase(hidden);
                lit = std::regex_replace(lit, printf_spec, "");
                if (has_ascii_word(lit) && lit.rfind("Ctrl+", 0) != 0)
                    found.push_back(file + ":" + std::to_string(n) + ": English literal \"" + lit + "\"");
            }
        }
    }
    for (const auto& f : found) UNSCOPED_INFO(f);
    CHECK(found.empty());
}
