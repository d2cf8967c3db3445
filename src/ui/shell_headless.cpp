// Drawing the views with no window and no GPU: ImGui builds vertex lists that nobody
// renders. Tests use it to draw every template's form; benchmarks to time a frame's CPU.
#include <imgui.h>

#include <chrono>

#include "ui/shell.h"
#include "ui/views.h"

namespace formwork::ui {

double draw_headless_frames(App& app, int frames, float width, float height) {
    IMGUI_CHECKVERSION();
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    FontAtlasBuilder fonts;
    note_visible_text(app, fonts);
    fonts.build();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    double total_ms = 0;
    for (int i = 0; i < frames; ++i) {
        if (note_visible_text(app, fonts)) {
            fonts.build();
            io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        }
        const auto start = std::chrono::steady_clock::now();
        app.recheck_if_changed();
        ImGui::NewFrame();
        draw_shell(app);
        ImGui::Render();
        total_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }
    ImGui::DestroyContext(ctx);
    return frames > 0 ? total_ms / frames : 0;
}

}  // namespace formwork::ui
