// Excel number formats (see xlsx_number_format.h). A format code is parsed once into sections
// of tokens; a number is turned into its shortest round-trip decimal digits, rounded to Excel's
// 15 significant digits and then to the places the format shows, all on those digits.
#include "io/xlsx_number_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <vector>

namespace formwork::io::xlsx {

namespace {

// ---- decimal digits ------------------------------------------------------------------------

// A non-negative number as decimal digits: value = 0.DIGITS × 10^exp. No leading or trailing
// zeros in `digits`; zero has none.
struct Decimal {
    std::string digits;
    int exp = 0;
};

void strip_trailing_zeros(Decimal& d) {
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    if (d.digits.empty()) d.exp = 0;
}

// The shortest digits that read back as `v` (v ≥ 0, finite).
Decimal to_decimal(double v) {
    Decimal d;
    if (!(v > 0)) return d;
    char buf[40];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);  // "d.ddde+XX"
    const std::string_view s(buf, static_cast<std::size_t>(r.ptr - buf));
    const std::size_t e = s.find('e');
    for (char c : s.substr(0, e))
        if (c != '.') d.digits += c;
    std::string_view exp_text = s.substr(e + 1);
    const bool negative = exp_text.front() == '-';
    if (exp_text.front() == '+' || exp_text.front() == '-') exp_text.remove_prefix(1);
    int e10 = 0;
    std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), e10);
    d.exp = (negative ? -e10 : e10) + 1;
    strip_trailing_zeros(d);
    return d;
}

// Keeps the first `keep` digits, rounding half away from zero on the next one.
void round_digits(Decimal& d, int keep) {
    if (d.digits.empty() || keep >= static_cast<int>(d.digits.size())) return;
    if (keep < 0) {
        d = {};
        return;
    }
    const bool up = d.digits[static_cast<std::size_t>(keep)] >= '5';
    d.digits.resize(static_cast<std::size_t>(keep));
    if (up) {
        int i = keep - 1;
        while (i >= 0 && d.digits[static_cast<std::size_t>(i)] == '9') d.digits[static_cast<std::size_t>(i--)] = '0';
        if (i < 0) {
            d.digits.insert(d.digits.begin(), '1');
            ++d.exp;
        } else {
            ++d.digits[static_cast<std::size_t>(i)];
        }
    }
    strip_trailing_zeros(d);
}

void round_places(Decimal& d, int places) {
    if (!d.digits.empty()) round_digits(d, d.exp + places);
}

// Excel keeps 15 significant digits: 72.99999999999993 is 73 to it, whatever the format.
Decimal excel_decimal(double v) {
    Decimal d = to_decimal(v);
    round_digits(d, 15);
    return d;
}

std::string integer_digits(const Decimal& d) {
    if (d.digits.empty() || d.exp <= 0) return {};
    std::string s = d.digits.substr(0, std::min<std::size_t>(d.digits.size(), static_cast<std::size_t>(d.exp)));
    s.append(static_cast<std::size_t>(d.exp) - s.size(), '0');
    return s;
}

char fraction_digit(const Decimal& d, int j) {  // j-th digit after the point
    const int i = d.exp + j;
    return i < 0 || i >= static_cast<int>(d.digits.size()) ? '0' : d.digits[static_cast<std::size_t>(i)];
}

void append_padded(std::string& out, long long n, int width) {
    const std::string s = std::to_string(n);
    if (static_cast<int>(s.size()) < width) out.append(static_cast<std::size_t>(width) - s.size(), '0');
    out += s;
}

// ---- format codes ------------------------------------------------------------------------

enum class Kind : std::uint8_t {
    Literal, Digit, Point, Percent, Exponent, General, Text,
    Year2, Year4, Month, Month2, MonthAbbr, MonthName, MonthLetter,
    Day, Day2, WeekdayAbbr, WeekdayName, WeekdayZhShort, WeekdayZh,
    Hour, Hour2, Minute, Minute2, Second, Second2, SubSecond, AmPm,
    ElapsedHours, ElapsedMinutes, ElapsedSeconds,
};

struct Token {
    Kind kind;
    char placeholder = 0;  // Digit: '0' '#' '?'; Exponent: '+' or '-'
    int width = 0;         // Exponent, SubSecond, Elapsed*: how many digits
    std::string text;      // Literal; AmPm: the morning text
    std::string text2;     // AmPm: the afternoon text
};

