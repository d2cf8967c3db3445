// UTF-8 decoding, counting, slicing and trimming by characters.
#include "core/utf8.h"

#include <algorithm>
#include <vector>

namespace formwork::utf8 {

namespace {

// Decodes the character at `at`; gives its byte length, or 0 if malformed.
std::size_t decode(std::string_view text, std::size_t at, char32_t& cp) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    std::size_t size;
    char32_t min;
    if (lead < 0x80) {
        cp = lead;
        return 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        size = 2, cp = lead & 0x1F, min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        size = 3, cp = lead & 0x0F, min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        size = 4, cp = lead & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (text.size() - at < size) return 0;
    for (std::size_t i = 1; i < size; ++i) {
        const unsigned char c = byte(at + i);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return size;
}

bool is_space(char32_t cp) {
    return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0xFEFF;
}

// Byte offset where character number `index` (0-based) starts; text.size() past the end.
std::size_t offset_of(std::string_view text, std::size_t index) {
    std::size_t at = 0;
    char32_t cp;
    while (index > 0 && at < text.size()) {
        at += decode(text, at, cp);
        --index;
    }
    return at;
}

}  // namespace

std::string repair(std::string_view text, bool* replaced) {
    std::size_t bad = invalid_at(text);
    if (replaced) *replaced = bad != npos;
    if (bad == npos) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t at = 0;
    char32_t cp;
    while (at < text.size()) {
        const std::size_t size = decode(text, at, cp);
        if (size > 0) {
            out.append(text.substr(at, size));
            at += size;
            continue;
        }
        out += "\xEF\xBF\xBD";
        do ++at;
        while (at < text.size() && decode(text, at, cp) == 0);
    }
    return out;
}

namespace {

std::u32string code_points(std::string_view text) {
    std::u32string out;
    char32_t cp;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t size = decode(text, at, cp);
        if (size == 0) {
            ++at;
            continue;
        }
        out += cp;
        at += size;
    }
    return out;
}

}  // namespace

std::size_t distance(std::string_view a, std::string_view b, std::size_t cap) {
    const std::u32string x = code_points(a), y = code_points(b);
    if (x.size() > y.size() ? x.size() - y.size() >= cap : y.size() - x.size() >= cap) return cap;
    std::vector<std::size_t> row(y.size() + 1);
    for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = up;
            best = std::min(best, row[j]);
        }
        if (best >= cap) return cap;
    }
    return std::min(row[y.size()], cap);
}

std::size_t invalid_at(std::string_view text) {
    // Every finding's message and every imported cell passes here: ASCII and the three-byte
    // characters whose lead byte allows any continuation (all of CJK) are taken without
    // decoding; the rest (E0 and ED, whose second byte is limited, and 2- and 4-byte forms)
    // by decode.
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    char32_t cp;
    for (std::size_t at = 0; at < n;) {
        const unsigned char lead = s[at];
        if (lead < 0x80) {
            ++at;
            continue;
        }
        if (((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) && n - at >= 3 &&
            (s[at + 1] & 0xC0) == 0x80 && (s[at + 2] & 0xC0) == 0x80) {
            at += 3;
            continue;
        }
        const std::size_t size = decode(text, at, cp);
        if (size == 0) return at;
        at += size;
    }
    return npos;
}

std::size_t length(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++count;
    return count;
}

std::string_view sub(std::string_view text, long long i, long long j) {
    const auto n = static_cast<long long>(length(text));
    if (i < 0) i = n + i + 1;
    if (i < 1) i = 1;
    if (j < 0) j = n + j + 1;
    if (j > n) j = n;
    if (i > j) return text.substr(0, 0);
    const std::size_t begin = offset_of(text, static_cast<std::size_t>(i - 1));
    const std::size_t end = begin + offset_of(text.substr(begin), static_cast<std::size_t>(j - i + 1));
    return text.substr(begin, end - begin);
}

std::string_view trim(std::string_view text) {
    char32_t cp;
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t size = decode(text, begin, cp);
        if (size == 0 || !is_space(cp)) break;
        begin += size;
    }
    std::size_t end = text.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
        const std::size_t size = decode(text, start, cp);
        if (size == 0 || start + size != end || !is_space(cp)) break;
        end = start;
    }
    return text.substr(begin, end - begin);
}

void append(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace formwork::utf8
