// `formwork templates`: the templates Formwork found, with their status, so an administrator
// sees at once whether a new or edited template loaded; under each, the earlier versions its
// folders keep (earlier/), which old filings open with.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/json_text.h"
#include "templates/template_registry.h"

namespace formwork::cli {

namespace {

nlohmann::json earlier_json(const script::TemplateEntry& e) {
    nlohmann::json j;
    const FormSpec* s = e.loaded.get();
    j["id"] = s ? nlohmann::json(s->id) : nlohmann::json();
    j["version"] = s ? nlohmann::json(s->version) : nlohmann::json();
    j["source"] = e.file;
    j["origin"] = e.origin;
    j["status"] = e.ok() ? "ok" : "error";
    std::string error;
    for (const auto& line : e.errors) error += (error.empty() ? "" : "\n") + line;
    j["error"] = e.ok() ? nlohmann::json() : nlohmann::json(error);
    return j;
}

// Whether an earlier file belongs under a current template (same id) in the listing.
bool belongs(const script::TemplateEntry& earlier, const script::TemplateEntry& current) {
    return earlier.loaded && current.spec && earlier.loaded->id == current.spec->id;
}

}  // namespace

int run_templates(Context& ctx, const std::vector<std::string>& argv) {
    const Args args(argv, {{"--json"}, {}});
    if (!args.positional().empty()) throw UsageError(ctx.tr("多余的参数 ", "unexpected argument ") + args.positional()[0]);
    script::TemplateRegistry registry;
    registry.refresh();
    if (args.has("--json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& e : registry.entries()) {
            nlohmann::json j;
            const FormSpec* s = e.loaded.get();  // a disabled duplicate still shows what it is
            j["id"] = s ? nlohmann::json(s->id) : nlohmann::json();
            j["version"] = s ? nlohmann::json(s->version) : nlohmann::json();
            j["title"] = s ? nlohmann::json(s->title) : nlohmann::json();
            j["family"] = s ? nlohmann::json(s->family) : nlohmann::json();
            j["source"] = e.file;
            j["origin"] = e.origin;
            j["status"] = e.ok() ? "ok" : "error";
            std::string error;
            for (const auto& line : e.errors) error += (error.empty() ? "" : "\n") + line;
            j["error"] = e.ok() ? nlohmann::json() : nlohmann::json(error);
            j["earlier_versions"] = nlohmann::json::array();
            for (const auto& x : registry.earlier())
                if (belongs(x, e)) j["earlier_versions"].push_back(earlier_json(x));
            out.push_back(std::move(j));
        }
        // Earlier versions of no current template (a retired form, or a file with errors).
        for (const auto& x : registry.earlier())
            if (std::none_of(registry.entries().begin(), registry.entries().end(), [&](const auto& e) { return belongs(x, e); })) {
                nlohmann::json j = earlier_json(x);
                j["earlier"] = true;
                out.push_back(std::move(j));
            }
        ctx.out << json_text(out) << "\n";
        return kOk;
    }
    if (registry.entries().empty()) {
        ctx.out << ctx.tr("没有找到模板。查找位置：", "No templates found. Looked in:") << "\n";
        for (const auto& d : registry.dirs()) ctx.out << "  " << d.path.string() << "\n";
        return kOk;
    }
    auto print_earlier = [&](const script::TemplateEntry& x, const char* indent) {
        if (x.ok()) {
            ctx.out << indent << ctx.tr("早期   ", "earlier ") << x.spec->id << " v" << x.spec->version << "  " << x.file << "\n";
            return;
        }
        ctx.out << indent << ctx.tr("错误   ", "error  ") << x.file << "\n";
        for (const auto& line : x.errors) ctx.out << indent << "         " << line << "\n";
    };
    for (const auto& e : registry.entries()) {
        if (e.ok()) {
            ctx.out << "ok     " << e.spec->id << " v" << e.spec->version << "  " << e.spec->title << "  ("
                    << e.spec->family << ")  " << e.file << "\n";
        } else {
            ctx.out << ctx.tr("错误   ", "error  ") << e.file << "\n";
            for (const auto& line : e.errors) ctx.out << "         " << line << "\n";
        }
        for (const auto& x : registry.earlier())
            if (belongs(x, e)) print_earlier(x, "       ");
    }
    for (const auto& x : registry.earlier())
        if (std::none_of(registry.entries().begin(), registry.entries().end(), [&](const auto& e) { return belongs(x, e); }))
            print_earlier(x, "");
    return kOk;
}

}  // namespace formwork::cli
