// The target-value language of performance indicators (指标值): what a filing promises for one
// indicator in one period, e.g. "≥90%", "≤9.6万元", "≥1.4亿个", "≤10元/平方米.月",
// "满意率95%以上", a qualitative grade such as "合理", or a placeholder such as "是/否".
//
// parse_target() turns the text as filed into a TargetValue and never loses it: the original
// text is kept beside the parse, and text that is not understood is "unparsed" with a reason,
// so that checks can report it instead of guessing.
//
// The grammar of a numeric target, after trimming and folding full-width forms to ASCII:
//
//   numeric  := [subject] [comparator] number [scale] [unit] [suffix-comparator]
//   comparator        := ≥ ≤ = > < >= <= ≧ ≦ ＞ ＜ ＝ | 不低于 不少于 不小于 达到 至少 (≥)
//                        | 不高于 不超过 不大于 不多于 至多 最多 (≤) | 大于 高于 超过 多于 (>)
//                        | 小于 低于 少于 (<) | 等于 (=)
//   suffix-comparator := 以上 及以上 (≥) | 以下 及以下 以内 (≤)
//   number            := Decimal::parse syntax without its scale word
//   scale             := 千 万 百万 千万 亿, applied to the number unless the rest is itself a
//                        unit: the longest unit wins, so "9.6万元" is 9.6 万元 but "4万家" is
//                        40000 家 and "7.56万平方米" is 7.56 万平方米
//   unit              := base ( "/" base | "." base )*      e.g. 元/平方米.月, 元/人/天, 次/月
//
// The subject rule: words written before the value ("满意率" in "满意率95%以上", "满意度" in
// "满意度≥95%", "拖延次数" in "拖延次数≤1次") are allowed and kept in `subject`, but only when
// (a) they contain no digit and no comparator sign, and (b) the value carries a comparator
// (before the number or as a suffix word). Without (b), text such as "通报1次" would turn into
// a bare quantity with its meaning half lost; "≤通报1次" (words between comparator and number)
// is never numeric. Spaces between the parts are allowed.
//
// A grade is a whole text equal to a word of the vocabulary; a placeholder is blank text, a
// word of the placeholder vocabulary, a run of ellipsis characters (…, ⋯, or three or more
// ASCII dots, all read as "……") or a run of dashes (-, －, —, –, read as "—").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"

namespace formwork {

enum class Comparator { None, Eq, Ge, Le, Gt, Lt };
enum class TargetKind { Numeric, Grade, Placeholder, Unparsed };

struct TargetValue {
    std::string text;                       // exactly as filed, never modified
    TargetKind kind = TargetKind::Unparsed;
    Comparator cmp = Comparator::None;      // Numeric only
    Decimal value;                          // Numeric only, scale words applied
    std::string unit;                       // Numeric only: "%", "万元", "次/月", "" for a bare number
    std::string subject;                    // Numeric only: words before the value, e.g. "满意率"
    std::string word;                       // Grade / Placeholder: the vocabulary word ("" when blank)
    std::string reason;                     // Unparsed only: why, in English

    bool operator==(const TargetValue&) const = default;
};

// The words the parser knows. Entries are kept in normal form (see normalize_target_text);
// extended() normalises what it adds. Templates extend the built-in vocabulary with the words
// of their region; base units compose into compound units by themselves.
struct TargetVocabulary {
    std::vector<std::string> grades;
    std::vector<std::string> placeholders;
    std::vector<std::string> units;  // base units; "%" also accepts 百分比 and ％

    static const TargetVocabulary& builtin();

    // A copy with more words; duplicates are ignored, blank words are ignored.
    TargetVocabulary extended(const std::vector<std::string>& more_grades,
                              const std::vector<std::string>& more_placeholders = {},
                              const std::vector<std::string>& more_units = {}) const;
};

TargetValue parse_target(std::string_view text, const TargetVocabulary& vocab = TargetVocabulary::builtin());

// The placeholder word of a text parse_target would read as a placeholder ("" for blank text,
// "是/否", "……" …), nullopt for any other text. Only the placeholder steps of parse_target, so
// it is cheap for long texts (an indicator's name, asked whether it is a real one).
std::optional<std::string> placeholder_word(std::string_view text, const TargetVocabulary& vocab = TargetVocabulary::builtin());

// Trimmed text with full-width forms folded to ASCII (except the full-width comma, which is
// ambiguous), ≧ ≦ → ≥ ≤, ⋯ → …, middle dots → ".", and a multiplication sign written as
// x X * between digits → ×. Exposed so that callers can compare words the way the parser does.
std::string normalize_target_text(std::string_view text);

std::string to_string(Comparator cmp);  // "≥" "≤" "=" ">" "<", "" for None
std::string to_string(TargetKind kind);  // "numeric" "grade" "placeholder" "unparsed"

// The value in its normal written form: "≥90%", "≤9.6万元", "140000000个", "合理", "是/否";
// the subject is left out; an unparsed value gives its original text.
std::string canonical_text(const TargetValue& value);

}  // namespace formwork
