// Tests of the target-value language: comparators, numbers with scale words, units, subjects,
// grades, placeholders and what stays unparsed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "core/target_value.h"

using formwork::Comparator;
using formwork::Decimal;
using formwork::parse_target;
using formwork::TargetKind;
using formwork::TargetValue;
using formwork::TargetVocabulary;

namespace {

Decimal dec(const char* text) { return *Decimal::parse(text); }

// Asserts a numeric parse; the original text must always be kept.
void check_numeric(const std::string& text, Comparator cmp, const char* value, const std::string& unit,
                   const std::string& subject = "") {
    const TargetValue t = parse_target(text);
    INFO("text: " << text << "  reason: " << t.reason);
    CHECK(t.text == text);
    REQUIRE(t.kind == TargetKind::Numeric);
    CHECK(t.cmp == cmp);
    CHECK(t.value == dec(value));
    CHECK(t.unit == unit);
    CHECK(t.subject == subject);
    CHECK(t.word.empty());
    CHECK(t.reason.empty());
}

void check_word(const std::string& text, TargetKind kind, const std::string& word) {
    const TargetValue t = parse_target(text);
    INFO("text: " << text << "  reason: " << t.reason);
    CHECK(t.text == text);
    REQUIRE(t.kind == kind);
    CHECK(t.word == word);
    CHECK(t.cmp == Comparator::None);
    CHECK(t.unit.empty());
}

// Asserts that text stays unparsed and that the reason mentions `reason_part`.
void check_unparsed(const std::string& text, const std::string& reason_part) {
    const TargetValue t = parse_target(text);
    INFO("text: " << text << "  reason: " << t.reason);
    CHECK(t.text == text);
    REQUIRE(t.kind == TargetKind::Unparsed);
    CHECK(t.reason.find(reason_part) != std::string::npos);
}

}  // namespace

TEST_CASE("target-1.1 symbol comparators, ASCII and full-width") {
    check_numeric("≥90%", Comparator::Ge, "90", "%");
    check_numeric("=100%", Comparator::Eq, "100", "%");
    check_numeric("≤6小时", Comparator::Le, "6", "小时");
    check_numeric(">5次", Comparator::Gt, "5", "次");
    check_numeric("<1个", Comparator::Lt, "1", "个");
    check_numeric(">=3人", Comparator::Ge, "3", "人");
    check_numeric("<=3人", Comparator::Le, "3", "人");
    check_numeric("==3人", Comparator::Eq, "3", "人");
    check_numeric("＞5次", Comparator::Gt, "5", "次");
    check_numeric("＜0.36百分比", Comparator::Lt, "0.36", "%");
    check_numeric("≧95%", Comparator::Ge, "95", "%");
    check_numeric("≦95%", Comparator::Le, "95", "%");
    check_numeric("＝100％", Comparator::Eq, "100", "%");
    check_numeric("＞＝3人", Comparator::Ge, "3", "人");
}

TEST_CASE("target-1.2 word comparators before and after the number") {
    check_numeric("不低于95%", Comparator::Ge, "95", "%");
    check_numeric("不少于3次", Comparator::Ge, "3", "次");
    check_numeric("不高于10元", Comparator::Le, "10", "元");
    check_numeric("不超过5万元", Comparator::Le, "5", "万元");
    check_numeric("达到95%", Comparator::Ge, "95", "%");
    check_numeric("大于0", Comparator::Gt, "0", "");
    check_numeric("小于1件", Comparator::Lt, "1", "件");
    check_numeric("95%以上", Comparator::Ge, "95", "%");
    check_numeric("5小时以内", Comparator::Le, "5", "小时");
    check_numeric("10次以下", Comparator::Le, "10", "次");
    check_numeric("90%及以上", Comparator::Ge, "90", "%");
    check_numeric("≥95%以上", Comparator::Ge, "95", "%");  // redundant but consistent
}

TEST_CASE("target-1.3 conflicting comparators stay unparsed") {
    check_unparsed("≤95%以上", "conflicting comparators ≤ and ≥");
    check_unparsed("=90%以下", "conflicting");
}

