// Presses at once, releases after a frame has seen the press (see key_relay.h).
#include "ui/key_relay.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>

#include <set>
#include <vector>

namespace formwork::ui {

namespace {

struct HeldRelease {
    GLFWwindow* window;
    int key, scancode, mods;
};

std::set<int>& pressed_since_frame() {
    static std::set<int> keys;
    return keys;
}

std::vector<HeldRelease>& held() {
    static std::vector<HeldRelease> releases;
    return releases;
}

void relay(GLFWwindow* window, int key, int scancode, int action, int mods) {
    // Any release after a press the frame has not seen waits, modifiers included: Ctrl let go
    // together with V must still be down when the frame sees V.
    if (action == GLFW_RELEASE && !pressed_since_frame().empty()) {
        held().push_back({window, key, scancode, mods});
        return;
    }
    if (action == GLFW_PRESS) pressed_since_frame().insert(key);
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

}  // namespace

void install_key_relay(GLFWwindow* window) { glfwSetKeyCallback(window, relay); }

bool release_held_keys() {
    pressed_since_frame().clear();
    if (held().empty()) return false;
    const std::vector<HeldRelease> releases = std::move(held());
    held().clear();
    for (const auto& r : releases) ImGui_ImplGlfw_KeyCallback(r.window, r.key, r.scancode, GLFW_RELEASE, r.mods);
    return true;
}

}  // namespace formwork::ui
