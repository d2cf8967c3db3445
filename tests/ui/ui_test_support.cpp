// Sample values for the shell tests (see ui_test_support.h).
#include "ui_test_support.h"

namespace formwork::ui {

void fill_sample(EditSession& s) {
    const FormSpec& spec = *s.spec();
    for (const auto& b : spec.blocks) {
        if (b.kind == BlockKind::Fields)
            for (const auto& f : b.fields)
                s.set_field(f.id, f.kind == ValueKind::Enum ? f.options.front() : f.kind == ValueKind::Money ? "12.5" : "测试≥≤");
        if (b.kind == BlockKind::Table) {
            if (!b.fixed_rows()) s.add_row(b.id, 0);
            for (const auto& c : b.columns) s.set_cell(b.id, 0, c.id, c.kind == ValueKind::Money ? "1,239.92" : "市局电子政务外网");
        }
        if (b.kind == BlockKind::Indicators)
            for (const auto& l1 : b.indicators.tree)
                for (const auto& l2 : l1.level2) {
                    Indicator ind;
                    ind.level1 = l1.name;
                    ind.level2 = l2.name;
                    ind.name = "网络安全监测服务";
                    for (const auto& p : b.indicators.periods) ind.targets[p.id] = "≥90%";
                    for (const auto& x : b.indicators.extra) ind.extra[x.id] = "年度工作计划";
                    s.add_indicator(s.filing().indicators.size(), ind);
                }
        if (b.kind == BlockKind::SpendingPlan)
            for (const auto& c : b.columns) s.set_cell(b.id, 0, c.id, "25%");
    }
}


}  // namespace formwork::ui
