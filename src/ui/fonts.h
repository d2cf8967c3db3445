// The shell's CJK font: found on the system (Noto Sans CJK SC, else WenQuanYi, through
// fontconfig), and an atlas whose glyph ranges cover the common simplified set, the symbol
// blocks the stock ranges lack (≥ ≤ …, PLATFORM.md) and every character of the UI strings,
// the templates and the open filings. ImGui 1.86 has no dynamic atlas, so a character seen
// later (typed, imported) is added with note_text() and the atlas is rebuilt between frames.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace formwork::ui {

struct FontFile {
    std::string path;
    int index = 0;
    bool found() const { return !path.empty(); }
};

// The best CJK font on this system, or an empty FontFile.
FontFile find_cjk_font();

class FontAtlasBuilder {
public:
    explicit FontAtlasBuilder(float size_px = 18.0f) : size_px_(size_px) {}

    // Remembers the characters of a text; returns true when one is new (a rebuild is due).
    bool note_text(std::string_view utf8);
    bool needs_rebuild() const { return dirty_; }

    // Rebuilds ImGui's font atlas (the current context's) from the font and the characters
    // noted so far; the renderer must then re-upload the texture. Returns false when no CJK
    // font was found (the default font is used and Chinese shows as '?').
    bool build();

    const FontFile& font() const { return font_; }
    size_t glyph_count() const { return chars_.size(); }

private:
    float size_px_;
    FontFile font_;
    bool looked_up_ = false;
    bool dirty_ = true;
    std::set<unsigned> chars_;
};

}  // namespace formwork::ui
