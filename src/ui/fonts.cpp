// CJK font discovery and glyph-range atlas building (see fonts.h).
#include "ui/fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <filesystem>
#include <vector>

#include "ui/strings.h"

namespace formwork::ui {

namespace {

// Decodes UTF-8, skipping invalid bytes; only the BMP matters (ImWchar is 16-bit in 1.86).
template <class F>
void for_each_codepoint(std::string_view s, F f) {
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = s[i];
        unsigned cp = 0;
        int len = 1;
        if (c < 0x80) cp = c;
        else if ((c >> 5) == 6 && i + 1 < s.size()) cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F), len = 2;
        else if ((c >> 4) == 14 && i + 2 < s.size()) cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F), len = 3;
        else if ((c >> 3) == 30) len = 4;
        i += len;
        if (cp >= 0x20 && cp <= 0xFFFF) f(cp);
    }
}

FontFile match(const char* pattern) {
    FontFile out;
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>(pattern));
    if (!pat) return out;
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    if (FcPattern* font = FcFontMatch(nullptr, pat, &result)) {
        FcChar8* file = nullptr;
        int index = 0;
        FcChar8* family = nullptr;
        if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetString(font, FC_FAMILY, 0, &family) == FcResultMatch) {
            const std::string fam = reinterpret_cast<const char*>(family);
            // fontconfig always answers something; only accept a font that really is CJK.
            if (fam.find("CJK") != std::string::npos || fam.find("WenQuanYi") != std::string::npos ||
                fam.find("Droid Sans Fallback") != std::string::npos) {
                FcPatternGetInteger(font, FC_INDEX, 0, &index);
                out = {reinterpret_cast<const char*>(file), index};
            }
        }
        FcPatternDestroy(font);
    }
    FcPatternDestroy(pat);
    return out;
}

}  // namespace

FontFile find_cjk_font() {
    FcInit();
    for (const char* pattern : {"Noto Sans CJK SC:style=Regular", "WenQuanYi Micro Hei", "sans-serif:lang=zh-cn"}) {
        FontFile f = match(pattern);
        if (f.found() && std::filesystem::exists(f.path)) return f;
    }
    // Known paths, in case fontconfig's cache is missing.
    const std::pair<const char*, int> known[] = {
        {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2},
        {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0},
    };
    for (const auto& [path, index] : known)
        if (std::filesystem::exists(path)) return {path, index};
    return {};
}

bool FontAtlasBuilder::note_text(std::string_view utf8) {
    bool added = false;
    for_each_codepoint(utf8, [&](unsigned cp) {
        if (cp >= 0x80 && chars_.insert(cp).second) added = true;
    });
    if (added) dirty_ = true;
    return added;
}

bool FontAtlasBuilder::build() {
    if (!looked_up_) {
        font_ = find_cjk_font();
        looked_up_ = true;
        for (const char* s : all_strings()) note_text(s);
    }
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    dirty_ = false;
    if (!font_.found()) {
        io.Fonts->AddFontDefault();
        io.Fonts->Build();
        return false;
    }
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
    // Number forms, arrows, mathematical operators (≥ ≤ ≠), enclosed numbers, shapes; general
    // punctuation (… — “ ”) and CJK punctuation; full-width forms.
    static const ImWchar kSymbols[] = {0x2000, 0x206F, 0x2150, 0x218F, 0x2190, 0x21FF, 0x2200, 0x22FF, 0x2460, 0x24FF,
                                       0x25A0, 0x25FF, 0x3000, 0x303F, 0xFF00, 0xFFEF, 0};
    builder.AddRanges(kSymbols);
    for (unsigned cp : chars_) builder.AddChar(static_cast<ImWchar>(cp));
    static ImVector<ImWchar> ranges;  // must outlive the atlas build
    ranges.clear();
    builder.BuildRanges(&ranges);
    ImFontConfig config;
    config.FontNo = font_.index;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    if (!io.Fonts->AddFontFromFileTTF(font_.path.c_str(), size_px_, &config, ranges.Data)) {
        io.Fonts->AddFontDefault();
        io.Fonts->Build();
        return false;
    }
    return io.Fonts->Build();
}

}  // namespace formwork::ui
