// The budgeted Lua pattern matcher. Same language as Lua 5.1 (classes, sets, * + - ?, %b,
// %f, captures, back references, anchors); errors carry Lua's wording.
#include "lua/lua_pattern.h"

#include <array>
#include <cstring>

namespace formwork::script::pattern {

namespace {

constexpr int kMaxDepth = 200;        // recursion per match, as in Lua

// Character classes of the C locale, as a table: libc's ctype calls (tolower above all) were
// a third of the matching time, and a table also ignores whatever locale the app sets.
enum : unsigned char { Alpha = 1, Cntrl = 2, Digit = 4, Lower = 8, Punct = 16, Space = 32, Upper = 64, Hex = 128 };

constexpr std::array<unsigned char, 256> make_classes() {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c) {
        unsigned char f = 0;
        const bool lower = c >= 'a' && c <= 'z';
        const bool upper = c >= 'A' && c <= 'Z';
        const bool digit = c >= '0' && c <= '9';
        if (lower) f |= Lower | Alpha;
        if (upper) f |= Upper | Alpha;
        if (digit) f |= Digit | Hex;
        if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) f |= Hex;
        if (c < 32 || c == 127) f |= Cntrl;
        if (c == ' ' || (c >= 9 && c <= 13)) f |= Space;
        if (c > 32 && c < 127 && !lower && !upper && !digit) f |= Punct;
        t[static_cast<std::size_t>(c)] = f;
    }
    return t;
}

constexpr std::array<unsigned char, 256> kClasses = make_classes();

bool class_match(unsigned char c, unsigned char cl) {
    const unsigned char flags = kClasses[c];
    bool result;
    switch (cl | 0x20) {  // the class letter, lower-cased (ASCII)
    case 'a': result = flags & Alpha; break;
    case 'c': result = flags & Cntrl; break;
    case 'd': result = flags & Digit; break;
    case 'l': result = flags & Lower; break;
    case 'p': result = flags & Punct; break;
    case 's': result = flags & Space; break;
    case 'u': result = flags & Upper; break;
    case 'w': result = flags & (Alpha | Digit); break;
    case 'x': result = flags & Hex; break;
    case 'z': result = c == 0; break;
    default: return cl == c;  // %. %% %( ... stand for the character itself
    }
    return (cl >= 'a' && cl <= 'z') ? result : !result;
}

bool ask(const Budget& budget) { return budget.exhausted != nullptr && budget.exhausted(budget.context); }

}  // namespace

bool is_plain(std::string_view pattern) { return pattern.find_first_of("^$*+?.([%-") == std::string_view::npos; }

std::size_t find_plain(std::string_view subject, std::string_view needle, std::size_t from, Budget budget,
                       bool& stopped) {
    constexpr std::size_t npos = std::string_view::npos;
    if (needle.empty()) return from <= subject.size() ? from : npos;
    if (needle.size() > subject.size()) return npos;
    const std::size_t last = subject.size() - needle.size();
    std::size_t work = 0;
    for (std::size_t pos = from; pos <= last; ++pos) {
        const void* hit = std::memchr(subject.data() + pos, needle[0], last - pos + 1);
        if (hit == nullptr) return npos;
        pos = static_cast<std::size_t>(static_cast<const char*>(hit) - subject.data());
        if (std::memcmp(subject.data() + pos, needle.data(), needle.size()) == 0) return pos;
        work += needle.size();
        if (work >= (std::size_t{1} << 20)) {
            work = 0;
            if (ask(budget)) {
                stopped = true;
                return npos;
            }
        }
    }
    return npos;
}

Matcher::Matcher(std::string_view subject, std::string_view pattern, Budget budget)
    : subject_(subject.data()),
      subject_size_(subject.size()),
      pattern_(pattern.data()),
      pattern_size_(pattern.size()),
      budget_(budget),
      countdown_(kStepsPerCheck) {}

Outcome Matcher::match(std::size_t at, std::size_t pattern_from) {
    if (state_ == Outcome::Malformed || state_ == Outcome::Stopped) return state_;
    level_ = 0;
    depth_ = 0;
    const std::size_t e = step(at, pattern_from);
    if (state_ == Outcome::Malformed || state_ == Outcome::Stopped) return state_;
    if (e == npos) return Outcome::NoMatch;
    end_ = e;
    return Outcome::Match;
}