TEST_CASE("target-1.4 bare numbers and spaces") {
    check_numeric("100%", Comparator::None, "100", "%");
    check_numeric("17辆", Comparator::None, "17", "辆");
    check_numeric("≥100", Comparator::Ge, "100", "");
    check_numeric("=0", Comparator::Eq, "0", "");
    check_numeric("18", Comparator::None, "18", "");
    check_numeric("  ≥ 90 %  ", Comparator::Ge, "90", "%");
    check_numeric("\u3000≥95%", Comparator::Ge, "95", "%");
    check_numeric("≥5次\u3000", Comparator::Ge, "5", "次");
    check_numeric("≥１,０００人次", Comparator::Ge, "1000", "人次");
    check_numeric("≥-5%", Comparator::Ge, "-5", "%");
    check_numeric("≥1.5", Comparator::Ge, "1.5", "");
}

TEST_CASE("target-2.1 scale words multiply unless the longest unit includes them") {
    check_numeric("≥1.4亿个", Comparator::Ge, "140000000", "个");
    check_numeric("≥4万家", Comparator::Ge, "40000", "家");
    check_numeric("≥2.5亿次", Comparator::Ge, "250000000", "次");
    check_numeric("≤9.6万元", Comparator::Le, "9.6", "万元");
    check_numeric("=7.56万平方米", Comparator::Eq, "7.56", "万平方米");
    check_numeric("≤2亿元", Comparator::Le, "2", "亿元");
    check_numeric("≥3千元", Comparator::Ge, "3", "千元");
    check_numeric("≥3千人", Comparator::Ge, "3000", "人");
    check_numeric("≥2万", Comparator::Ge, "20000", "");
    check_numeric("≥1.5百万人次", Comparator::Ge, "1500000", "人次");
    check_numeric("≥1千万次", Comparator::Ge, "10000000", "次");
    check_numeric("≥5万次/年", Comparator::Ge, "50000", "次/年");
    check_numeric("≥1万元/人", Comparator::Ge, "1", "万元/人");
}

TEST_CASE("target-2.2 numbers that cannot be exact stay unparsed") {
    check_unparsed("≥0.0000001%", "more than 6 fractional digits");
    check_unparsed("≥99999999999999次", "out of range");
    check_unparsed("≥1,23次", "groups of three");
    check_unparsed("≥1.2.3%", "decimal point");
}

TEST_CASE("target-3.1 units and their normal form") {
    check_numeric("≥95百分比", Comparator::Ge, "95", "%");
    check_numeric("≥95％", Comparator::Ge, "95", "%");
    check_numeric("≥40人次", Comparator::Ge, "40", "人次");
    check_numeric("≥10场次", Comparator::Ge, "10", "场次");
    check_numeric("≥4课时", Comparator::Ge, "4", "课时");
    check_numeric("≥365天", Comparator::Ge, "365", "天");
    check_numeric("≥300起", Comparator::Ge, "300", "起");
    check_numeric("≥3000条", Comparator::Ge, "3000", "条");
    check_numeric("≥6期", Comparator::Ge, "6", "期");
    check_numeric("≥2项", Comparator::Ge, "2", "项");
    check_numeric("≥5篇", Comparator::Ge, "5", "篇");
    check_numeric("=135人", Comparator::Eq, "135", "人");
    check_numeric("≥3个月", Comparator::Ge, "3", "个月");
    check_numeric("≥100平方米", Comparator::Ge, "100", "平方米");
}

TEST_CASE("target-3.2 compound units") {
    check_numeric("≤10元/平方米.月", Comparator::Le, "10", "元/平方米.月");
    check_numeric("≤10元/平方米·月", Comparator::Le, "10", "元/平方米.月");
    check_numeric("≤550元/人/天", Comparator::Le, "550", "元/人/天");
    check_numeric("≥1次/月", Comparator::Ge, "1", "次/月");
    check_numeric("≤50小时/年", Comparator::Le, "50", "小时/年");
    check_numeric("≥2次/年", Comparator::Ge, "2", "次/年");
    check_numeric("≥1次／月", Comparator::Ge, "1", "次/月");
    check_numeric("≥1次/季度", Comparator::Ge, "1", "次/季度");
}