bool is_date_kind(Kind k) { return k >= Kind::Year2; }
bool is_hour(Kind k) { return k == Kind::Hour || k == Kind::Hour2 || k == Kind::ElapsedHours; }
bool is_second(Kind k) { return k == Kind::Second || k == Kind::Second2 || k == Kind::ElapsedSeconds; }

struct Section {
    std::vector<Token> tokens;
    bool date = false;
    bool unsupported = false;  // shown as General
    bool text = false;         // has '@': a number under it shows as General
    bool grouping = false;     // thousands separators
    bool exponent = false;
    bool twelve_hour = false;
    int percents = 0;
    int scale = 0;  // each trailing comma divides by 1000
    int int_digits = 0;
    int frac_digits = 0;
    int subsecond = 0;  // digits of fractional seconds shown
};

std::size_t utf8_length(unsigned char c) { return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_nocase(std::string_view s, std::size_t i, std::string_view what) {
    if (s.size() - i < what.size()) return false;
    for (std::size_t k = 0; k < what.size(); ++k)
        if (lower(s[i + k]) != what[k]) return false;
    return true;
}

std::size_t run_length(std::string_view s, std::size_t i) {
    std::size_t n = 1;
    while (i + n < s.size() && lower(s[i + n]) == lower(s[i])) ++n;
    return n;
}

bool is_placeholder(char c) { return c == '0' || c == '#' || c == '?'; }

// Splits at ';' outside quotes, escapes and brackets.
std::vector<std::string_view> split_sections(std::string_view code) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    bool quoted = false, bracket = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quoted) {
            if (c == '"') quoted = false;
        } else if (bracket) {
            if (c == ']') bracket = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == '[') {
            bracket = true;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else if (c == ';') {
            out.push_back(code.substr(start, i - start));
            start = i + 1;
        }
    }
    out.push_back(code.substr(std::min(start, code.size())));
    return out;
}

class SectionParser {
public:
    explicit SectionParser(std::string_view s) : s_(s) {}

    Section parse() {
        while (i_ < s_.size()) step();
        finish();
        return std::move(sec_);
    }

private:
    void literal(std::string_view text) {
        if (text.empty()) return;
        if (!sec_.tokens.empty() && sec_.tokens.back().kind == Kind::Literal) sec_.tokens.back().text += text;
        else sec_.tokens.push_back({Kind::Literal, 0, 0, std::string(text), {}});
    }
    void add(Kind k, char placeholder = 0, int width = 0) { sec_.tokens.push_back({k, placeholder, width, {}, {}}); }
    bool last_is_digit() const { return !sec_.tokens.empty() && sec_.tokens.back().kind == Kind::Digit; }
    std::string_view next_char(std::size_t at) const {
        if (at >= s_.size()) return {};
        return s_.substr(at, std::min(utf8_length(static_cast<unsigned char>(s_[at])), s_.size() - at));
    }

    void bracket() {
        const std::size_t close = s_.find(']', i_);
        if (close == std::string_view::npos) {
            sec_.unsupported = true;
            i_ = s_.size();
            return;
        }
        const std::string_view content = s_.substr(i_ + 1, close - i_ - 1);
        i_ = close + 1;
        if (content.empty()) return;
        const char first = lower(content.front());
        if (first == '$') {  // [$¥-804]: a currency symbol, then a locale
            literal(content.substr(1, content.find('-') == std::string_view::npos ? std::string_view::npos : content.find('-') - 1));
            return;
        }
        if ((first == 'h' || first == 'm' || first == 's') && run_length(content, 0) == content.size()) {
            add(first == 'h' ? Kind::ElapsedHours : first == 'm' ? Kind::ElapsedMinutes : Kind::ElapsedSeconds, 0,
                static_cast<int>(content.size()));
            return;
        }
        if (first == '<' || first == '>' || first == '=' || starts_with_nocase(content, 0, "dbnum") ||
            starts_with_nocase(content, 0, "natnum"))
            sec_.unsupported = true;  // conditions, Chinese numerals
        // Anything else is a colour or a locale: nothing to show.
    }

