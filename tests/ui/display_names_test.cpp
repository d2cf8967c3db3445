// Template and check names in the UI language (src/ui/display_names.h): title and region, no
// English id under the Chinese UI, no Chinese under the English UI, and every shipped
// template told apart from the others in both languages.
#include <catch2/catch.hpp>

#include <set>

#include "checks/check_engine.h"
#include "templates/template_registry.h"
#include "ui/display_names.h"

using namespace formwork;
using namespace formwork::ui;

namespace {

std::shared_ptr<const FormSpec> spec(std::string id, std::string title, std::string region, std::string title_en = {},
                                     std::string region_en = {}) {
    auto s = std::make_shared<FormSpec>();
    s->id = std::move(id);
    s->title = std::move(title);
    s->region = std::move(region);
    s->title_en = std::move(title_en);
    s->region_en = std::move(region_en);
    return s;
}

}  // namespace

TEST_CASE("ui-names-1.1 a template reads as its title and region in the UI language") {
    const auto yuanjiang = spec("yuanjiang-project", "项目支出绩效目标表", "湖南省沅江市", "Project spending performance targets",
                                "Yuanjiang, Hunan");
    CHECK(template_label(*yuanjiang, Lang::Zh) == "项目支出绩效目标表 · 湖南省沅江市");
    CHECK(template_label(*yuanjiang, Lang::En) == "Project spending performance targets · Yuanjiang, Hunan");
    // No English title: the English UI shows the id, never the Chinese title.
    const auto bare = spec("anhui-project-annual", "项目支出绩效目标表", "安徽省（县区）");
    CHECK(template_label(*bare, Lang::En) == "anhui-project-annual");
    CHECK(template_label(*bare, Lang::Zh) == "项目支出绩效目标表 · 安徽省（县区）");
}

TEST_CASE("ui-names-1.2 templates that would read alike get their ids") {
    const auto labels = template_labels({spec("a-project", "项目支出绩效目标表", "某县"), spec("b-project", "项目支出绩效目标表", "某县"),
                                         spec("c-project", "项目支出绩效目标表", "另一县")},
                                        Lang::Zh);
    CHECK(labels.at("a-project") == "项目支出绩效目标表 · 某县 (a-project)");
    CHECK(labels.at("b-project") == "项目支出绩效目标表 · 某县 (b-project)");
    CHECK(labels.at("c-project") == "项目支出绩效目标表 · 另一县");
}

TEST_CASE("ui-names-1.3 every shipped template has its own name in both languages") {
    script::TemplateRegistry registry;
    registry.refresh();
    for (Lang lang : {Lang::Zh, Lang::En}) {
        const auto labels = template_labels(registry, lang);
        CHECK(labels.size() == 12);
        std::set<std::string> distinct;
        for (const auto& [id, label] : labels) {
            INFO(id << ": " << label);
            distinct.insert(label);
            CHECK(label.find(id) == std::string::npos);  // a title, not the id
            CHECK(has_chinese(label) == (lang == Lang::Zh));  // the shipped English names hold no Chinese term
            CHECK(label.find(" · ") != std::string::npos);  // with its region
        }
        CHECK(distinct.size() == labels.size());
    }
}

TEST_CASE("ui-names-1.4 a check's title: English where the script gives one, else its id") {
    script::CheckSpec c;
    c.id = "expenses-add-up";
    c.title_zh = c.title_en = "支出合计与资金总额相符";  // what the reader keeps when no English is given
    CHECK(check_title(c, Lang::Zh) == "支出合计与资金总额相符");
    CHECK(check_title(c, Lang::En) == "expenses-add-up");
    c.title_en = "Expense lines add up to the total budget";
    CHECK(check_title(c, Lang::En) == "Expense lines add up to the total budget");
    c.title_zh = c.title_en = "Phone numbers look like phone numbers";  // a plain string title, in English
    CHECK(check_title(c, Lang::En) == "Phone numbers look like phone numbers");
    // Every shipped check has an English title.
    script::TemplateRegistry registry;
    registry.refresh();
    script::CheckEngine engine(script::CheckEngine::lookup_in(registry));
    engine.refresh();
    REQUIRE_FALSE(engine.checks().empty());
    for (const auto& check : engine.checks()) {
        INFO(check->id);
        CHECK(check_title(*check, Lang::En) != check->id);
        CHECK(has_chinese(check_title(*check, Lang::Zh)));
    }
}
