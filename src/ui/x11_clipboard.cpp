// The X11 CLIPBOARD with text and HTML forms (see x11_clipboard.h): a hidden window on a
// connection of our own, served by one thread that polls the connection and a wake-up pipe.
// The UI thread never calls Xlib: it hands requests over under a mutex.
#include "ui/x11_clipboard.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <algorithm>
#include <iterator>

namespace formwork::ui {

namespace {

class XClipboard final : public X11Clipboard {
public:
    static std::unique_ptr<XClipboard> open() {
        const char* name = std::getenv("DISPLAY");
        if (!name || !*name) return nullptr;
        Display* d = XOpenDisplay(name);
        if (!d) return nullptr;
        return std::unique_ptr<XClipboard>(new XClipboard(d));
    }

    ~XClipboard() override {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake();
        if (thread_.joinable()) thread_.join();
        XDestroyWindow(display_, window_);
        XCloseDisplay(display_);
        close(pipe_[0]);
        close(pipe_[1]);
    }

    void offer(std::string text, std::string html) override {
        {
            std::lock_guard lock(mutex_);
            text_ = std::move(text);
            html_ = std::move(html);
            take_ownership_ = true;
        }
        wake();
    }

    std::optional<std::string> fetch(const std::string& target, int timeout_ms) override {
        std::unique_lock lock(mutex_);
        fetch_target_ = target;
        ++fetch_id_;
        fetch_done_ = false;
        fetch_result_.reset();
        lock.unlock();
        wake();
        lock.lock();
        const bool answered = done_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [this] { return fetch_done_; });
        if (!answered) return std::nullopt;
        return fetch_result_;
    }

private:
    explicit XClipboard(Display* d) : display_(d) {
        window_ = XCreateSimpleWindow(d, DefaultRootWindow(d), 0, 0, 1, 1, 0, 0, 0);
        clipboard_ = XInternAtom(d, "CLIPBOARD", False);
        targets_ = XInternAtom(d, "TARGETS", False);
        utf8_ = XInternAtom(d, "UTF8_STRING", False);
        text_atom_ = XInternAtom(d, "TEXT", False);
        plain_ = XInternAtom(d, "text/plain", False);
        plain_utf8_ = XInternAtom(d, "text/plain;charset=utf-8", False);
        html_atom_ = XInternAtom(d, "text/html", False);
        property_ = XInternAtom(d, "FORMWORK_CLIPBOARD", False);
        incr_ = XInternAtom(d, "INCR", False);
        XFlush(d);
        if (pipe(pipe_) != 0) pipe_[0] = pipe_[1] = -1;
        thread_ = std::thread([this] { serve(); });
    }

    void wake() {
        const char c = 1;
        if (pipe_[1] >= 0) (void)!write(pipe_[1], &c, 1);
    }

    // The content offered for a target; false when that target is not offered.
    bool content_for(Atom target, std::string& out) {
        std::lock_guard lock(mutex_);
        if (target == html_atom_) out = html_;
        else if (target == utf8_ || target == XA_STRING || target == text_atom_ || target == plain_ || target == plain_utf8_) out = text_;
        else return false;
        return true;
    }

    void answer(const XSelectionRequestEvent& req) {
        XSelectionEvent reply{};
        reply.type = SelectionNotify;
        reply.display = req.display;
        reply.requestor = req.requestor;
        reply.selection = req.selection;
        reply.target = req.target;
        reply.time = req.time;
        reply.property = req.property == None ? req.target : req.property;  // obsolete clients name no property
        std::string data;
        const long max_bytes = std::max(XExtendedMaxRequestSize(display_), XMaxRequestSize(display_)) * 4 - 1024;
        if (req.target == targets_) {
            const Atom offered[] = {targets_, html_atom_, utf8_, plain_utf8_, plain_, text_atom_, XA_STRING};
            XChangeProperty(display_, req.requestor, reply.property, XA_ATOM, 32, PropModeReplace,
                            reinterpret_cast<const unsigned char*>(offered), static_cast<int>(std::size(offered)));
        } else if (content_for(req.target, data) && static_cast<long>(data.size()) < max_bytes) {
            // Larger content would need the INCR protocol; such a block is refused rather than cut.
            XChangeProperty(display_, req.requestor, reply.property, req.target == XA_STRING ? XA_STRING : req.target, 8,
                            PropModeReplace, reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(data.size()));
        } else {
            reply.property = None;
        }
        XSendEvent(display_, req.requestor, False, 0, reinterpret_cast<XEvent*>(&reply));
        XFlush(display_);
    }

    void received(const XSelectionEvent& ev) {
        std::optional<std::string> result;
        if (ev.property != None) {
            Atom type = None;
            int format = 0;
            unsigned long items = 0, after = 0;
            unsigned char* data = nullptr;
            if (XGetWindowProperty(display_, window_, property_, 0, 64 * 1024 * 1024 / 4, True, AnyPropertyType, &type, &format,
                                   &items, &after, &data) == Success &&
                type != incr_ && format == 8 && data)
                result = std::string(reinterpret_cast<const char*>(data), items);
            if (data) XFree(data);
        }
        std::lock_guard lock(mutex_);
        fetch_result_ = std::move(result);
        fetch_done_ = true;
        done_.notify_all();
    }

    void serve() {
        pollfd fds[2] = {{ConnectionNumber(display_), POLLIN, 0}, {pipe_[0], POLLIN, 0}};
        for (;;) {
            while (XPending(display_)) {
                XEvent ev;
                XNextEvent(display_, &ev);
                if (ev.type == SelectionRequest) answer(ev.xselectionrequest);
                else if (ev.type == SelectionNotify && ev.xselection.requestor == window_) received(ev.xselection);
            }
            bool own = false, convert = false;
            std::string target;
            {
                std::lock_guard lock(mutex_);
                if (stop_) return;
                own = std::exchange(take_ownership_, false);
                if (sent_id_ != fetch_id_) {
                    convert = true;
                    target = fetch_target_;
                    sent_id_ = fetch_id_;
                }
            }
            if (own) XSetSelectionOwner(display_, clipboard_, window_, CurrentTime);
            if (convert) {
                XDeleteProperty(display_, window_, property_);
                XConvertSelection(display_, clipboard_, XInternAtom(display_, target.c_str(), False), property_, window_, CurrentTime);
            }
            XFlush(display_);
            if (XPending(display_)) continue;
            if (poll(fds, 2, -1) < 0) continue;
            if (fds[1].revents & POLLIN) {
                char buf[64];
                (void)!read(pipe_[0], buf, sizeof buf);
            }
        }
    }

    Display* display_;
    Window window_;
    Atom clipboard_, targets_, utf8_, text_atom_, plain_, plain_utf8_, html_atom_, property_, incr_;
    int pipe_[2] = {-1, -1};
    std::thread thread_;

    std::mutex mutex_;
    std::condition_variable done_;
    bool stop_ = false;
    std::string text_, html_;
    bool take_ownership_ = false;
    std::string fetch_target_;
    unsigned fetch_id_ = 0, sent_id_ = 0;  // each fetch is sent to the owner once
    bool fetch_done_ = false;
    std::optional<std::string> fetch_result_;
};

}  // namespace

X11Clipboard* X11Clipboard::get() {
    static std::unique_ptr<XClipboard> clipboard = XClipboard::open();
    return clipboard.get();
}

}  // namespace formwork::ui
