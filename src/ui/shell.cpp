// The windowed shell: GLFW + OpenGL 3.3 core + Dear ImGui 1.86 backends (see shell.h).
#include "ui/shell.h"

#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <csignal>
#include <cstdio>
#include <string>
#include <utility>
#include <unistd.h>
#include <vector>

#include "ui/frame_pacer.h"
#include "ui/key_relay.h"
#include "ui/views.h"

namespace formwork::ui {

bool write_screenshot(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // GL's first row is the bottom one.
    std::vector<unsigned char> flipped(pixels.size());
    const size_t stride = static_cast<size_t>(width) * 4;
    for (int y = 0; y < height; ++y)
        std::copy_n(pixels.begin() + static_cast<long>((height - 1 - y) * stride), stride,
                    flipped.begin() + static_cast<long>(y * stride));
    return stbi_write_png(path.c_str(), width, height, 4, flipped.data(), static_cast<int>(stride)) != 0;
}

namespace {

// Input reaches the pacer through GLFW callbacks installed before ImGui's backend, which
// chains to them (key, char, mouse button, scroll, focus, cursor enter); the cursor position,
// size and refresh callbacks are ImGui 1.86 does not install.
FramePacer* g_pacer = nullptr;

// SIGUSR1 asks a running shell for a picture of its window (tests and bug reports:
// `kill -USR1 PID` writes /tmp/formwork-PID.png after the next frame).
volatile std::sig_atomic_t g_shot_requested = 0;

void install_wake_callbacks(GLFWwindow* window) {
    glfwSetKeyCallback(window, [](GLFWwindow*, int, int, int, int) { g_pacer->input(); });
    glfwSetCharCallback(window, [](GLFWwindow*, unsigned) { g_pacer->input(); });
    glfwSetMouseButtonCallback(window, [](GLFWwindow*, int, int, int) { g_pacer->input(); });
    glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { g_pacer->input(); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { g_pacer->input(); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { g_pacer->input(); });
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double, double) { g_pacer->input(); });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow*, int, int) { g_pacer->input(); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { g_pacer->input(); });
    glfwSetWindowIconifyCallback(window, [](GLFWwindow*, int) { g_pacer->input(); });
}

}  // namespace

int run_shell(const ShellOptions& given, const LiveChecker& checker) {
    ShellOptions options = given;
    ShellSettings settings;
    const auto settings_file = shell_settings_path();
    if (options.remember) {
        settings = load_shell_settings(settings_file);
        if (settings.lang) options.lang = *settings.lang;
        if (!options.size_given && settings.width > 0) {
            options.width = settings.width;
            options.height = settings.height;
        }
    }
    glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "GLFW %d: %s\n", code, text); });
    if (!glfwInit()) {
        std::fprintf(stderr, options.lang == Lang::Zh ? "无法打开窗口：没有可用的图形显示（DISPLAY）。\n"
                                                      : "cannot open a window: no graphical display (DISPLAY).\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    // The X11 class names the window as the desktop entry's StartupWMClass does, so that the
    // panel shows the entry's icon and name for it.
    glfwWindowHintString(GLFW_X11_CLASS_NAME, "formwork");
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "formwork");
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, tr(Str::AppTitle, options.lang), nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.frames > 0 ? 0 : 1);

    int exit_code = 0;
    {
        App app(options);
        if (checker) app.checker = checker;
        if (options.open_id) app.open_filing(options.open_id);
        if (!options.focus_path.empty()) app.focus_path = options.focus_path;
        if (options.remember) app.panes = settings.panes;
        if (!options.import_files.empty()) import_at_start(app, options.import_files);

        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        ImGui::StyleColorsLight();
        ImGui::GetStyle().FrameRounding = 3.0f;
        ImGui::GetStyle().WindowRounding = 0.0f;
        FramePacer pacer;
        g_pacer = &pacer;
        std::signal(SIGUSR1, [](int) { g_shot_requested = 1; });
        install_wake_callbacks(window);
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        install_key_relay(window);
        ImGui_ImplOpenGL3_Init("#version 330");
        FontAtlasBuilder fonts;
        note_visible_text(app, fonts);
        if (!fonts.build())
            std::fprintf(stderr, "%s\n", app.lang == Lang::Zh ? "警告：没有找到中文字体（请安装 fonts-noto-cjk），中文将无法显示。"
                                                                : "warning: no CJK font found (install fonts-noto-cjk); Chinese will not render.");

        const bool fixed_frames = options.frames > 0;  // a screenshot run draws every frame
        bool was_busy = false;
        for (int frame = 0; !app.quit_confirmed;) {
            if (fixed_frames) {
                glfwPollEvents();
                pacer.input();
            } else {
                glfwWaitEventsTimeout(pacer.wait_seconds(app.background_busy(), io.WantTextInput));
            }
            if (glfwWindowShouldClose(window)) {
                glfwSetWindowShouldClose(window, GLFW_FALSE);
                app.want_quit = true;
                pacer.input();
            }
            const std::uint64_t before = app.view_stamp();
            app.reload_templates();
            app.recheck_if_changed();
            app.autosave();
            const bool busy = app.background_busy();
            if (g_shot_requested) pacer.input();
            if (std::exchange(app.frame_requested, false)) pacer.changed();
            // A blinking text cursor, a job's progress, anything that changed on its own.
            if (app.view_stamp() != before || busy || was_busy || io.WantTextInput) pacer.changed();
            was_busy = busy;
            if (!pacer.take_frame()) continue;
            ++frame;
            if (note_visible_text(app, fonts) || fonts.needs_rebuild()) {
                fonts.build();
                ImGui_ImplOpenGL3_DestroyFontsTexture();
                ImGui_ImplOpenGL3_CreateFontsTexture();
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            draw_shell(app);
            ImGui::Render();
            if (release_held_keys()) pacer.input();
            int w = 0, h = 0;
            glfwGetFramebufferSize(window, &w, &h);
            glViewport(0, 0, w, h);
            glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (g_shot_requested) {
                g_shot_requested = 0;
                const std::string shot = "/tmp/formwork-" + std::to_string(getpid()) + ".png";
                if (!write_screenshot(shot, w, h)) std::fprintf(stderr, "cannot write %s\n", shot.c_str());
            }
            if (fixed_frames && frame >= options.frames) {
                if (!options.screenshot.empty() && !write_screenshot(options.screenshot, w, h)) {
                    std::fprintf(stderr, "cannot write %s\n", options.screenshot.c_str());
                    exit_code = 1;
                }
                break;
            }
            glfwSwapBuffers(window);
        }
        if (options.remember) {
            settings.lang = app.lang;
            glfwGetWindowSize(window, &settings.width, &settings.height);
            settings.panes = app.panes;
            if (!save_shell_settings(settings_file, settings))
                std::fprintf(stderr, "%s %s\n", app.lang == Lang::Zh ? "无法保存界面设置：" : "cannot save the shell settings:",
                             settings_file.c_str());
        }
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        g_pacer = nullptr;
        ImGui::DestroyContext();
    }
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

}  // namespace formwork::ui