TEST_CASE("target-3.3 unknown units stay unparsed with the unit named") {
    check_unparsed("≥5只", "unknown unit \"只\"");
    check_unparsed("≥5次/", "unknown unit");
    check_unparsed("≥5元/", "unknown unit");
    check_unparsed("≥5万只", "unknown unit \"万只\"");
    check_unparsed("≥95%.", "unknown unit");
}

TEST_CASE("target-4.1 a subject before the value needs a comparator") {
    check_numeric("满意率95%以上", Comparator::Ge, "95", "%", "满意率");
    check_numeric("满意度≥95%", Comparator::Ge, "95", "%", "满意度");
    check_numeric("满意率≥90%", Comparator::Ge, "90", "%", "满意率");
    check_numeric("高质量完成指令≥95%", Comparator::Ge, "95", "%", "高质量完成指令");
    check_numeric("拖延次数≤1次\u3000", Comparator::Le, "1", "次", "拖延次数");
    check_numeric("不出现网络安全事件≤1次", Comparator::Le, "1", "次", "不出现网络安全事件");
    check_numeric("监管执法计划完成率≥90%", Comparator::Ge, "90", "%", "监管执法计划完成率");
    check_numeric("全区重大特种设备事故=0", Comparator::Eq, "0", "", "全区重大特种设备事故");
    check_numeric("满意度 ≥ 95%", Comparator::Ge, "95", "%", "满意度");
    check_numeric("每年不少于3次", Comparator::Ge, "3", "次", "每年");
    check_numeric("三级以上医院覆盖率≥90%", Comparator::Ge, "90", "%", "三级以上医院覆盖率");
}

TEST_CASE("target-4.2 words without a comparator, or between comparator and number, stay unparsed") {
    check_unparsed("通报1次", "only when a comparator follows");
    check_unparsed("≤通报1次", "expected a number right after the comparator");
    check_unparsed("≤重大网络舆情1次", "expected a number right after the comparator");
    check_unparsed("≤全年预算数", "expected a number right after the comparator, found \"全年预算数\"");
    check_unparsed("12345热线满意率≥95%", "");  // digits in the subject: not a subject
    check_unparsed("≥", "expected a number");
    check_unparsed("≥95%，≥3人", "");
}

TEST_CASE("target-5.1 built-in grades") {
    for (const char* w : {"充分", "规范", "合理", "明确", "科学", "合规", "健全", "有效", "较高", "明显", "及时",
                          "良好", "显著提升", "持续提升", "序时进度", "实时", "合法严谨", "持续扩大", "不断提升",
                          "全年", "每季度", "每工作日", "合格", "满足", "推进", "完成", "按序时进度执行"}) {
        check_word(w, TargetKind::Grade, w);
    }
    check_word(" 合理\u3000", TargetKind::Grade, "合理");
    check_word("7×24小时全年", TargetKind::Grade, "7×24小时全年");
    check_word("7*24小时全年", TargetKind::Grade, "7×24小时全年");
    check_word("7x24小时", TargetKind::Grade, "7×24小时");
    check_word("７Ｘ２４小时", TargetKind::Grade, "7×24小时");
}

TEST_CASE("target-5.2 a grade must be the whole text") {
    check_unparsed("合理性", "neither a number nor a known grade");
    check_unparsed("较高水平", "neither");
    check_unparsed("及时性", "neither");
    check_unparsed("严格执行相关财经法规、制度等规定", "neither a number nor a known grade or placeholder word");
}

TEST_CASE("target-5.3 placeholders") {
    check_word("", TargetKind::Placeholder, "");
    check_word("   ", TargetKind::Placeholder, "");
    check_word("\u3000", TargetKind::Placeholder, "");
    check_word("是/否", TargetKind::Placeholder, "是/否");
    check_word("是／否", TargetKind::Placeholder, "是/否");
    check_word("……", TargetKind::Placeholder, "……");
    check_word("……\u3000", TargetKind::Placeholder, "……");
    check_word("…", TargetKind::Placeholder, "……");
    check_word("...", TargetKind::Placeholder, "……");
    check_word("⋯⋯", TargetKind::Placeholder, "……");
    check_word("不适用", TargetKind::Placeholder, "不适用");
    check_word("无", TargetKind::Placeholder, "无");
    check_word("/", TargetKind::Placeholder, "/");
    check_word("—", TargetKind::Placeholder, "—");
    check_word("——", TargetKind::Placeholder, "—");
    check_word("-", TargetKind::Placeholder, "—");
    check_word("－", TargetKind::Placeholder, "—");
    check_unparsed("..", "");  // two dots are not an ellipsis
}

