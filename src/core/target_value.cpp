// The parser of target values (grammar and rules in target_value.h). It works on the
// normalised UTF-8 text, so that vocabulary words compare as plain byte strings.
#include "core/target_value.h"

#include <algorithm>
#include <optional>

#include "core/text.h"

namespace formwork {

namespace {

struct ComparatorWord {
    std::string_view text;
    Comparator cmp;
};

// Longer spellings first where one is a prefix of another (">=" before ">", "==" before "=").
constexpr ComparatorWord kPrefixComparators[] = {
    {">=", Comparator::Ge},     {"<=", Comparator::Le},     {"==", Comparator::Eq},
    {"≥", Comparator::Ge},      {"≤", Comparator::Le},      {"=", Comparator::Eq},
    {">", Comparator::Gt},      {"<", Comparator::Lt},
    {"不低于", Comparator::Ge}, {"不少于", Comparator::Ge}, {"不小于", Comparator::Ge},
    {"达到", Comparator::Ge},   {"至少", Comparator::Ge},
    {"不高于", Comparator::Le}, {"不超过", Comparator::Le}, {"不大于", Comparator::Le},
    {"不多于", Comparator::Le}, {"至多", Comparator::Le},   {"最多", Comparator::Le},
    {"大于", Comparator::Gt},   {"高于", Comparator::Gt},   {"超过", Comparator::Gt},
    {"多于", Comparator::Gt},   {"小于", Comparator::Lt},   {"低于", Comparator::Lt},
    {"少于", Comparator::Lt},   {"等于", Comparator::Eq},
};

// "及以上" before "以上" so that the 及 is not left over as a unit.
constexpr ComparatorWord kSuffixComparators[] = {
    {"及以上", Comparator::Ge}, {"及以下", Comparator::Le},
    {"以上", Comparator::Ge},   {"以下", Comparator::Le},   {"以内", Comparator::Le},
};

struct ScaleWord {
    std::string_view text;
};

constexpr ScaleWord kScaleWords[] = {{"百万"}, {"千万"}, {"千"}, {"万"}, {"亿"}};

constexpr std::string_view kPercentAlias = "百分比";

// A numeric target is short; past this length a text is free text, and not trying keeps the
// position-by-position search and the unit recursion small.
constexpr std::size_t kMaxNumericBytes = 512;

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view skip_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    return s;
}

std::string_view trim_spaces(std::string_view s) {
    s = skip_spaces(s);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// Reads one comparator at the start of s; returns its length, 0 when there is none.
std::size_t match_prefix_comparator(std::string_view s, Comparator& cmp) {
    for (const ComparatorWord& w : kPrefixComparators) {
        if (s.starts_with(w.text)) {
            cmp = w.cmp;
            return w.text.size();
        }
    }
    return 0;
}

// A (possibly compound) unit filling all of s, in normal form; nullopt when s is not one.
// Tries every base unit that matches, longest first, so that 平方米 is not read as 平方 + 米
// and a shorter base still gets its chance when the longer one leads nowhere.
std::optional<std::string> match_unit(std::string_view s, const TargetVocabulary& vocab) {
    std::vector<std::pair<std::string_view, std::string_view>> candidates;  // (as written, normal)
    for (const std::string& u : vocab.units) {
        if (!u.empty() && s.starts_with(u)) candidates.emplace_back(u, u);
    }
    if (s.starts_with(kPercentAlias)) candidates.emplace_back(kPercentAlias, "%");
    std::sort(candidates.begin(), candidates.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [written, normal] : candidates) {
        std::string_view rest = s.substr(written.size());
        if (rest.empty()) return std::string(normal);
        const char sep = rest.front();
        if (sep != '/' && sep != '.') continue;
        if (auto tail = match_unit(rest.substr(1), vocab)) return std::string(normal) + sep + *tail;
    }
    return std::nullopt;
}

struct NumericParse {
    Comparator cmp = Comparator::None;
    Decimal value;
    std::string unit;
};

// Parses `s` as  [comparator] number [scale] [unit] [suffix-comparator], all of it.
// On failure returns nullopt and sets `error`.
std::optional<NumericParse> parse_numeric(std::string_view s, const TargetVocabulary& vocab,
                                          std::string& error) {
    NumericParse out;
    Comparator before = Comparator::None;
    s.remove_prefix(match_prefix_comparator(s, before));
    s = skip_spaces(s);

    std::size_t n = 0;
    if (n < s.size() && (s[n] == '+' || s[n] == '-')) ++n;
    if (n >= s.size() || !is_ascii_digit(s[n])) {
        error = before == Comparator::None ? "no number"
                                           : "expected a number right after the comparator, found \"" +
                                                 std::string(s) + "\"";
        return std::nullopt;
    }
    while (n < s.size() && (is_ascii_digit(s[n]) || s[n] == '.' || s[n] == ',')) ++n;
    const std::string_view number = s.substr(0, n);
    std::string_view rest = trim_spaces(s.substr(n));

    Comparator after = Comparator::None;
    for (const ComparatorWord& w : kSuffixComparators) {
        if (rest.ends_with(w.text)) {
            after = w.cmp;
            rest = trim_spaces(rest.substr(0, rest.size() - w.text.size()));
            break;
        }
    }
    if (before != Comparator::None && after != Comparator::None && before != after) {
        error = "conflicting comparators " + to_string(before) + " and " + to_string(after);
        return std::nullopt;
    }
    out.cmp = before != Comparator::None ? before : after;

    // The longest unit wins: "万元" is a unit, so "9.6万元" keeps its 9.6; otherwise a leading
    // scale word multiplies the number ("4万家" = 40000 家).
    std::string scale;
    if (!rest.empty()) {
        if (auto unit = match_unit(rest, vocab)) {
            out.unit = *unit;
        } else {
            bool matched = false;
            for (const ScaleWord& w : kScaleWords) {
                if (!rest.starts_with(w.text)) continue;
                const std::string_view after_scale = skip_spaces(rest.substr(w.text.size()));
                std::optional<std::string> unit;
                if (after_scale.empty() || (unit = match_unit(after_scale, vocab))) {
                    scale = w.text;
                    out.unit = unit.value_or("");
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                error = "unknown unit \"" + std::string(rest) + "\"";
                return std::nullopt;
            }
        }
    }

    std::string number_error;
    const auto value = Decimal::parse(std::string(number) + scale, &number_error);
    if (!value) {
        error = number_error;
        return std::nullopt;
    }
    out.value = *value;
    return out;
}

bool has_digit_or_comparator_sign(std::string_view s) {
    for (char c : s) {
        if (is_ascii_digit(c) || c == '=' || c == '<' || c == '>') return true;
    }
    return s.find("≥") != std::string_view::npos || s.find("≤") != std::string_view::npos;
}

bool is_run_of(std::u32string_view s, std::u32string_view chars) {
    if (s.empty()) return false;
    return std::all_of(s.begin(), s.end(), [&](char32_t c) { return chars.find(c) != std::u32string_view::npos; });
}

// The placeholder word for runs of ellipses or dashes, "" when s is neither.
std::string placeholder_run(std::string_view normal) {
    const std::u32string s = text::decode_utf8(normal);
    if (is_run_of(s, U"…")) return "……";
    if (s.size() >= 3 && is_run_of(s, U".")) return "……";
    if (is_run_of(s, U"-—–―")) return "—";
    return "";
}

bool contains(const std::vector<std::string>& words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

// Every position where a UTF-8 character starts.
std::vector<std::size_t> char_starts(std::string_view s) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    return starts;
}

}  // namespace

std::string normalize_target_text(std::string_view raw) {
    const std::u32string decoded = text::decode_utf8(raw);
    std::u32string s(text::trim(decoded));
    for (char32_t& c : s) {
        if (c == U'，') continue;  // kept: "1，000" must not become a grouped number
        c = text::fold_width(c);
        switch (c) {
            case U'≧': case U'⩾': c = U'≥'; break;
            case U'≦': case U'⩽': c = U'≤'; break;
            case U'⋯': c = U'…'; break;
            case U'·': case U'•': case U'・': case U'∙': c = U'.'; break;
            default: break;
        }
    }
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
        const char32_t c = s[i];
        if ((c == U'x' || c == U'X' || c == U'*' || c == U'✕' || c == U'✖') &&
            text::is_ascii_digit(s[i - 1]) && text::is_ascii_digit(s[i + 1])) {
            s[i] = U'×';
        }
    }
    return text::encode_utf8(s);
}

std::optional<std::string> placeholder_word(std::string_view text, const TargetVocabulary& vocab) {
    const std::string normal = normalize_target_text(text);
    if (normal.empty()) return std::string();
    if (std::string run = placeholder_run(normal); !run.empty()) return run;
    if (contains(vocab.placeholders, normal)) return normal;
    return std::nullopt;
}

TargetValue parse_target(std::string_view text, const TargetVocabulary& vocab) {
    TargetValue out;
    out.text = std::string(text);
    const std::string normal = normalize_target_text(text);

    if (normal.empty()) {
        out.kind = TargetKind::Placeholder;
        return out;
    }
    if (std::string run = placeholder_run(normal); !run.empty()) {
        out.kind = TargetKind::Placeholder;
        out.word = std::move(run);
        return out;
    }
    if (contains(vocab.placeholders, normal)) {
        out.kind = TargetKind::Placeholder;
        out.word = normal;
        return out;
    }
    if (contains(vocab.grades, normal)) {
        out.kind = TargetKind::Grade;
        out.word = normal;
        return out;
    }

    // Numeric: the whole text, or a subject followed by a value that carries a comparator.
    // The first position that works wins, so a comparator word is read where it begins.
    std::string first_error;
    if (normal.size() > kMaxNumericBytes) {
        out.kind = TargetKind::Unparsed;
        out.reason = "too long to be a target value";
        return out;
    }
    for (std::size_t start : char_starts(normal)) {
        const std::string_view subject = trim_spaces(std::string_view(normal).substr(0, start));
        if (start > 0 && has_digit_or_comparator_sign(subject)) break;  // (a) of the subject rule
        std::string error;
        auto parsed = parse_numeric(std::string_view(normal).substr(start), vocab, error);
        if (parsed && (start == 0 || parsed->cmp != Comparator::None)) {  // (b)
            out.kind = TargetKind::Numeric;
            out.cmp = parsed->cmp;
            out.value = parsed->value;
            out.unit = std::move(parsed->unit);
            out.subject = std::string(subject);
            return out;
        }
        // Remember why the first attempt that found a number or comparator failed.
        if (first_error.empty() && error != "no number") {
            first_error = parsed ? "words before a number are allowed only when a comparator follows them"
                                 : error;
        }
    }

    out.kind = TargetKind::Unparsed;
    if (!first_error.empty()) {
        out.reason = first_error;
    } else if (has_digit_or_comparator_sign(normal)) {
        out.reason = "not a target value this parser understands";
    } else {
        out.reason = "neither a number nor a known grade or placeholder word";
    }
    return out;
}

std::string to_string(Comparator cmp) {
    switch (cmp) {
        case Comparator::None: return "";
        case Comparator::Eq: return "=";
        case Comparator::Ge: return "≥";
        case Comparator::Le: return "≤";
        case Comparator::Gt: return ">";
        case Comparator::Lt: return "<";
    }
    return "";
}

std::string to_string(TargetKind kind) {
    switch (kind) {
        case TargetKind::Numeric: return "numeric";
        case TargetKind::Grade: return "grade";
        case TargetKind::Placeholder: return "placeholder";
        case TargetKind::Unparsed: return "unparsed";
    }
    return "";
}

std::string canonical_text(const TargetValue& v) {
    switch (v.kind) {
        case TargetKind::Numeric: return to_string(v.cmp) + v.value.to_string() + v.unit;
        case TargetKind::Grade:
        case TargetKind::Placeholder: return v.word;
        case TargetKind::Unparsed: return v.text;
    }
    return v.text;
}

}  // namespace formwork
