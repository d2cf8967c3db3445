// Sheet names for the xlsx export (see export.h): Excel's rules are strict, and a workbook
// with one bad or duplicate name does not open at all.
#include <set>

#include "core/text.h"
#include "io/export.h"

namespace formwork::io {

namespace {

constexpr std::size_t kMaxLength = 31;  // in UTF-16 code units, as Excel counts

std::size_t utf16_length(const std::u32string& s) {
    std::size_t n = 0;
    for (char32_t c : s) n += c > 0xFFFF ? 2 : 1;
    return n;
}

std::u32string cut(std::u32string s, std::size_t max) {
    while (utf16_length(s) > max) s.pop_back();
    while (!s.empty() && (s.back() == U'\'' || s.back() == U' ')) s.pop_back();  // no apostrophe at the end
    return s;
}

// Case-insensitive for ASCII, the way Excel compares sheet names.
std::string fold_case(const std::string& s) {
    std::string out = s;
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::u32string clean(const std::string& title) {
    std::u32string s;
    for (char32_t c : text::decode_utf8(title)) {
        if (c == U'[' || c == U']' || c == U':' || c == U'*' || c == U'?' || c == U'/' || c == U'\\') c = U'_';
        if (c < 0x20) c = U' ';  // line breaks and tabs
        s += c;
    }
    s = std::u32string(text::trim(s));
    // A name may not begin or end with an apostrophe.
    while (!s.empty() && s.front() == U'\'') s.erase(s.begin());
    while (!s.empty() && s.back() == U'\'') s.pop_back();
    return s;
}

}  // namespace

std::vector<std::string> sheet_names(const std::vector<std::string>& titles) {
    std::vector<std::string> out;
    std::set<std::string> taken = {"history"};  // reserved by Excel
    for (std::size_t i = 0; i < titles.size(); ++i) {
        std::u32string base = clean(titles[i]);
        if (base.empty()) base = U"填报 " + text::decode_utf8(std::to_string(i + 1));
        std::string name = text::encode_utf8(cut(base, kMaxLength));
        for (int n = 2; taken.count(fold_case(name)); ++n) {
            const std::u32string suffix = text::decode_utf8(" (" + std::to_string(n) + ")");
            name = text::encode_utf8(cut(base, kMaxLength - suffix.size()) + suffix);
        }
        taken.insert(fold_case(name));
        out.push_back(name);
    }
    return out;
}

}  // namespace formwork::io
