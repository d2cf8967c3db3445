// The JSON export and its reader: every seed filing goes out and comes back exactly, targets
// carry the core's parse, and a bad document is refused with the place it went wrong.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "export_support.h"
#include "io/import_json.h"

using namespace formwork;
using namespace formwork::io;
using namespace export_test;

TEST_CASE("export-5.1 every seed filing round-trips through JSON exactly") {
    const auto items = all_seeds();
    const std::string path = scratch_dir() + "/all.json";
    export_filings(items, ExportFormat::Json, path);
    const std::string text = read_file(path);
    REQUIRE(looks_like_json(text));
    const auto back = read_filings_json(text);
    REQUIRE(back.size() == items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        INFO(items[i].filing->template_id << " " << items[i].filing->id);
        CHECK(back[i].id == 0);  // new to whichever database it goes into
        CHECK(back[i].template_id == items[i].filing->template_id);
        CHECK(back[i].template_version == items[i].filing->template_version);
        CHECK(back[i].same_content(*items[i].filing));
    }
}

TEST_CASE("export-5.2 target values carry their text and the core's parse") {
    const auto items = one_per_template();
    const auto doc = nlohmann::json::parse(filings_to_json(items));
    CHECK(doc["format"] == "formwork-filings");
    CHECK(doc["format_version"] == 1);
    int numeric = 0, grades = 0;
    for (const auto& f : doc["filings"])
        for (const auto& ind : f["indicators"])
            for (const auto& [period, t] : ind["targets"].items()) {
                REQUIRE(t.contains("text"));
                REQUIRE(t.contains("parse"));
                const auto& p = t["parse"];
                if (p["kind"] == "numeric") {
                    ++numeric;
                    CHECK(p.contains("comparator"));
                    CHECK(p.contains("value"));
                    CHECK(p.contains("unit"));
                    CHECK(p.contains("canonical"));
                }
                if (p["kind"] == "grade") ++grades;
            }
    CHECK(numeric > 10);
    CHECK(grades > 0);
    // A known one: Nantong's first filing, 共享数据质量情况 ≥90%.
    bool seen = false;
    for (const auto& ind : doc["filings"][static_cast<std::size_t>(std::find_if(items.begin(), items.end(), [](auto& i) { return i.spec->id == "nantong-project"; }) - items.begin())]["indicators"])
        if (ind["name"] == "共享数据质量情况") {
            seen = true;
            const auto& p = ind["targets"]["full_year"]["parse"];
            CHECK(ind["targets"]["full_year"]["text"] == "≥90%");
            CHECK(p["comparator"] == "≥");
            CHECK(p["value"] == "90");
            CHECK(p["unit"] == "%");
        }
    CHECK(seen);
    // Hebei department's sub-goal indicators are a target column of a table: parsed as well.
    const auto hebei = std::find_if(items.begin(), items.end(), [](auto& i) { return i.spec->id == "hebei-department"; });
    REQUIRE(hebei != items.end());
    const auto& sub = doc["filings"][static_cast<std::size_t>(hebei - items.begin())]["tables"]["sub_goals"];
    REQUIRE(sub.size() == 15);
    CHECK(sub[0]["cells"]["indicator"]["parse"]["kind"] == "numeric");
}

TEST_CASE("export-5.3 fixed rows are named in the JSON, free rows are not") {
    const auto items = one_per_template();
    const auto doc = nlohmann::json::parse(filings_to_json(items));
    const auto nantong = std::find_if(items.begin(), items.end(), [](auto& i) { return i.spec->id == "nantong-project"; });
    const auto& f = doc["filings"][static_cast<std::size_t>(nantong - items.begin())];
    CHECK(f["tables"]["income"][0]["row"] == "total");
    CHECK(f["tables"]["income"][0]["cells"]["full_year"] == "18");
    CHECK_FALSE(f["tables"]["expenses"][0].contains("row"));
    CHECK(f["template"]["id"] == "nantong-project");
}

TEST_CASE("export-5.4 a filing whose template is not installed still exports as JSON and CSV") {
    Filing f;
    f.id = 7;
    f.template_id = "no-such-template";
    f.template_version = 3;
    f.fields["x"] = "≥90%";
    f.tables["t"].rows.push_back({{{"a", "1"}}});
    f.indicators.push_back({"产出指标", "数量指标", "n", {{"value", "≥1次"}}, {}});
    f.notes.push_back({"import", "unplaced: 99"});
    const auto back = read_filings_json(filings_to_json({{&f, nullptr}}));
    REQUIRE(back.size() == 1);
    CHECK(back[0].same_content(f));
    CHECK(filings_to_csv({{&f, nullptr}}).find("unplaced: 99") != std::string::npos);
    const std::string dir = scratch_dir();
    CHECK_THROWS_AS(export_filings({{&f, nullptr}}, ExportFormat::Xlsx, dir + "/x.xlsx"), ExportError);
    CHECK_THROWS_AS(export_filings({{&f, nullptr}}, ExportFormat::Pdf, dir + "/x.pdf"), ExportError);
}

TEST_CASE("export-5.5 the JSON reader refuses a bad document and says where") {
    auto where = [](const std::string& text) {
        try {
            read_filings_json(text);
        } catch (const JsonImportError& e) {
            CHECK_FALSE(e.message(Lang::Zh).empty());
            return e.where();
        }
        return std::string("accepted");
    };
    CHECK(where("{\n  \"format\": ") == "2:13");
    CHECK(where(R"({"format": "something-else", "format_version": 1, "filings": []})") == "/format");
    CHECK(where(R"({"format": "formwork-filings", "format_version": 2, "filings": []})") == "/format_version");
    CHECK(where(R"({"format": "formwork-filings", "format_version": 1, "filings": {}})") == "/filings");
    CHECK(where(R"({"format": "formwork-filings", "format_version": 1, "filings": [{"template": {"version": 1}}]})") ==
          "/filings/0/template/id");
    CHECK(where(R"({"format": "formwork-filings", "format_version": 1, "filings": [{"template": {"id": "a", "version": 1}, "fields": {"x": 5}}]})") ==
          "/filings/0/fields/x");
    CHECK(where(R"({"format": "formwork-filings", "format_version": 1, "filings": []})") == "accepted");
    CHECK_FALSE(looks_like_json("项目名称\t信息化"));
    CHECK(looks_like_json("\xEF\xBB\xBF  {"));
}