    void step() {
        const char c = s_[i_];
        const char lc = lower(c);
        if (c == '"') {
            const std::size_t close = s_.find('"', i_ + 1);
            literal(s_.substr(i_ + 1, close == std::string_view::npos ? std::string_view::npos : close - i_ - 1));
            i_ = close == std::string_view::npos ? s_.size() : close + 1;
        } else if (c == '\\') {
            const auto ch = next_char(i_ + 1);
            literal(ch);
            i_ += 1 + ch.size();
        } else if (c == '_') {  // the width of the next character: a space will do
            literal(" ");
            i_ += 1 + next_char(i_ + 1).size();
        } else if (c == '*') {  // repeat to fill the column: nothing in text
            i_ += 1 + next_char(i_ + 1).size();
        } else if (c == '[') {
            bracket();
        } else if (is_placeholder(c)) {
            add(Kind::Digit, c);
            if (seen_point_) ++sec_.frac_digits;
            else ++sec_.int_digits;
            ++i_;
        } else if (c == '.') {
            if (seen_point_) literal(".");
            else add(Kind::Point);
            seen_point_ = true;
            ++i_;
        } else if (c == ',') {
            const bool next_digit = i_ + 1 < s_.size() && is_placeholder(s_[i_ + 1]);
            if (next_digit && sec_.int_digits > 0 && !seen_point_) sec_.grouping = true;
            else if (last_is_digit() || scaling_comma_) {
                ++sec_.scale;
                scaling_comma_ = true;
                ++i_;
                return;
            } else literal(",");
            ++i_;
        } else if (c == '%') {
            add(Kind::Percent);
            ++sec_.percents;
            ++i_;
        } else if (lc == 'e' && i_ + 1 < s_.size() && (s_[i_ + 1] == '+' || s_[i_ + 1] == '-')) {
            const char sign = s_[i_ + 1];
            i_ += 2;
            int width = 0;
            while (i_ < s_.size() && is_placeholder(s_[i_])) ++width, ++i_;
            add(Kind::Exponent, sign, std::max(width, 1));
            sec_.exponent = true;
        } else if (c == '@') {
            add(Kind::Text);
            sec_.text = true;
            ++i_;
        } else if (starts_with_nocase(s_, i_, "general")) {
            add(Kind::General);
            i_ += 7;
        } else if (starts_with_nocase(s_, i_, "am/pm")) {
            ampm(s_.substr(i_, 2), s_.substr(i_ + 3, 2));
            i_ += 5;
        } else if (starts_with_nocase(s_, i_, "a/p")) {
            ampm(s_.substr(i_, 1), s_.substr(i_ + 2, 1));
            i_ += 3;
        } else if (s_.substr(i_, 13) == "上午/下午") {
            ampm("上午", "下午");
            i_ += 13;
        } else if (lc == 'y' || lc == 'm' || lc == 'd' || lc == 'h' || lc == 's' || lc == 'e' || lc == 'a') {
            date_letters(lc);
        } else {
            const auto ch = next_char(i_);
            literal(ch);
            i_ += ch.size();
        }
        scaling_comma_ = false;
    }

    void ampm(std::string_view am, std::string_view pm) {
        sec_.tokens.push_back({Kind::AmPm, 0, 0, std::string(am), std::string(pm)});
        sec_.twelve_hour = true;
    }

    void date_letters(char lc) {
        const std::size_t n = run_length(s_, i_);
        i_ += n;
        switch (lc) {
            case 'y': add(n <= 2 ? Kind::Year2 : Kind::Year4); break;
            case 'e': add(Kind::Year4); break;  // the era year, the year itself in the Gregorian calendar
            case 'm': add(n == 1 ? Kind::Month : n == 2 ? Kind::Month2 : n == 3 ? Kind::MonthAbbr : n == 4 ? Kind::MonthName : Kind::MonthLetter); break;
            case 'd': add(n == 1 ? Kind::Day : n == 2 ? Kind::Day2 : n == 3 ? Kind::WeekdayAbbr : Kind::WeekdayName); break;
            case 'h': add(n == 1 ? Kind::Hour : Kind::Hour2); break;
            case 's': add(n == 1 ? Kind::Second : Kind::Second2); break;
            case 'a':
                if (n == 3) add(Kind::WeekdayZhShort);
                else if (n >= 4) add(Kind::WeekdayZh);
                else literal(s_.substr(i_ - n, n));
                break;
        }
    }

