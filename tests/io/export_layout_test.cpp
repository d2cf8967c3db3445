// The printed layout (src/io/export_layout.h) built from each shipped template for its real
// seed filings: every value the template knows is printed exactly as filed, at one place.
#include <catch2/catch.hpp>

#include <map>

#include "core/filing_cells.h"
#include "export_support.h"
#include "io/export_layout.h"

using namespace formwork;
using namespace formwork::io;
using export_test::seeds;

namespace {

// Whether the template has a place for this cell path (fields, table cells, indicators).
bool template_knows(const FormSpec& spec, const std::string& path) {
    auto part = [&](int n) {
        std::size_t start = 0;
        for (int i = 0; i < n; ++i) start = path.find('/', start) + 1;
        return path.substr(start, path.find('/', start) - start);
    };
    if (path.rfind("f/", 0) == 0) return spec.find_field(part(1)) != nullptr;
    if (path.rfind("t/", 0) == 0 && path.find('#') == std::string::npos) {
        const BlockSpec* b = spec.find_block(part(1));
        if (!b) return false;
        if (b->fixed_rows() && std::stoul(part(2)) >= b->rows.size()) return false;
        if (b->kind == BlockKind::SpendingPlan && part(2) != "0") return false;
        for (const auto& c : b->columns)
            if (c.id == part(3)) return true;
        return false;
    }
    if (path.rfind("i/", 0) == 0 && path.find('#') == std::string::npos) {
        const auto kind = part(2);
        if (kind == "l1" || kind == "l2" || kind == "name") return true;
        for (const auto& b : spec.blocks)
            if (b.kind == BlockKind::Indicators)
                for (const auto& f : kind == "t" ? b.indicators.periods : b.indicators.extra)
                    if (f.id == part(3)) return true;
    }
    return false;
}

std::map<std::string, const LayoutCell*> cells_by_path(const Layout& layout) {
    std::map<std::string, const LayoutCell*> out;
    for (const auto& row : layout.rows)
        for (const auto& c : row.cells)
            if (!c.path.empty()) {
                CHECK(out.count(c.path) == 0);  // printed once
                out[c.path] = &c;
            }
    return out;
}

}  // namespace

TEST_CASE("export-1.1 every seed filing's layout prints every value its template knows, exactly as filed") {
    REQUIRE(seeds().size() >= 20);
    for (const auto& s : seeds()) {
        INFO(s.filing.template_id << " filing " << s.filing.id);
        const Layout layout = build_layout(s.filing, *s.spec);
        const auto printed = cells_by_path(layout);
        int known = 0;
        for (const auto& [path, text] : to_cells(s.filing)) {
            if (!template_knows(*s.spec, path)) continue;
            ++known;
            INFO(path);
            auto it = printed.find(path);
            const bool category = path.size() > 3 && (path.compare(path.size() - 3, 3, "/l1") == 0 || path.compare(path.size() - 3, 3, "/l2") == 0);
            if (it == printed.end() && category) {
                // merged into the cell above: the same text as the indicator before
                const std::size_t k = std::stoul(path.substr(2));
                REQUIRE(k > 0);
                const auto& prev = s.filing.indicators[k - 1];
                CHECK(text == (path.back() == '1' ? prev.level1 : prev.level2));
                continue;
            }
            REQUIRE(it != printed.end());
            CHECK(it->second->text == text);
        }
        CHECK(known > 0);
        // Cells stay inside the grid and never overlap within a row.
        for (const auto& row : layout.rows) {
            int edge = 0;
            for (const auto& c : row.cells) {
                CHECK(c.col >= edge);
                CHECK(c.span >= 1);
                CHECK(c.col + c.span <= kGridUnits);
                edge = c.col + c.span;
            }
        }
    }
}

TEST_CASE("export-1.2 a layout starts with the template's title, the budget year and the unit line") {
    for (const auto& item : export_test::one_per_template()) {
        INFO(item.spec->id);
        const Layout layout = build_layout(*item.filing, *item.spec);
        REQUIRE(layout.rows.size() > 3);
        CHECK(layout.rows[0].cells[0].role == CellRole::Title);
        CHECK(layout.rows[0].cells[0].text == item.spec->title);
        CHECK(layout.rows[0].cells[0].span == kGridUnits);
        CHECK(layout.rows[1].cells[0].text == std::to_string(item.spec->year) + "年度");
        // Every shipped template but the Hebei department narrative holds money.
        if (item.spec->id != "hebei-department") {
            CHECK(layout.rows[2].cells[0].text == "单位：万元");
            CHECK(layout.rows[2].cells[0].align == Align::Right);
        }
    }
}