TEST_CASE("target-6.1 templates extend the vocabulary") {
    const TargetVocabulary& base = TargetVocabulary::builtin();
    const TargetVocabulary v = base.extended({"优秀", " 稳定 ", "合理"}, {"待定"}, {"只", "批次"});
    check_unparsed("优秀", "neither");  // the built-in one is unchanged
    CHECK(parse_target("优秀", v).kind == TargetKind::Grade);
    CHECK(parse_target("稳定", v).word == "稳定");
    CHECK(parse_target("待定", v).kind == TargetKind::Placeholder);
    const TargetValue t = parse_target("≥5只/批次", v);
    CHECK(t.kind == TargetKind::Numeric);
    CHECK(t.unit == "只/批次");
    CHECK(std::count(v.grades.begin(), v.grades.end(), "合理") == 1);  // no duplicates
    CHECK(v.grades.size() == base.grades.size() + 2);
    CHECK(base.extended({"", "  "}).grades.size() == base.grades.size());
}

TEST_CASE("target-7.1 text is kept as written, whatever the parse") {
    for (const char* text : {"  ≥ 90 %  ", "＜0.36百分比", "<p>≥90%</p>", "是／否", "\u3000≥95%", "合理"}) {
        CHECK(parse_target(text).text == text);
    }
    check_unparsed("<p>≥90%</p>", "");  // markup is the importer's to strip
}

TEST_CASE("target-7.2 names and canonical text") {
    using formwork::canonical_text;
    using formwork::to_string;
    CHECK(to_string(Comparator::Ge) == "≥");
    CHECK(to_string(Comparator::Le) == "≤");
    CHECK(to_string(Comparator::Eq) == "=");
    CHECK(to_string(Comparator::Gt) == ">");
    CHECK(to_string(Comparator::Lt) == "<");
    CHECK(to_string(Comparator::None).empty());
    CHECK(to_string(TargetKind::Numeric) == "numeric");
    CHECK(to_string(TargetKind::Grade) == "grade");
    CHECK(to_string(TargetKind::Placeholder) == "placeholder");
    CHECK(to_string(TargetKind::Unparsed) == "unparsed");
    CHECK(canonical_text(parse_target("＜0.36百分比")) == "<0.36%");
    CHECK(canonical_text(parse_target("≥1.4亿个")) == "≥140000000个");
    CHECK(canonical_text(parse_target("满意率95%以上")) == "≥95%");
    CHECK(canonical_text(parse_target("17辆")) == "17辆");
    CHECK(canonical_text(parse_target("是／否")) == "是/否");
    CHECK(canonical_text(parse_target(" 合理")) == "合理");
    CHECK(canonical_text(parse_target("≤全年预算数")) == "≤全年预算数");
}

TEST_CASE("target-7.3 normalize_target_text") {
    using formwork::normalize_target_text;
    CHECK(normalize_target_text("\u3000＞＝９５％ ") == ">=95%");
    CHECK(normalize_target_text("≧≦") == "≥≤");
    CHECK(normalize_target_text("7*24") == "7×24");
    CHECK(normalize_target_text("x24") == "x24");  // only between digits
    CHECK(normalize_target_text("1，000") == "1，000");
    CHECK(normalize_target_text("元/平方米·月") == "元/平方米.月");
}

TEST_CASE("target-7.4 long texts are unparsed without a long search") {
    std::string units = "≥5元";
    for (int i = 0; i < 5000; ++i) units += "/元";
    check_unparsed(units, "too long");
    check_unparsed(std::string(20000, 'a'), "too long");
    std::string grade_like;
    for (int i = 0; i < 2000; ++i) grade_like += "合理";
    check_unparsed(grade_like, "too long");
    // Just under the limit the search still runs and still fails cleanly.
    std::string near = "≥5元";
    while (near.size() < 500) near += "/元";
    near += "/只";
    check_unparsed(near, "unknown unit");
}