std::size_t Matcher::steps() const {
    return checks_ * kStepsPerCheck + static_cast<std::size_t>(kStepsPerCheck - countdown_);
}

bool Matcher::tick() {
    if (state_ == Outcome::Malformed || state_ == Outcome::Stopped) return false;
    if (--countdown_ > 0) return true;
    countdown_ = kStepsPerCheck;
    ++checks_;
    if (ask(budget_)) {
        state_ = Outcome::Stopped;
        return false;
    }
    return true;
}

std::size_t Matcher::fail(const char* message) {
    if (state_ != Outcome::Malformed && state_ != Outcome::Stopped) {
        state_ = Outcome::Malformed;
        error_ = message;
    }
    return npos;
}

// One step of matching: consumes plain items in a loop and recurses only where Lua's
// matcher has to remember a choice (quantifiers, captures).
std::size_t Matcher::step(std::size_t s, std::size_t p) {
    if (++depth_ > kMaxDepth) {
        --depth_;
        return fail("pattern too complex");
    }
    std::size_t result = npos;
    for (;;) {
        if (!tick()) break;
        if (p == pattern_size_) {
            result = s;
            break;
        }
        const char pc = pattern_[p];
        if (pc == '(') {
            const bool position = p + 1 < pattern_size_ && pattern_[p + 1] == ')';
            result = position ? open_capture(s, p + 2, kPosition) : open_capture(s, p + 1, kOpen);
            break;
        }
        if (pc == ')') {
            result = close_capture(s, p + 1);
            break;
        }
        if (pc == '$' && p + 1 == pattern_size_) {
            result = s == subject_size_ ? s : npos;
            break;
        }
        if (pc == '%' && p + 1 < pattern_size_) {
            const char next = pattern_[p + 1];
            if (next == 'b') {
                s = balance(s, p + 2);
                if (s == npos) break;
                p += 4;
                continue;
            }
            if (next == 'f') {
                p += 2;
                if (p >= pattern_size_ || pattern_[p] != '[') {
                    fail("missing '[' after '%f' in pattern");
                    break;
                }
                const std::size_t ep = class_end(p);
                if (state_ == Outcome::Malformed) break;
                const unsigned char before = s == 0 ? 0 : static_cast<unsigned char>(subject_[s - 1]);
                const unsigned char here = s < subject_size_ ? static_cast<unsigned char>(subject_[s]) : 0;
                if (set_match(before, p, ep - 1) || !set_match(here, p, ep - 1)) break;
                p = ep;
                continue;
            }
            if (next >= '0' && next <= '9') {
                s = back_reference(s, next);
                if (s == npos) break;
                p += 2;
                continue;
            }
        }
        const std::size_t ep = class_end(p);
        if (state_ == Outcome::Malformed) break;
        const bool here = s < subject_size_ && single_match(static_cast<unsigned char>(subject_[s]), p, ep);
        const char suffix = ep < pattern_size_ ? pattern_[ep] : '\0';
        if (suffix == '?') {
            if (here) {
                const std::size_t r = step(s + 1, ep + 1);
                if (r != npos || state_ == Outcome::Malformed || state_ == Outcome::Stopped) {
                    result = r;
                    break;
                }
            }
            p = ep + 1;
            continue;
        }
        if (suffix == '*') {
            result = max_expand(s, p, ep);
            break;
        }
        if (suffix == '+') {
            result = here ? max_expand(s + 1, p, ep) : npos;
            break;
        }
        if (suffix == '-') {
            result = min_expand(s, p, ep);
            break;
        }
        if (!here) break;
        ++s;
        p = ep;
    }
    --depth_;
    return state_ == Outcome::Malformed || state_ == Outcome::Stopped ? npos : result;
}

// The offset just past the single-character class at p ('x', '.', '%a', '[set]').
std::size_t Matcher::class_end(std::size_t p) {
    const char c = pattern_[p++];
    if (c == '%') {
        if (p >= pattern_size_) return fail("malformed pattern (ends with '%')");
        return p + 1;
    }
    if (c == '[') {
        if (p < pattern_size_ && pattern_[p] == '^') ++p;
        do {  // the first character of a set is never its end, so "[]]" is a set of ']'
            if (p >= pattern_size_) return fail("malformed pattern (missing ']')");
            const char member = pattern_[p++];
            if (member == '%' && p < pattern_size_) ++p;
        } while (p >= pattern_size_ || pattern_[p] != ']');
        return p + 1;
    }
    return p;
}

