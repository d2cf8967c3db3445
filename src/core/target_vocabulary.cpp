// The built-in words of the target-value language (see target_value.h) and their extension by
// templates. Every addition beyond the list in BRIEF.md comes from a real filing in seeds/ and
// is commented with the reason it counts as a grade.
#include <algorithm>

#include "core/target_value.h"

namespace formwork {

namespace {

TargetVocabulary make_builtin() {
    TargetVocabulary v;
    v.grades = {
        // BRIEF.md: adequacy, compliance, level and trend words reviewers judge as met or not.
        "充分", "规范", "合理", "明确", "科学", "合规", "健全", "有效", "较高", "明显", "及时",
        "良好", "显著提升", "持续提升", "序时进度",
        // seeds/000: timeliness of a monitoring service, the sibling of 及时.
        "实时",
        // seeds/000: compliance of published warnings (lawful and rigorous), like 合规.
        "合法严谨",
        // seeds/002: trend words of the same kind as 持续提升.
        "持续扩大", "不断提升",
        // seeds/002, 003: the period a service covers (all year, every quarter, every working
        // day, round the clock); timeliness targets a reviewer can verify.
        "全年", "每季度", "每工作日", "7×24小时", "7×24小时全年",
        // seeds/003: pass/fail and sufficiency standards (派遣员工考核 合格, 需求 满足).
        "合格", "满足",
        // seeds/003: milestone states (half-year 推进 "under way", full-year 完成 "done").
        "推进", "完成",
        // seeds/003: 序时进度 written as an instruction ("spend in step with the schedule").
        "按序时进度执行",
    };
    v.placeholders = {
        // BRIEF.md / issue 2. "是/否" is a form's prompt left unfilled, not an answer.
        "是/否", "……", "不适用", "无",
        // The two signs Chinese forms use for "nothing to state" in a cell.
        "/", "—",
    };
    v.units = {
        "%",
        // money
        "元", "千元", "万元", "亿元",
        // counts
        "次", "人次", "人", "个", "家", "期", "件", "场次", "场", "辆", "台", "套", "项", "篇", "条",
        "起", "份", "户", "名", "批", "本", "册", "所", "座", "处", "课时",
        // time, also the denominators of rates such as 次/月 and 小时/年
        "秒", "分钟", "小时", "天", "日", "工作日", "周", "个月", "月", "季度", "年",
        // area, length, weight
        "平方米", "万平方米", "平方公里", "亩", "公顷", "米", "公里", "千米", "吨", "千克", "公斤",
    };
    return v;
}

void add_words(std::vector<std::string>& to, const std::vector<std::string>& words) {
    for (const std::string& w : words) {
        std::string n = normalize_target_text(w);
        if (n.empty() || std::find(to.begin(), to.end(), n) != to.end()) continue;
        to.push_back(std::move(n));
    }
}

}  // namespace

const TargetVocabulary& TargetVocabulary::builtin() {
    static const TargetVocabulary vocabulary = make_builtin();
    return vocabulary;
}

TargetVocabulary TargetVocabulary::extended(const std::vector<std::string>& more_grades,
                                            const std::vector<std::string>& more_placeholders,
                                            const std::vector<std::string>& more_units) const {
    TargetVocabulary v = *this;
    add_words(v.grades, more_grades);
    add_words(v.placeholders, more_placeholders);
    add_words(v.units, more_units);
    return v;
}

}  // namespace formwork
