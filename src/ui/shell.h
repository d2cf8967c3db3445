// The desktop shell: a GLFW window with an OpenGL 3.3 context and Dear ImGui, drawing the
// views over an App. run_shell() is what `formwork` and `formwork shell` call.
#pragma once

#include <string>

#include "ui/app.h"
#include "ui/fonts.h"

namespace formwork::ui {

// Opens the window and runs until it is closed (or, with options.frames, draws that many
// frames, writes options.screenshot if set, and returns). Returns a process exit code.
int run_shell(const ShellOptions& options, const LiveChecker& checker = {});

// Adds every text the UI may show (templates' labels, the open filing's values) to the
// font atlas builder; true when a character is new and the atlas must be rebuilt.
bool note_visible_text(const App& app, FontAtlasBuilder& fonts);

// Draws `frames` frames of the views with no window or GPU (tests, benchmarks): a headless
// ImGui context with a built font atlas. Returns the average CPU time of a frame in ms.
double draw_headless_frames(App& app, int frames, float width = 1440, float height = 900);

// Writes the pixels of the current GL back buffer as a PNG (flipped to top-down rows).
bool write_screenshot(const std::string& path, int width, int height);

}  // namespace formwork::ui