TEST_CASE("export-1.3 indicator categories are merged down over the indicators that share them") {
    for (const auto& item : export_test::one_per_template()) {
        if (item.filing->indicators.empty()) continue;
        INFO(item.spec->id);
        const Layout layout = build_layout(*item.filing, *item.spec);
        const auto& list = item.filing->indicators;
        int covered1 = 0, covered2 = 0;
        for (const auto& row : layout.rows)
            for (const auto& c : row.cells) {
                if (c.path.size() > 3 && c.path.compare(c.path.size() - 3, 3, "/l1") == 0) {
                    const std::size_t k = std::stoul(c.path.substr(2));
                    CHECK((k == 0 || list[k - 1].level1 != list[k].level1));
                    for (std::size_t j = k; j < k + static_cast<std::size_t>(c.row_span); ++j) CHECK(list[j].level1 == list[k].level1);
                    covered1 += c.row_span;
                }
                if (c.path.size() > 3 && c.path.compare(c.path.size() - 3, 3, "/l2") == 0) covered2 += c.row_span;
            }
        CHECK(covered1 == static_cast<int>(list.size()));  // every indicator under exactly one level-1 cell
        CHECK(covered2 == static_cast<int>(list.size()));
    }
}

TEST_CASE("export-1.4 money, integer and percent cells are numbers when their text is a plain number") {
    auto n = number_of("18", ValueKind::Money);
    REQUIRE(n);
    CHECK(n->value == Decimal::from_int(18));
    CHECK(n->places == 0);
    n = number_of("6.80", ValueKind::Money);
    REQUIRE(n);
    CHECK(n->value == *Decimal::parse("6.8"));
    CHECK(n->places == 2);
    n = number_of(" 1,239.92 ", ValueKind::Money);
    REQUIRE(n);
    CHECK(n->grouped);
    CHECK(n->value == *Decimal::parse("1239.92"));
    n = number_of("25%", ValueKind::Percent);
    REQUIRE(n);
    CHECK(n->percent);
    CHECK(n->value == *Decimal::parse("0.25"));
    n = number_of("１８", ValueKind::Integer);  // full-width digits
    REQUIRE(n);
    CHECK(n->value == Decimal::from_int(18));
    // Everything else stays text, exactly as filed.
    for (const char* text : {"", "  ", "2万", "—", "……", "≥90%", "18万元", "约18", "1,23", "0.0000001"}) {
        INFO(text);
        CHECK_FALSE(number_of(text, ValueKind::Money));
    }
    CHECK_FALSE(number_of("25%", ValueKind::Money));         // a % is a percent cell's business
    CHECK_FALSE(number_of("2024", ValueKind::Year));         // a year is not an amount
    CHECK_FALSE(number_of("0513-69818080", ValueKind::Phone));
    CHECK_FALSE(number_of("90", ValueKind::Target));
    CHECK_FALSE(number_of("12.34567%", ValueKind::Percent));  // 0.1234567 would not be exact
}

TEST_CASE("export-1.5 a free-rows table prints the template's total row with the exact sums") {
    // Nantong, first filing: 4 expense lines, 1.5 + 2 + 1 + 5 and 3 + 4 + 2 + 10.
    const auto items = export_test::one_per_template();
    const auto it = std::find_if(items.begin(), items.end(), [](auto& i) { return i.spec->id == "nantong-project"; });
    REQUIRE(it != items.end());
    const Layout layout = build_layout(*it->filing, *it->spec);
    const LayoutRow* total = nullptr;
    for (const auto& row : layout.rows)
        if (!row.cells.empty() && row.cells[0].role == CellRole::Total) total = &row;
    REQUIRE(total);
    REQUIRE(total->cells.size() == 3);
    CHECK(total->cells[0].text == "合计");
    CHECK(total->cells[1].text == "9.5");
    CHECK(total->cells[2].text == "19");
    REQUIRE(total->cells[2].number);
    CHECK(total->cells[2].number->value == Decimal::from_int(19));
}

TEST_CASE("export-1.6 fixed rows print their labels indented as the template says") {
    const auto spec = export_test::shipped_template("nantong-project");
    Filing f;
    f.template_id = spec->id;
    const Layout layout = build_layout(f, *spec);
    std::map<std::string, int> indent;
    for (const auto& row : layout.rows)
        for (const auto& c : row.cells)
            if (c.role == CellRole::Label) indent[c.text] = c.indent;
    CHECK(indent["资金总额"] == 0);
    CHECK(indent["财政拨款 小计"] == 1);
    CHECK(indent["一般公共预算资金"] == 2);
    // An empty free-rows table still prints one line to fill in, and no values.
    for (const auto& row : layout.rows)
        for (const auto& c : row.cells) CHECK((c.text.empty() || c.path.empty()));
}

TEST_CASE("export-1.7 printed width counts CJK and full-width characters twice") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("项目") == 4);
    CHECK(display_width("≥90％") == 5);  // ≥ narrow, ％ full-width
}

TEST_CASE("export-1.8 sheet names are valid for Excel and unique") {
    const auto names = sheet_names({"信息化管理专项经费", "信息化管理专项经费", "a[b]c:d*e?f/g\\h",
                                    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "", "'quoted'", "History",
                                    "INFO", "info"});
    REQUIRE(names.size() == 9);
    CHECK(names[0] == "信息化管理专项经费");
    CHECK(names[1] == "信息化管理专项经费 (2)");
    CHECK(names[2] == "a_b_c_d_e_f_g_h");
    CHECK(names[3] == "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");  // 31 characters
    CHECK(names[4] == "填报 5");
    CHECK(names[5] == "quoted");
    CHECK(names[6] == "History (2)");  // reserved by Excel
    CHECK(names[7] == "INFO");
    CHECK(names[8] == "info (2)");  // Excel compares names without case
}
