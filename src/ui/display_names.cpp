// Names of templates and checks for the UI (see display_names.h).
#include "ui/display_names.h"

namespace formwork::ui {

bool has_chinese(const std::string& text) {
    for (size_t i = 0; i < text.size();) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        char32_t c = n == 4 ? b & 0x07 : n == 3 ? b & 0x0F : n == 2 ? b & 0x1F : b;
        for (size_t k = 1; k < n && i + k < text.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        if ((c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
            (c >= 0x3000 && c <= 0x303F))
            return true;
        i += n;
    }
    return false;
}

std::string template_label(const FormSpec& spec, Lang lang) {
    std::string title = spec.title, region = spec.region;
    if (lang == Lang::En) {
        title = spec.title_en.empty() ? spec.id : spec.title_en;
        region = spec.region_en;
    }
    if (title.empty()) title = spec.id;
    return region.empty() ? title : title + " · " + region;
}

std::map<std::string, std::string> template_labels(const std::vector<std::shared_ptr<const FormSpec>>& specs, Lang lang) {
    std::map<std::string, std::string> out;
    std::map<std::string, int> uses;
    for (const auto& s : specs)
        if (s) ++uses[out[s->id] = template_label(*s, lang)];
    for (auto& [id, label] : out)
        if (uses[label] > 1 && label != id) label += " (" + id + ")";
    return out;
}

std::map<std::string, std::string> template_labels(const script::TemplateRegistry& registry, Lang lang) {
    std::vector<std::shared_ptr<const FormSpec>> specs;
    for (const auto& e : registry.entries())
        if (e.ok()) specs.push_back(e.spec);
    return template_labels(specs, lang);
}

std::string check_title(const script::CheckSpec& check, Lang lang) {
    if (lang == Lang::Zh) return check.title_zh.empty() ? check.id : check.title_zh;
    // The reader copies the Chinese title into title_en when a script gives none (and a plain
    // string title into both): an English title is one that differs, or holds no Chinese.
    // It may still name a Chinese term of the form ("… under 成本指标").
    const bool english = !check.title_en.empty() && (check.title_en != check.title_zh || !has_chinese(check.title_en));
    return english ? check.title_en : check.id;
}

}  // namespace formwork::ui