    // Settles what depends on the whole section: m as minutes, '.' in dates, fractions.
    void finish() {
        auto& t = sec_.tokens;
        for (const auto& tok : t)
            if (is_date_kind(tok.kind)) sec_.date = true;
        if (!sec_.date) {
            // "# ?/?": fractions are not supported.
            for (std::size_t k = 0; k < t.size(); ++k)
                if (t[k].kind == Kind::Literal && t[k].text.find('/') != std::string::npos &&
                    ((k > 0 && t[k - 1].kind == Kind::Digit) || (k + 1 < t.size() && t[k + 1].kind == Kind::Digit)))
                    sec_.unsupported = true;
            if (sec_.exponent && sec_.int_digits > 1 && first_placeholder() != '0') sec_.unsupported = true;  // engineering
            return;
        }
        auto prev_date = [&](std::size_t k) -> const Token* {
            while (k-- > 0)
                if (is_date_kind(t[k].kind)) return &t[k];
            return nullptr;
        };
        auto next_date = [&](std::size_t k) -> const Token* {
            for (++k; k < t.size(); ++k)
                if (is_date_kind(t[k].kind)) return &t[k];
            return nullptr;
        };
        for (std::size_t k = 0; k < t.size(); ++k) {
            if (t[k].kind != Kind::Month && t[k].kind != Kind::Month2) continue;
            const Token* p = prev_date(k);
            const Token* n = next_date(k);
            if ((p && is_hour(p->kind)) || (n && is_second(n->kind)))
                t[k].kind = t[k].kind == Kind::Month ? Kind::Minute : Kind::Minute2;
        }
        std::vector<Token> out;
        for (std::size_t k = 0; k < t.size(); ++k) {
            Token& tok = t[k];
            if (tok.kind == Kind::Point) {
                int zeros = 0;
                while (k + 1 + zeros < t.size() && t[k + 1 + zeros].kind == Kind::Digit && t[k + 1 + zeros].placeholder == '0') ++zeros;
                const Token* p = prev_date(k);
                if (zeros > 0 && p && is_second(p->kind)) {
                    out.push_back({Kind::SubSecond, 0, std::min(zeros, 3), {}, {}});
                    sec_.subsecond = std::max(sec_.subsecond, std::min(zeros, 3));
                    k += static_cast<std::size_t>(zeros);
                    continue;
                }
                tok = {Kind::Literal, 0, 0, ".", {}};
            } else if (tok.kind == Kind::Percent) {
                tok = {Kind::Literal, 0, 0, "%", {}};
            } else if (tok.kind == Kind::Digit || tok.kind == Kind::Exponent || tok.kind == Kind::General) {
                sec_.unsupported = true;
            }
            if (tok.kind == Kind::Literal && !out.empty() && out.back().kind == Kind::Literal) out.back().text += tok.text;
            else out.push_back(std::move(tok));
        }
        t = std::move(out);
    }

    char first_placeholder() const {
        for (const auto& tok : sec_.tokens)
            if (tok.kind == Kind::Digit) return tok.placeholder;
        return 0;
    }

    std::string_view s_;
    std::size_t i_ = 0;
    Section sec_;
    bool seen_point_ = false;
    bool scaling_comma_ = false;
};

// ---- numbers -------------------------------------------------------------------------------

