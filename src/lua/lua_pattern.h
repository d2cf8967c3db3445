// Lua 5.1 patterns with a work budget. The stock matcher backtracks without limit inside one
// C call, where no hook can stop it (a bad pattern ran > 20 s, PLATFORM.md), so the sandbox's
// string functions use this one, which asks its budget every few thousand steps.
// Plain C++: no Lua here, and nothing with a destructor, so a Lua error may unwind past it.
#pragma once

#include <cstddef>
#include <string_view>

namespace formwork::script::pattern {

inline constexpr int kMaxCaptures = 32;
inline constexpr int kStepsPerCheck = 4096;  // steps between two questions to the budget
inline constexpr std::ptrdiff_t kOpen = -1;      // capture not yet closed
inline constexpr std::ptrdiff_t kPosition = -2;  // () captures a position

// Left uninitialised on purpose: a Matcher is made per call (per gmatch step), and zeroing 32
// captures each time tripled the cost of a gmatch loop. Only the first capture_count() are
// ever read.
struct Capture {
    std::size_t start;
    std::ptrdiff_t length;  // or kOpen / kPosition
};

// Asked every few thousand steps whether to give up (the deadline passed).
struct Budget {
    bool (*exhausted)(void* context) = nullptr;
    void* context = nullptr;
};

enum class Outcome { NoMatch, Match, Malformed, Stopped };

// True when `pattern` has no magic characters, so a plain search finds the same thing.
bool is_plain(std::string_view pattern);

// Plain substring search from `from`; npos when absent. Sets `stopped` if the budget ran out.
std::size_t find_plain(std::string_view subject, std::string_view needle, std::size_t from, Budget budget,
                       bool& stopped);

class Matcher {
public:
    Matcher(std::string_view subject, std::string_view pattern, Budget budget);

    // Matches the pattern, starting at pattern offset `pattern_from` (1 to skip a '^'), against
    // the subject at offset `at`.
    Outcome match(std::size_t at, std::size_t pattern_from);

    std::size_t end() const { return end_; }
    // Matching steps taken so far by this matcher (all match() calls).
    std::size_t steps() const;
    int capture_count() const { return level_; }
    const Capture& capture(int i) const { return captures_[i]; }
    const char* error() const { return error_; }  // after Outcome::Malformed

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::size_t step(std::size_t s, std::size_t p);
    bool tick();
    std::size_t fail(const char* message);
    std::size_t class_end(std::size_t p);
    bool single_match(unsigned char c, std::size_t p, std::size_t ep) const;
    bool set_match(unsigned char c, std::size_t p, std::size_t close) const;
    std::size_t max_expand(std::size_t s, std::size_t p, std::size_t ep);
    std::size_t min_expand(std::size_t s, std::size_t p, std::size_t ep);
    std::size_t open_capture(std::size_t s, std::size_t p, std::ptrdiff_t what);
    std::size_t close_capture(std::size_t s, std::size_t p);
    std::size_t balance(std::size_t s, std::size_t p);
    std::size_t back_reference(std::size_t s, char digit);

    const char* subject_;
    std::size_t subject_size_;
    const char* pattern_;
    std::size_t pattern_size_;
    Budget budget_;
    int countdown_;
    std::size_t checks_ = 0;  // times the budget was asked
    int depth_ = 0;
    int level_ = 0;
    Outcome state_ = Outcome::NoMatch;  // Malformed / Stopped once something went wrong
    const char* error_ = "";
    std::size_t end_ = 0;
    Capture captures_[kMaxCaptures];
};

}  // namespace formwork::script::pattern
