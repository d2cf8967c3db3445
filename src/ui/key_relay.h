// Keys for ImGui 1.86 that are not lost between frames. That version reads a key as "down"
// at each new frame; a key pressed and released before the next frame (a fast typist, a
// remote desktop, xdotool) was never seen pressed. The shell now draws only when events
// arrive, so whole keystrokes often fall between two frames. The relay passes presses on at
// once and holds releases back until a frame has seen the presses before them.
#pragma once

struct GLFWwindow;

namespace formwork::ui {

// Replaces the key callback that ImGui's GLFW backend installed (call after its init); the
// backend's own handling still runs for every key.
void install_key_relay(GLFWwindow* window);
// After a frame: releases held back are passed on. True when there were any (one more frame
// is then needed to see them).
bool release_held_keys();

}  // namespace formwork::ui
