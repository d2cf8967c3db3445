// When the shell draws: only when something may look different — input arrived, a background
// job reported, the open filing or the stored data changed, or the text cursor blinks — and
// otherwise it sleeps in glfwWaitEventsTimeout. An idle shell then costs nothing but a wake
// once a second (to notice changed script files); drawing every frame kept a core busy.
#pragma once

namespace formwork::ui {

class FramePacer {
public:
    // Input settles over a few frames in ImGui (hover, popups opening, layout after a click).
    static constexpr int kFramesAfterInput = 3;

    void input() { owed_ = kFramesAfterInput; }
    void changed() {
        if (owed_ < 1) owed_ = 1;
    }
    // Whether to draw now; a drawn frame is paid off.
    bool take_frame() {
        if (owed_ <= 0) return false;
        --owed_;
        return true;
    }
    bool frames_owed() const { return owed_ > 0; }
    // How long to wait for events before looking again: none while frames are owed; a tenth
    // of a second while a background job runs (its progress is shown); half a second while a
    // text box has the cursor (it blinks); otherwise a second.
    double wait_seconds(bool background_busy, bool text_cursor) const {
        if (owed_ > 0) return 0.0;
        if (background_busy) return 0.1;
        if (text_cursor) return 0.5;
        return 1.0;
    }

private:
    int owed_ = kFramesAfterInput;  // the first frames lay out the window
};

}  // namespace formwork::ui
