// The clipboard for blocks of cells (see clipboard.h): through the platform backend's text
// clipboard (GLFW: UTF-8 text only).
#include "ui/clipboard.h"

#include <imgui.h>

namespace formwork::ui {

void put_block_on_clipboard(const io::CellBlock& block) {
    ImGui::SetClipboardText(io::write_tsv(block).c_str());
}

io::CellBlock block_from_clipboard() {
    const char* text = ImGui::GetClipboardText();
    return text ? io::parse_tsv(text) : io::CellBlock{};
}

}  // namespace formwork::ui