std::string format_number(const Section& sec, double magnitude, bool minus) {
    Decimal d = excel_decimal(magnitude);
    if (!d.digits.empty()) d.exp += 2 * sec.percents - 3 * sec.scale;
    int exponent = 0;
    if (sec.exponent) {
        if (!d.digits.empty()) {
            const int mantissa_int = std::max(sec.int_digits, 1);
            round_digits(d, mantissa_int + sec.frac_digits);
            exponent = d.exp - mantissa_int;
            d.exp = mantissa_int;
        }
    } else {
        round_places(d, sec.frac_digits);
    }
    const std::string intd = integer_digits(d);
    const int len = static_cast<int>(intd.size());
    int last_nonzero = -1;  // the last fraction digit that is not zero
    for (int j = 0; j < sec.frac_digits; ++j)
        if (fraction_digit(d, j) != '0') last_nonzero = j;

    std::string out;
    if (minus) out += '-';
    auto emit = [&](char digit, int r) {  // r: the digit's place, 0 for units
        out += digit;
        if (sec.grouping && r > 0 && r % 3 == 0) out += ',';
    };
    int p = 0, q = 0;
    bool after_point = false, after_exponent = false;
    for (const auto& tok : sec.tokens) {
        switch (tok.kind) {
            case Kind::Literal: out += tok.text; break;
            case Kind::Digit:
                if (after_exponent) break;
                if (!after_point) {
                    const int r = sec.int_digits - 1 - p;
                    if (p == 0)
                        for (int rr = len - 1; rr > r; --rr) emit(intd[static_cast<std::size_t>(len - 1 - rr)], rr);
                    if (r < len) emit(intd[static_cast<std::size_t>(len - 1 - r)], r);
                    else if (tok.placeholder == '0') emit('0', r);
                    else if (tok.placeholder == '?') out += ' ';
                    ++p;
                } else {
                    if (q <= last_nonzero) out += fraction_digit(d, q);
                    else if (tok.placeholder == '0') out += '0';
                    else if (tok.placeholder == '?') out += ' ';
                    ++q;
                }
                break;
            case Kind::Point:
                if (sec.int_digits == 0) out += intd;  // ".00" still shows the integer part
                out += '.';
                after_point = true;
                break;
            case Kind::Percent: out += '%'; break;
            case Kind::Exponent:
                out += 'E';
                if (exponent < 0) out += '-';
                else if (tok.placeholder == '+') out += '+';
                append_padded(out, std::abs(exponent), tok.width);
                after_exponent = true;
                break;
            case Kind::General: out += format_general(magnitude); break;
            default: break;
        }
    }
    return out;
}

// ---- dates ---------------------------------------------------------------------------------

struct CivilDate {
    int year, month, day;
};

// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
CivilDate civil_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long y = yoe + era * 400;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

// Excel's day serials: 1900 system day 1 is 1900-01-01 and day 60 is the 29 February 1900 that
// never was (Lotus's leap year bug, kept for compatibility); 1904 system day 0 is 1904-01-01.
CivilDate date_from_serial(long long day, bool date1904) {
    if (date1904) return civil_from_days(day - 24107);  // 1904-01-01 is day -24107 from 1970
    if (day == 0) return {1900, 1, 0};
    if (day == 60) return {1900, 2, 29};
    return civil_from_days(day - 25568 - (day > 60 ? 1 : 0));  // 1900-01-01 is day -25567
}

constexpr const char* kMonths[] = {"January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"};
constexpr const char* kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr const char* kWeekdaysZh[] = {"日", "一", "二", "三", "四", "五", "六"};

