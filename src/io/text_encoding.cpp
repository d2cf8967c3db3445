// Decoding text files to UTF-8 (see text_encoding.h). Conversions go through glibc's iconv.
#include "io/text_encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <optional>

#include "io/text_grid.h"

namespace formwork::io {

namespace {

constexpr std::size_t npos = std::string_view::npos;

// Offset of the first byte that does not start a valid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0) lo = 0xA0;       // overlong
            else if (c == 0xED) hi = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0) lo = 0x90;       // overlong
            else if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
        } else {
            return i;
        }
        if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if ((p[i + k] & 0xC0) != 0x80) return i;
        i += len;
    }
    return npos;
}

int line_of(std::string_view s, std::size_t offset) {
    return 1 + static_cast<int>(std::count(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// The whole of `in` converted from `from` to UTF-8, or nothing when a byte sequence is invalid
// or incomplete, or iconv does not know the charset.
std::optional<std::string> iconv_to_utf8(std::string_view in, const char* from) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    std::string out;
    out.resize(in.size() * 2 + 16);  // GB18030 → UTF-8 grows 2 bytes to 3 at most; regrown below if not
    char* src = const_cast<char*>(in.data());  // iconv's signature; it does not write there
    std::size_t src_left = in.size();
    std::size_t used = 0;
    bool ok = true;
    while (src_left > 0) {
        char* dst = out.data() + used;
        std::size_t dst_left = out.size() - used;
        const std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
        used = out.size() - dst_left;
        if (r != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        ok = false;  // EILSEQ or EINVAL (a sequence cut off at the end)
        break;
    }
    iconv_close(cd);
    if (!ok) return std::nullopt;
    out.resize(used);
    return out;
}

std::string ascii_lower_trimmed(std::string_view s) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '"' || c == '\''; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

struct Charset {
    std::string iconv_name;  // empty: UTF-8
    std::string label;       // reported in DecodedText::encoding
};

// A declared charset label as browsers read it (the WHATWG Encoding labels for the charsets
// Chinese pages use); anything else goes to iconv under its own name.
std::optional<Charset> charset_for_label(std::string_view declared) {
    const std::string l = ascii_lower_trimmed(declared);
    if (l.empty() || l == "x-user-defined" || l == "replacement") return std::nullopt;
    if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8") return Charset{"", "UTF-8"};
    // A page cannot declare UTF-16 in a meta tag (it would not be readable to find it):
    // browsers take such a declaration as UTF-8.
    if (l.rfind("utf-16", 0) == 0 || l == "unicode" || l == "ucs-2") return Charset{"", "UTF-8"};
    // GBK and GB2312 labels all mean GBK to a browser, which decodes it as GB18030 (its
    // superset: pages labelled gb2312 routinely hold GBK-only characters).
    static const char* const gbk_labels[] = {"gbk", "gb2312", "x-gbk", "gb_2312", "gb_2312-80", "chinese",
                                             "csgb2312", "csiso58gb231280", "iso-ir-58", "cp936", "windows-936", "ms936"};
    for (const char* g : gbk_labels)
        if (l == g) return Charset{"GB18030", "GBK"};
    if (l == "gb18030") return Charset{"GB18030", "GB18030"};
    if (l == "big5" || l == "big5-hkscs" || l == "cn-big5" || l == "csbig5" || l == "x-x-big5")
        return Charset{"BIG5-HKSCS", "Big5"};
    if (l == "iso-8859-1" || l == "latin1" || l == "ascii" || l == "us-ascii" || l == "windows-1252" || l == "cp1252")
        return Charset{"WINDOWS-1252", "windows-1252"};
    std::string upper = l;
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return Charset{upper, upper};
}

[[noreturn]] void throw_nul() { throw GridError("not a text file (it contains NUL bytes)", 0); }

DecodedText decode_utf16(std::string_view body, const char* name) {
    auto text = iconv_to_utf8(body, name);
    if (!text) throw GridError(std::string("cannot decode the file as ") + name + " (it starts with a " + name + " byte order mark)", 0);
    if (text->find('\0') != std::string::npos) throw_nul();
    return {std::move(*text), name};
}

}  // namespace

bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == npos; }

DecodedText decode_text(std::string_view bytes, std::string_view declared) {
    // A byte order mark outranks any declaration, as in browsers.
    if (bytes.substr(0, 2) == "\xFF\xFE") return decode_utf16(bytes.substr(2), "UTF-16LE");
    if (bytes.substr(0, 2) == "\xFE\xFF") return decode_utf16(bytes.substr(2), "UTF-16BE");
    if (bytes.find('\0') != npos) throw_nul();
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);
        const std::size_t bad = first_invalid_utf8(bytes);
        if (bad != npos) throw GridError("not UTF-8 text (invalid bytes after a UTF-8 byte order mark)", line_of(bytes, bad));
        return {std::string(bytes), "UTF-8"};
    }
    // A declaration the bytes do not bear out (a page saved as GBK that still says utf-8) is
    // ignored rather than trusted into mojibake.
    if (auto charset = charset_for_label(declared)) {
        if (charset->iconv_name.empty()) {
            if (is_valid_utf8(bytes)) return {std::string(bytes), "UTF-8"};
        } else if (auto text = iconv_to_utf8(bytes, charset->iconv_name.c_str())) {
            return {std::move(*text), charset->label};
        }
    }
    if (is_valid_utf8(bytes)) return {std::string(bytes), "UTF-8"};
    if (auto text = iconv_to_utf8(bytes, "GB18030")) return {std::move(*text), "GB18030"};
    throw GridError("cannot decode the file: it is neither UTF-8 nor GB18030 text", 0);
}

}  // namespace formwork::io
