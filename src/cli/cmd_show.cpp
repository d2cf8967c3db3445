// `formwork show --db DB ID [--json]`: one stored filing whole, laid out by its template
// (labels, fixed rows, expense lines, indicators, notes), or as JSON for scripts. Read-only.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "cli/filing_json.h"
#include "templates/template_registry.h"
#include "store/database.h"
#include "store/filing_status.h"
#include "store/filing_store.h"

namespace formwork::cli {

namespace {

std::string one_line(std::string s) {
    for (auto& c : s)
        if (c == '\n') c = ' ';
    return s;
}

void print_table(std::ostream& os, const BlockSpec& b, const Table& t) {
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        os << "  " << (b.fixed_rows() && r < b.rows.size() ? std::string(b.rows[r].indent * 2, ' ') + b.rows[r].label
                                                             : std::to_string(r + 1) + ".");
        for (const auto& c : b.columns) os << "  " << c.label << "：" << one_line(t.rows[r].cell(c.id));
        os << "\n";
    }
}

void print_filing(Context& ctx, const Filing& f, const FormSpec* spec, const FilingFacts& facts) {
    std::ostream& os = ctx.out;
    os << "#" << f.id << "  " << facts.title << "\n"
       << ctx.tr("模板", "Template") << "：" << f.template_id << " v" << f.template_version << "  "
       << ctx.tr("年度", "Year") << "：" << (facts.year.is_null() ? "-" : facts.year.dump()) << "  "
       << ctx.tr("总额", "Total") << "：" << (facts.total.is_null() ? "-" : facts.total.get<std::string>()) << "  "
       << ctx.tr("支出合计", "Expenses") << "：" << (facts.expense_total.is_null() ? "-" : facts.expense_total.get<std::string>())
       << "\n";
    if (!spec) {  // the template is gone: show what is stored, by id
        os << json_text(filing_json(f, facts)) << "\n";
        return;
    }
    for (const auto& b : spec->blocks) {
        os << "\n[" << one_line(b.label.empty() ? b.id : b.label) << "]\n";
        if (b.kind == BlockKind::Fields) {
            for (const auto& field : b.fields)
                if (f.fields.count(field.id)) os << "  " << field.label << "：" << f.field(field.id) << "\n";
        } else if (b.kind == BlockKind::Indicators) {
            for (const auto& i : f.indicators) {
                os << "  " << i.level1 << " / " << i.level2 << " / " << i.name;
                for (const auto& p : b.indicators.periods) {
                    auto it = i.targets.find(p.id);
                    os << "  " << p.label << "：" << (it == i.targets.end() ? "" : it->second);
                }
                for (const auto& x : b.indicators.extra) {
                    auto it = i.extra.find(x.id);
                    os << "  " << x.label << "：" << one_line(it == i.extra.end() ? "" : it->second);
                }
                os << "\n";
            }
        } else if (const Table* t = f.find_table(b.id)) {
            print_table(os, b, *t);
        }
    }
    if (!f.notes.empty()) {
        os << "\n[" << ctx.tr("备注", "Notes") << "]\n";
        for (const auto& n : f.notes) os << "  (" << n.kind << ") " << n.text << "\n";
    }
}

}  // namespace

int run_show(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--json"}, {"--db"}});
    if (args.positional().size() != 1) throw UsageError(ctx.tr("需要一个填报编号", "expected one filing id"));
    const std::string path = args.required("--db");
    std::int64_t id = 0;
    try {
        std::size_t used = 0;
        id = std::stoll(args.positional()[0], &used);
        if (used != args.positional()[0].size() || id <= 0) throw std::invalid_argument("id");
    } catch (const std::exception&) {
        throw UsageError(ctx.tr("填报编号应为正整数：", "a filing id is a positive integer: ") + args.positional()[0]);
    }
    script::TemplateRegistry registry;
    registry.refresh();
    try {
        store::Database db = store::Database::open(path, store::OpenMode::ReadOnly);
        store::FilingStore filings(db);
        const Filing f = filings.load(id);
        std::string title, year, status = "draft", reason;
        for (const auto& s : filings.list())
            if (s.id == id) title = s.title, year = s.year, status = s.status, reason = s.status_reason;
        const auto spec = registry.find(f.template_id, f.template_version);
        const FilingFacts facts = filing_facts(f, spec.get(), title, year);
        if (args.has("--json")) {
            // revision: what `formwork set --base` takes, so that a script's edit never overwrites another's.
            nlohmann::json j = filing_json(f, facts);
            j["revision"] = f.revision;
            j["status"] = status;
            if (!reason.empty()) j["status_reason"] = reason;
            ctx.out << json_text(j) << "\n";
        }
        else {
            print_filing(ctx, f, spec.get(), facts);
            ctx.out << ctx.tr("修订", "Revision") << "：" << f.revision << "  " << ctx.tr("状态", "Status") << "："
                    << store::status_label(store::parse_status(status).value_or(store::Status::Draft), ctx.lang)
                    << (reason.empty() ? "" : "（" + reason + "）") << "\n";
        }
        return kOk;
    } catch (const store::StoreError& e) {
        ctx.err << "formwork show: " << store::describe(e, ctx.lang) << "\n";
        return kFailed;
    }
}

}  // namespace formwork::cli
