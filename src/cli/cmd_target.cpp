// `formwork target TEXT...`: parses target values the way checks see them, for analysts who
// want to know why a value is (not) understood.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "core/target_value.h"

namespace formwork::cli {

namespace {

const char* kind_label(Context& ctx, TargetKind kind) {
    switch (kind) {
        case TargetKind::Numeric: return ctx.tr("数值", "numeric");
        case TargetKind::Grade: return ctx.tr("定性", "grade");
        case TargetKind::Placeholder: return ctx.tr("占位", "placeholder");
        case TargetKind::Unparsed: return ctx.tr("未能解析", "unparsed");
    }
    return "?";
}

}  // namespace

int run_target(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--json"}, {}});
    if (args.positional().empty()) throw UsageError(ctx.tr("缺少要解析的指标值", "no target value given"));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& text : args.positional()) {
        const TargetValue v = parse_target(text);
        if (args.has("--json")) {
            nlohmann::json j = {{"text", v.text}, {"kind", to_string(v.kind)}, {"canonical", canonical_text(v)}};
            if (v.kind == TargetKind::Numeric) {
                j["comparator"] = to_string(v.cmp);
                j["value"] = v.value.to_string();
                j["unit"] = v.unit;
                j["subject"] = v.subject;
            } else if (v.kind == TargetKind::Unparsed) {
                j["reason"] = v.reason;
            } else {
                j["word"] = v.word;
            }
            out.push_back(std::move(j));
            continue;
        }
        ctx.out << v.text << "\t" << kind_label(ctx, v.kind);
        if (v.kind == TargetKind::Numeric) {
            ctx.out << "\t" << ctx.tr("比较", "comparator") << " " << (v.cmp == Comparator::None ? "-" : to_string(v.cmp))
                    << "\t" << ctx.tr("数值", "value") << " " << v.value.to_string() << "\t" << ctx.tr("单位", "unit")
                    << " " << (v.unit.empty() ? "-" : v.unit);
            if (!v.subject.empty()) ctx.out << "\t" << ctx.tr("主语", "subject") << " " << v.subject;
        } else if (v.kind == TargetKind::Unparsed) {
            ctx.out << "\t" << v.reason;
        } else if (!v.word.empty()) {
            ctx.out << "\t" << v.word;
        }
        ctx.out << "\n";
    }
    if (args.has("--json")) ctx.out << json_text(out) << "\n";
    return kOk;
}

}  // namespace formwork::cli
