// The clipboard for blocks of cells (see clipboard.h): text and HTML through our own X11
// connection where there is an X display; GLFW's text clipboard otherwise.
#include "ui/clipboard.h"

#include <imgui.h>

#include "ui/x11_clipboard.h"

namespace formwork::ui {

void put_block_on_clipboard(const io::CellBlock& block) {
    std::string text = io::write_tsv(block);
    if (X11Clipboard* x = X11Clipboard::get()) {
        x->offer(std::move(text), io::write_html_table(block));
        return;
    }
    ImGui::SetClipboardText(text.c_str());
}

io::CellBlock block_from_clipboard() {
    if (X11Clipboard* x = X11Clipboard::get()) {
        // A table's HTML form keeps merged cells and line breaks inside cells in place.
        if (auto html = x->fetch("text/html")) {
            io::CellBlock block = io::parse_html_table(*html);
            if (!block.empty()) return block;
        }
        if (auto text = x->fetch("UTF8_STRING")) return io::parse_tsv(*text);
    }
    const char* text = ImGui::GetClipboardText();
    return text ? io::parse_tsv(text) : io::CellBlock{};
}

}  // namespace formwork::ui
