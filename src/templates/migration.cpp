// Running a filing through its template's versions (see migration.h).
#include "templates/migration.h"

#include "templates/filing_table.h"

namespace formwork::script {

MigrationResult migrate_filing(TemplateRegistry& registry, const Filing& filing, Lang lang) {
    MigrationResult out;
    out.from = filing.template_version;
    out.to_spec = registry.find(filing.template_id);
    if (!out.to_spec) {
        out.error = lang == Lang::Zh ? "没有安装模板 " + filing.template_id : "template " + filing.template_id + " is not installed";
        return out;
    }
    out.to = out.to_spec->version;
    out.filing = filing;
    if (out.from == out.to) return out;
    if (out.from > out.to) {
        out.error = lang == Lang::Zh ? "填报按第 " + std::to_string(out.from) + " 版填写，比已安装的第 " + std::to_string(out.to) + " 版新"
                                     : "filed with version " + std::to_string(out.from) + ", newer than the installed version " +
                                           std::to_string(out.to);
        return out;
    }
    out.from_spec = registry.find(filing.template_id, out.from);
    out.from_known = out.from_spec && out.from_spec->version == out.from;

    ScriptValue value = filing_table(filing, out.from_spec.get());
    for (int v = out.from; v < out.to; ++v) {
        const FunctionRef* step = registry.migrate_step(filing.template_id, v);
        if (!step) continue;  // nothing to do but lay the values out by the next version's ids
        auto next = registry.run_step(*step, value);
        if (!next) {
            out.error = (lang == Lang::Zh ? "第 " + std::to_string(v) + " 版到第 " + std::to_string(v + 1) + " 版的迁移步骤出错："
                                          : "the step from version " + std::to_string(v) + " to " + std::to_string(v + 1) + " failed: ") +
                        next.error().to_string();
            return out;
        }
        value = std::move(next).value();
    }
    FilingFromTable read = filing_from_table(value, *out.to_spec);
    if (!read.problems.empty()) {
        out.error = lang == Lang::Zh ? "迁移步骤返回的不是填报：" : "a migrate step returned no filing: ";
        for (std::size_t i = 0; i < read.problems.size() && i < 5; ++i) out.error += (i ? "; " : "") + read.problems[i];
        return out;
    }
    read.filing.id = filing.id;
    out.filing = std::move(read.filing);
    out.changes = compare_versions(filing, out.from_spec.get(), out.filing, *out.to_spec, read.unplaced, lang);
    return out;
}

}  // namespace formwork::script