std::string format_date(const Section& sec, double serial, bool date1904) {
    long long unit = 1;  // ticks per second
    for (int k = 0; k < sec.subsecond; ++k) unit *= 10;
    const long long ticks = std::llround(serial * 86400.0 * static_cast<double>(unit));
    const long long per_day = 86400 * unit;
    const long long day = ticks / per_day;
    const long long in_day = ticks % per_day;
    const long long secs = in_day / unit;
    const int hour = static_cast<int>(secs / 3600), minute = static_cast<int>(secs / 60 % 60), second = static_cast<int>(secs % 60);
    const CivilDate date = date_from_serial(day, date1904);
    const int weekday = static_cast<int>((day + (date1904 ? 5 : 6)) % 7);  // 0 = Sunday, as WEEKDAY() counts
    const int month_index = (date.month + 11) % 12;

    std::string out;
    for (const auto& tok : sec.tokens) {
        switch (tok.kind) {
            case Kind::Literal: out += tok.text; break;
            case Kind::Year2: append_padded(out, date.year % 100, 2); break;
            case Kind::Year4: append_padded(out, date.year, 4); break;
            case Kind::Month: append_padded(out, date.month, 1); break;
            case Kind::Month2: append_padded(out, date.month, 2); break;
            case Kind::MonthAbbr: out.append(kMonths[month_index], 3); break;
            case Kind::MonthName: out += kMonths[month_index]; break;
            case Kind::MonthLetter: out += kMonths[month_index][0]; break;
            case Kind::Day: append_padded(out, date.day, 1); break;
            case Kind::Day2: append_padded(out, date.day, 2); break;
            case Kind::WeekdayAbbr: out.append(kWeekdays[weekday], 3); break;
            case Kind::WeekdayName: out += kWeekdays[weekday]; break;
            case Kind::WeekdayZhShort: out += kWeekdaysZh[weekday]; break;
            case Kind::WeekdayZh: out += "星期"; out += kWeekdaysZh[weekday]; break;
            case Kind::Hour:
            case Kind::Hour2: {
                const int h = sec.twelve_hour ? (hour % 12 == 0 ? 12 : hour % 12) : hour;
                append_padded(out, h, tok.kind == Kind::Hour ? 1 : 2);
                break;
            }
            case Kind::Minute: append_padded(out, minute, 1); break;
            case Kind::Minute2: append_padded(out, minute, 2); break;
            case Kind::Second: append_padded(out, second, 1); break;
            case Kind::Second2: append_padded(out, second, 2); break;
            case Kind::SubSecond: {
                long long frac = in_day % unit;
                for (int k = tok.width; k < sec.subsecond; ++k) frac /= 10;
                out += '.';
                append_padded(out, frac, tok.width);
                break;
            }
            case Kind::AmPm: out += hour < 12 ? tok.text : tok.text2; break;
            case Kind::ElapsedHours: append_padded(out, ticks / (3600 * unit), tok.width); break;
            case Kind::ElapsedMinutes: append_padded(out, ticks / (60 * unit), tok.width); break;
            case Kind::ElapsedSeconds: append_padded(out, ticks / unit, tok.width); break;
            default: break;
        }
    }
    return out;
}

constexpr double kLastDate = 2958466.0;  // 10000-01-01: Excel shows no date from here on

}  // namespace

// ---- the format ----------------------------------------------------------------------------

struct NumberFormat::Impl {
    bool general = false;
    std::vector<Section> sections;
};

NumberFormat::NumberFormat(std::string_view code) : impl_(std::make_unique<Impl>()) {
    // Excel allows 255 characters; a longer code is not from Excel (and would let one style
    // make every cell under it arbitrarily long).
    constexpr std::size_t kMaxCode = 1024;
    if (code.empty() || code.size() > kMaxCode || (code.size() == 7 && starts_with_nocase(code, 0, "general"))) {
        impl_->general = true;
        return;
    }
    for (auto part : split_sections(code)) {
        impl_->sections.push_back(SectionParser(part).parse());
        if (impl_->sections.size() == 4) break;
    }
}

NumberFormat::~NumberFormat() = default;

const NumberFormat& NumberFormat::general() {
    static const NumberFormat g("General");
    return g;
}

bool NumberFormat::is_general() const { return impl_->general; }

bool NumberFormat::is_date() const { return !impl_->general && impl_->sections.front().date; }

std::string NumberFormat::format(double value, bool date1904) const {
    if (!std::isfinite(value)) return {};
    if (impl_->general) return format_general(value);
    const auto& secs = impl_->sections;
    // A fourth section is for text; numbers choose among the first three.
    const std::size_t numeric = secs.size() == 4 ? 3 : secs.size();
    std::size_t index = 0;
    if (value < 0 && numeric >= 2) index = 1;
    else if (value == 0 && numeric >= 3) index = 2;
    const Section& sec = secs[index];
    const bool minus = value < 0 && index == 0;
    if (sec.unsupported || sec.text || sec.percents > 4 || sec.scale > 4) return format_general(value);
    if (sec.tokens.empty()) return {};  // "0;-0;;@": zero shows nothing
    if (sec.date) {
        if (value < 0 || value >= kLastDate) return format_general(value);
        return format_date(sec, value, date1904);
    }
    return format_number(sec, std::fabs(value), minus);
}

