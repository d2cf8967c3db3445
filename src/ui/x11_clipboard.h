// The X11 CLIPBOARD with more than one form of the same content. GLFW offers and reads UTF-8
// text only, but spreadsheets paste a copied table best from text/html and offer their own
// copies as text/html too. This connection of our own owns the clipboard after a copy (and
// answers every program's request for TARGETS, UTF8_STRING, STRING, text/plain or text/html)
// and reads a chosen form on paste. Its thread waits on the X connection, never on the UI.
#pragma once

#include <optional>
#include <string>

namespace formwork::ui {

class X11Clipboard {
public:
    // The clipboard of $DISPLAY, started on first use; null when there is no X display (the
    // caller then uses GLFW's text clipboard).
    static X11Clipboard* get();

    // Takes the clipboard and offers the same content as text and as HTML.
    virtual void offer(std::string text, std::string html) = 0;
    // The clipboard's content in `target` ("text/html", "UTF8_STRING"); nullopt when its owner
    // does not offer it or does not answer within `timeout_ms`.
    virtual std::optional<std::string> fetch(const std::string& target, int timeout_ms = 400) = 0;

    virtual ~X11Clipboard() = default;
};

}  // namespace formwork::ui
