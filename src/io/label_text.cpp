// Label normalisation for matching printed labels to a template's (see label_text.h).
#include "io/label_text.h"

#include "core/text.h"

namespace formwork::io {

namespace {

constexpr std::string_view kBookmark = "[bookmark:";

std::string without_bookmarks(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s.compare(i, kBookmark.size(), kBookmark) == 0) {
            const std::size_t close = s.find(']', i);
            if (close != std::string_view::npos) {
                i = close + 1;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

}  // namespace

std::string strip_bookmarks(std::string_view text) { return text::trim_utf8(without_bookmarks(text)); }

std::string normalize_label(std::string_view text) {
    // Byte by byte: the labels of a file are normalised thousands of times per import, and a
    // round trip through UTF-32 was most of an import's time. Same result as folding
    // (text::fold_width) and dropping spaces (text::is_space) on code points.
    std::string owned;
    if (text.find('[') != std::string_view::npos) {
        owned = without_bookmarks(text);
        text = owned;
    }
    std::string key;
    key.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' && c != '?') key += static_cast<char>(c);
            ++i;
            continue;
        }
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + len > text.size()) len = text.size() - i;
        const std::string_view ch = text.substr(i, len);
        i += len;
        if (ch == "\xC2\xA0" || ch == "\xE3\x80\x80" || ch == "\xEF\xBF\xBD") continue;  // NBSP, U+3000, U+FFFD
        // Full-width forms U+FF01–U+FF5E (EF BC 81 – EF BD 9E) fold to ASCII 0x21–0x7E.
        if (len == 3 && static_cast<unsigned char>(ch[0]) == 0xEF &&
            (static_cast<unsigned char>(ch[1]) == 0xBC || static_cast<unsigned char>(ch[1]) == 0xBD)) {
            const unsigned cp = 0xFF00u + ((static_cast<unsigned char>(ch[1]) & 0x03u) << 6) + (static_cast<unsigned char>(ch[2]) & 0x3Fu);
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                const char folded = static_cast<char>(cp - 0xFF01 + 0x21);
                if (folded != '?') key += folded;
                continue;
            }
        }
        key.append(ch);
    }
    while (!key.empty() && key.back() == ':') key.pop_back();
    // "其中：一般公共预算" (of which: general budget) names the same row as "一般公共预算".
    constexpr std::string_view kOfWhich = "\xE5\x85\xB6\xE4\xB8\xAD:";  // 其中:
    if (key.size() > kOfWhich.size() && key.compare(0, kOfWhich.size(), kOfWhich) == 0) key.erase(0, kOfWhich.size());
    return key;
}

}  // namespace formwork::io