bool Matcher::single_match(unsigned char c, std::size_t p, std::size_t ep) const {
    switch (pattern_[p]) {
    case '.': return true;
    case '%': return class_match(c, static_cast<unsigned char>(pattern_[p + 1]));
    case '[': return set_match(c, p, ep - 1);
    default: return static_cast<unsigned char>(pattern_[p]) == c;
    }
}

// p is at '[', close at the matching ']'.
bool Matcher::set_match(unsigned char c, std::size_t p, std::size_t close) const {
    bool negate = false;
    ++p;
    if (p < close && pattern_[p] == '^') {
        negate = true;
        ++p;
    }
    while (p < close) {
        const auto pc = static_cast<unsigned char>(pattern_[p]);
        if (pc == '%' && p + 1 < close) {
            if (class_match(c, static_cast<unsigned char>(pattern_[p + 1]))) return !negate;
            p += 2;
        } else if (p + 2 < close && pattern_[p + 1] == '-') {
            if (pc <= c && c <= static_cast<unsigned char>(pattern_[p + 2])) return !negate;
            p += 3;
        } else {
            if (pc == c) return !negate;
            ++p;
        }
    }
    return negate;
}

std::size_t Matcher::max_expand(std::size_t s, std::size_t p, std::size_t ep) {
    std::size_t count = 0;
    while (s + count < subject_size_ && single_match(static_cast<unsigned char>(subject_[s + count]), p, ep)) {
        ++count;
        if (!tick()) return npos;
    }
    for (;;) {
        const std::size_t r = step(s + count, ep + 1);
        if (r != npos || state_ == Outcome::Malformed || state_ == Outcome::Stopped) return r;
        if (count == 0) return npos;
        --count;
    }
}

std::size_t Matcher::min_expand(std::size_t s, std::size_t p, std::size_t ep) {
    for (;;) {
        const std::size_t r = step(s, ep + 1);
        if (r != npos || state_ == Outcome::Malformed || state_ == Outcome::Stopped) return r;
        if (s < subject_size_ && single_match(static_cast<unsigned char>(subject_[s]), p, ep))
            ++s;
        else
            return npos;
    }
}

std::size_t Matcher::open_capture(std::size_t s, std::size_t p, std::ptrdiff_t what) {
    if (level_ >= kMaxCaptures) return fail("too many captures");
    captures_[level_] = {s, what};
    ++level_;
    const std::size_t r = step(s, p);
    if (r == npos) --level_;
    return r;
}

std::size_t Matcher::close_capture(std::size_t s, std::size_t p) {
    int open = -1;
    for (int i = level_ - 1; i >= 0; --i) {
        if (captures_[i].length == kOpen) {
            open = i;
            break;
        }
    }
    if (open < 0) return fail("invalid pattern capture");
    captures_[open].length = static_cast<std::ptrdiff_t>(s - captures_[open].start);
    const std::size_t r = step(s, p);
    if (r == npos) captures_[open].length = kOpen;
    return r;
}

// %bxy at p (p is at x).
std::size_t Matcher::balance(std::size_t s, std::size_t p) {
    if (p + 1 >= pattern_size_) return fail("missing arguments to '%b'");
    if (s >= subject_size_ || subject_[s] != pattern_[p]) return npos;
    const char open = pattern_[p];
    const char close = pattern_[p + 1];
    int nesting = 1;
    for (std::size_t i = s + 1; i < subject_size_; ++i) {
        if (!tick()) return npos;
        if (subject_[i] == close) {
            if (--nesting == 0) return i + 1;
        } else if (subject_[i] == open) {
            ++nesting;
        }
    }
    return npos;
}

std::size_t Matcher::back_reference(std::size_t s, char digit) {
    const int index = digit - '1';
    if (index < 0 || index >= level_ || captures_[index].length == kOpen) return fail("invalid capture index");
    if (captures_[index].length == kPosition) return npos;
    const auto length = static_cast<std::size_t>(captures_[index].length);
    if (subject_size_ - s >= length && std::memcmp(subject_ + captures_[index].start, subject_ + s, length) == 0)
        return s + length;
    return npos;
}

}  // namespace formwork::script::pattern
