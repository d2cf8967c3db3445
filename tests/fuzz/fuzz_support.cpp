// The shipped templates for the fuzz targets (see fuzz_support.h).
#include "fuzz_support.h"

#include "templates/template_registry.h"

namespace formwork::fuzz {

const std::vector<std::shared_ptr<const FormSpec>>& shipped_templates() {
    static const std::vector<std::shared_ptr<const FormSpec>> specs = [] {
        script::TemplateRegistry registry({{script::shipped_scripts_dir() / "templates", "shipped"}});
        registry.refresh();
        std::vector<std::shared_ptr<const FormSpec>> out;
        for (const auto& e : registry.entries())
            if (e.ok()) out.push_back(e.spec);
        return out;
    }();
    return specs;
}

}  // namespace formwork::fuzz
