// Text and JSON forms of a check report (see check_output.h).
#include "cli/check_output.h"

#include "cli/json_text.h"

#include <ostream>
#include <string>

namespace formwork::cli {

using script::Outcome;
using script::Severity;

const char* severity_word(Context& ctx, Severity s) {
    switch (s) {
        case Severity::Error: return ctx.tr("错误", "error");
        case Severity::Warning: return ctx.tr("警告", "warning");
        case Severity::Info: return ctx.tr("提示", "info");
    }
    return "";
}

const char* outcome_word(Context& ctx, Outcome o) {
    switch (o) {
        case Outcome::Passed: return ctx.tr("通过", "passed");
        case Outcome::Failed: return ctx.tr("未通过", "failed");
        case Outcome::NotApplicable: return ctx.tr("不适用", "not applicable");
        case Outcome::Insufficient: return ctx.tr("数据不足", "insufficient data");
        case Outcome::ScriptError: return ctx.tr("脚本错误", "script error");
        case Outcome::Stopped: return ctx.tr("中止", "stopped");
        case Outcome::SwitchedOff: return ctx.tr("已停用", "switched off");
    }
    return "";
}

namespace {

nlohmann::json finding_json(const script::Finding& f, Lang lang) {
    return {{"filing", f.filing},
            {"filing_title", f.filing_title},
            {"template", f.template_id},
            {"check", f.check},
            {"severity", script::to_string(f.severity)},
            {"path", f.path},
            {"message", f.message(lang)}};
}

nlohmann::json summary_json(const script::CheckReport& report, const std::vector<std::string>& load_errors) {
    const auto& s = report.summary;
    nlohmann::json outcomes = nlohmann::json::object();
    for (std::size_t i = 0; i < script::kOutcomeCount; ++i)
        outcomes[script::to_string(static_cast<Outcome>(i))] = s.outcomes[i];
    nlohmann::json severities = nlohmann::json::object();
    for (Severity v : {Severity::Error, Severity::Warning, Severity::Info})
        severities[script::to_string(v)] = s.severities[static_cast<std::size_t>(v)];
    nlohmann::json notes = nlohmann::json::array();
    for (const auto& n : report.notes)
        notes.push_back({{"check", n.check},
                         {"filing", n.filing},
                         {"filing_title", n.filing_title},
                         {"outcome", script::to_string(n.outcome)},
                         {"detail", n.detail}});
    return {{"filings", s.filings},
            {"skipped_filings", s.skipped_filings},
            {"checks", s.checks},
            {"runs", s.runs},
            {"outcomes", outcomes},
            {"severities", severities},
            {"notes", notes},
            {"problems", report.problems},
            {"script_errors", load_errors}};
}

}  // namespace

nlohmann::json report_json(const script::CheckReport& report, const std::vector<std::string>& load_errors, Lang lang) {
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& f : report.findings) findings.push_back(finding_json(f, lang));
    return {{"findings", findings}, {"summary", summary_json(report, load_errors)}};
}

void write_report_json(std::ostream& os, const script::CheckReport& report, const std::vector<std::string>& load_errors,
                       Lang lang) {
    os << "{\n  \"findings\": [";
    for (std::size_t i = 0; i < report.findings.size(); ++i)
        os << (i ? ",\n    " : "\n    ") << json_text(finding_json(report.findings[i], lang), -1);
    os << (report.findings.empty() ? "],\n" : "\n  ],\n");
    std::string summary = json_text(summary_json(report, load_errors));
    for (std::size_t at = summary.find('\n'); at != std::string::npos; at = summary.find('\n', at + 3)) summary.insert(at + 1, "  ");
    os << "  \"summary\": " << summary << "\n}\n";
}

void print_report(Context& ctx, const script::CheckReport& report) {
    // Gathered in a buffer and written in large pieces: a province's batch prints hundreds of
    // thousands of findings, and a stream insertion per piece costs more than the text.
    std::string text;
    text.reserve(1 << 20);
    std::int64_t current = -1;
    for (const auto& f : report.findings) {
        if (f.filing != current) {
            current = f.filing;
            text.append("\n#").append(std::to_string(f.filing)).append(" ").append(f.filing_title);
            text.append("  (").append(f.template_id).append(")\n");
        }
        text.append("  ").append(severity_word(ctx, f.severity)).append("  ").append(f.check).append("  ");
        text.append(f.path).append("\n      ").append(f.message(ctx.lang)).append("\n");
        if (text.size() >= (1 << 20) - 4096) {
            ctx.out.write(text.data(), static_cast<std::streamsize>(text.size()));
            text.clear();
        }
    }
    ctx.out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!report.notes.empty()) {
        ctx.out << "\n" << ctx.tr("未能判断的检查：", "Runs that could not judge:") << "\n";
        for (const auto& n : report.notes)
            ctx.out << "  " << outcome_word(ctx, n.outcome) << "  " << n.check << "  #" << n.filing << " " << n.filing_title
                    << "\n      " << n.detail << "\n";
    }
    for (const auto& p : report.problems) ctx.out << ctx.tr("问题：", "problem: ") << p << "\n";
    const auto& s = report.summary;
    ctx.out << "\n" << ctx.tr("汇总：", "Summary: ") << s.filings << ctx.tr(" 份填报，", " filings, ") << s.checks
            << ctx.tr(" 项检查，运行 ", " checks, ") << s.runs << ctx.tr(" 次", " runs") << "\n  ";
    for (std::size_t i = 0; i < script::kOutcomeCount; ++i)
        ctx.out << (i ? ctx.tr("，", ", ") : "") << outcome_word(ctx, static_cast<Outcome>(i)) << " " << s.outcomes[i];
    ctx.out << "\n  ";
    for (Severity v : {Severity::Error, Severity::Warning, Severity::Info})
        ctx.out << (v != Severity::Error ? ctx.tr("，", ", ") : "") << severity_word(ctx, v) << " "
                << s.severities[static_cast<std::size_t>(v)];
    if (s.skipped_filings) ctx.out << ctx.tr("；未检查的填报 ", "; filings not checked ") << s.skipped_filings;
    ctx.out << "\n";
}

}  // namespace formwork::cli