std::string format_general(double value) {
    if (!std::isfinite(value)) return {};
    std::string out;
    if (value < 0) out += '-';
    Decimal d = excel_decimal(std::fabs(value));
    if (d.digits.empty()) return "0";
    const int n = static_cast<int>(d.digits.size());
    if (d.exp >= n && d.exp <= 15) return out + integer_digits(d);  // an integer
    if (d.exp > 11 || d.exp < -8) {
        // Too large or too small for 11 digits: scientific, as Excel shows 1.23457E+11.
        round_digits(d, 6);
        out += d.digits[0];
        if (d.digits.size() > 1) {
            out += '.';
            out.append(d.digits, 1);
        }
        const int e = d.exp - 1;
        out += e < 0 ? "E-" : "E+";
        append_padded(out, std::abs(e), 2);
        return out;
    }
    round_digits(d, 11);
    if (d.digits.empty()) return "0";
    const std::string intd = integer_digits(d);
    out += intd.empty() ? "0" : intd;
    const int frac = static_cast<int>(d.digits.size()) - d.exp;
    if (frac > 0) {
        out += '.';
        for (int j = 0; j < frac; ++j) out += fraction_digit(d, j);
    }
    return out;
}

std::string_view builtin_format_code(int id) {
    switch (id) {
        case 0: return "General";
        case 1: return "0";
        case 2: return "0.00";
        case 3: return "#,##0";
        case 4: return "#,##0.00";
        case 5: return "\"¥\"#,##0;\"¥\"\\-#,##0";
        case 6: return "\"¥\"#,##0;[Red]\"¥\"\\-#,##0";
        case 7: return "\"¥\"#,##0.00;\"¥\"\\-#,##0.00";
        case 8: return "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00";
        case 9: return "0%";
        case 10: return "0.00%";
        case 11: return "0.00E+00";
        case 12: return "# ?/?";
        case 13: return "# ?\?/??";
        case 14: return "yyyy/m/d";  // zh-CN; en-US shows m/d/yyyy
        case 15: return "d-mmm-yy";
        case 16: return "d-mmm";
        case 17: return "mmm-yy";
        case 18: return "h:mm AM/PM";
        case 19: return "h:mm:ss AM/PM";
        case 20: return "h:mm";
        case 21: return "h:mm:ss";
        case 22: return "yyyy/m/d h:mm";
        case 27: return "yyyy\"年\"m\"月\"";
        case 28: return "m\"月\"d\"日\"";
        case 29: return "m\"月\"d\"日\"";
        case 30: return "m-d-yy";
        case 31: return "yyyy\"年\"m\"月\"d\"日\"";
        case 32: return "h\"时\"mm\"分\"";
        case 33: return "h\"时\"mm\"分\"ss\"秒\"";
        case 34: return "上午/下午h\"时\"mm\"分\"";
        case 35: return "上午/下午h\"时\"mm\"分\"ss\"秒\"";
        case 36: return "yyyy\"年\"m\"月\"";
        case 37: return "#,##0 ;(#,##0)";
        case 38: return "#,##0 ;[Red](#,##0)";
        case 39: return "#,##0.00;(#,##0.00)";
        case 40: return "#,##0.00;[Red](#,##0.00)";
        case 41: return "_ * #,##0_ ;_ * \\-#,##0_ ;_ * \"-\"_ ;_ @_ ";
        case 42: return "_ \"¥\"* #,##0_ ;_ \"¥\"* \\-#,##0_ ;_ \"¥\"* \"-\"_ ;_ @_ ";
        case 43: return "_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * \"-\"??_ ;_ @_ ";
        case 44: return "_ \"¥\"* #,##0.00_ ;_ \"¥\"* \\-#,##0.00_ ;_ \"¥\"* \"-\"??_ ;_ @_ ";
        case 45: return "mm:ss";
        case 46: return "[h]:mm:ss";
        case 47: return "mm:ss.0";
        case 48: return "##0.0E+0";
        case 49: return "@";
        case 50: return "yyyy\"年\"m\"月\"";
        case 51: return "m\"月\"d\"日\"";
        case 52: return "yyyy\"年\"m\"月\"";
        case 53: return "m\"月\"d\"日\"";
        case 54: return "m\"月\"d\"日\"";
        case 55: return "上午/下午h\"时\"mm\"分\"";
        case 56: return "上午/下午h\"时\"mm\"分\"ss\"秒\"";
        case 57: return "yyyy\"年\"m\"月\"";
        case 58: return "m\"月\"d\"日\"";
        default: return {};
    }
}

}  // namespace formwork::io::xlsx
