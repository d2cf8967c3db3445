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
    std::u32string key;
    for (char32_t c : text::decode_utf8(without_bookmarks(text))) {
        c = text::fold_width(c);
        // Question marks and U+FFFD: characters a copy lost ("绩?????效????目标"), never
        // part of a label.
        if (!text::is_space(c) && c != U'?' && c != U'\uFFFD') key += c;
    }
    while (!key.empty() && key.back() == U':') key.pop_back();
    // "其中：一般公共预算" (of which: general budget) names the same row as "一般公共预算".
    constexpr std::u32string_view kOfWhich = U"其中:";
    if (key.size() > kOfWhich.size() && key.compare(0, kOfWhich.size(), kOfWhich) == 0) key.erase(0, kOfWhich.size());
    return text::encode_utf8(key);
}

}  // namespace formwork::io
