// The form editor: renders any template's blocks for the open filing — header fields by
// kind, fixed- and free-row tables with totals computed by the core, the indicator tree
// grouped by level 1 and 2, the spending plan, and the template's computed values.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/filing_facts.h"
#include "core/sums.h"
#include "ui/view_grid.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace formwork::ui {

namespace {

// The long-text editor: wrapped text in the form, edited in a large box in a popup (ImGui
// 1.86 cannot wrap inside a multi-line input).
struct LongTextEditor {
    std::string path;
    std::string field;
    std::string buffer;
    bool open_request = false;
};

LongTextEditor& long_text_editor() {
    static LongTextEditor editor;
    return editor;
}

void draw_long_text(App& app, const FieldSpec& f, const std::string& value) {
    const std::string path = "f/" + f.id;
    ImGui::PushID(path.c_str());
    if (app.focus_path == path) {
        ImGui::SetScrollHereY(0.3f);
        app.focus_path.clear();
    }
    if (ImGui::SmallButton(app.tr(Str::Edit))) {
        auto& ed = long_text_editor();
        ed.path = path;
        ed.field = f.id;
        ed.buffer = value;
        ed.open_request = true;
    }
    problem_marker(app, path);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(value.empty() ? "—" : value.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopID();
}

void draw_long_text_popup(App& app) {
    auto& ed = long_text_editor();
    if (ed.open_request) {
        ImGui::OpenPopup("##longtext");
        ed.open_request = false;
    }
    const ImVec2 size(ImGui::GetIO().DisplaySize.x * 0.6f, ImGui::GetIO().DisplaySize.y * 0.5f);
    ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
    if (ImGui::BeginPopupModal("##longtext", nullptr, ImGuiWindowFlags_NoTitleBar)) {
        ImGui::InputTextMultiline("##buf", &ed.buffer, ImVec2(-1, size.y - 4 * ImGui::GetFrameHeightWithSpacing()));
        if (ImGui::Button(app.tr(Str::Ok)) && app.session) {
            app.session->set_field(ed.field, ed.buffer);
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(app.tr(Str::Cancel)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void draw_enum(App& app, const FieldSpec& f, const std::string& value, float width) {
    const std::string path = "f/" + f.id;
    ImGui::SetNextItemWidth(width);
    ImGui::PushID(path.c_str());
    if (app.focus_path == path) {
        ImGui::SetScrollHereY(0.3f);
        app.focus_path.clear();
    }
    if (ImGui::BeginCombo("##enum", value.empty() ? "—" : value.c_str())) {
        bool listed = false;
        for (const auto& option : f.options) {
            listed |= option == value;
            if (ImGui::Selectable(option.c_str(), option == value)) app.session->set_field(f.id, option);
        }
        if (!listed && !value.empty()) ImGui::TextDisabled("%s", value.c_str());  // as filed, not an option
        ImGui::EndCombo();
    }
    ImGui::PopID();
    problem_marker(app, path);
}

void draw_fields(App& app, const BlockSpec& b) {
    const Filing& filing = app.session->filing();
    if (!ImGui::BeginTable(b.id.c_str(), 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 11);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& f : b.fields) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(f.label.c_str());
        if (f.required) {
            ImGui::SameLine(0, 2);
            ImGui::TextColored(severity_color("error"), "*");
        }
        if (!f.help.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.help.c_str());
        ImGui::TableNextColumn();
        const std::string& value = filing.field(f.id);
        const float width = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 2;
        if (f.kind == ValueKind::LongText) draw_long_text(app, f, value);
        else if (f.kind == ValueKind::Enum) draw_enum(app, f, value, width);
        else
            value_input(app, "f/" + f.id, value, f.kind, width,
                        [&](const std::string& text, const std::string& key) { app.session->set_field(f.id, text, key); });
    }
    ImGui::EndTable();
}

// A column's total, right-aligned under the figures it sums.
void draw_total_cell(const Table* table, const std::string& column, Lang lang) {
    const ColumnSum sum = table ? sum_column(*table, column) : ColumnSum{};
    const std::string text = sum.overflow ? tr(Str::Overflow, lang) : sum.total.to_string() + (sum.not_numbers.empty() ? "" : " ?");
    const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(text.c_str()).x - ImGui::GetStyle().FramePadding.x;
    if (room > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room);
    if (sum.overflow) ImGui::TextColored(severity_color("error"), "%s", text.c_str());
    else if (!sum.not_numbers.empty()) ImGui::TextColored(severity_color("warning"), "%s", text.c_str());
    else ImGui::TextUnformatted(text.c_str());
}

bool is_total_column(const BlockSpec& b, const std::string& column) {
    return std::find(b.total_columns.begin(), b.total_columns.end(), column) != b.total_columns.end();
}

void draw_table(App& app, const BlockSpec& b, const GridModel& grid) {
    const Table* table = app.session->filing().find_table(b.id);
    const size_t rows = table ? table->rows.size() : 0;
    const bool fixed = b.fixed_rows();
    if (!b.unit.empty()) ImGui::TextDisabled("%s%s", app.tr(Str::UnitPrefix), b.unit.c_str());
    problem_marker(app, "t/" + b.id);
    GridDecor decor;
    if (fixed) {
        decor.leading_label = b.label.c_str();
        decor.leading = [&](size_t r) {
            const float indent = static_cast<float>(b.rows[r].indent) * ImGui::GetFontSize() + 0.001f;
            ImGui::Indent(indent);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(b.rows[r].label.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Unindent(indent);
        };
    } else {
        decor.trailing_width = ImGui::GetFontSize() * 5;
        decor.trailing = [&](size_t r) {
            if (ImGui::SmallButton("↑") && r > 0) app.session->move_row(b.id, r, -1);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::MoveUp));
            ImGui::SameLine(0, 2);
            if (ImGui::SmallButton("↓") && r + 1 < rows) app.session->move_row(b.id, r, +1);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::MoveDown));
            ImGui::SameLine(0, 2);
            if (ImGui::SmallButton("×")) app.session->remove_row(b.id, r);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::RemoveRow));
        };
        if (!b.total_columns.empty())
            decor.footer = [&] {
                ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
                for (const auto& c : b.columns) {
                    ImGui::TableNextColumn();
                    if (is_total_column(b, c.id)) draw_total_cell(table, c.id, app.lang);
                    else if (&c == &b.columns.front())
                        ImGui::TextUnformatted(b.total_label.empty() ? app.tr(Str::Total) : b.total_label.c_str());
                }
                ImGui::TableNextColumn();
            };
    }
    draw_grid(app, grid, decor);
    if (!fixed && ImGui::Button(app.tr(Str::AddRow))) app.session->add_row(b.id, rows);
}

void draw_spending_plan(App& app, const GridModel& grid) {
    draw_grid(app, grid, GridDecor{});
}

void draw_indicators(App& app, const BlockSpec& b, const GridModel& grid) {
    const IndicatorsSpec& spec = b.indicators;
    const auto& indicators = app.session->filing().indicators;
    GridDecor decor;
    decor.column_label = [&](size_t col) -> const char* {
        return col == 0 ? app.tr(Str::Level1) : col == 1 ? app.tr(Str::Level2) : col == 2 ? app.tr(Str::Level3) : nullptr;
    };
    // Level 1 and 2 are shown on the first row of their group only, as printed forms do.
    decor.shown = [&](size_t i, size_t col) {
        if (col > 1 || i == 0 || i >= indicators.size()) return true;
        const bool new_l1 = indicators[i - 1].level1 != indicators[i].level1;
        return col == 0 ? new_l1 : new_l1 || indicators[i - 1].level2 != indicators[i].level2;
    };
    decor.trailing_width = ImGui::GetFontSize() * 3.2f;
    decor.trailing = [&](size_t i) {
        if (ImGui::SmallButton("+")) {
            Indicator fresh;
            fresh.level1 = indicators[i].level1;
            fresh.level2 = indicators[i].level2;
            app.session->add_indicator(i + 1, fresh);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::AddIndicator));
        ImGui::SameLine(0, 2);
        if (ImGui::SmallButton("×")) app.session->remove_indicator(i);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::RemoveRow));
    };
    draw_grid(app, grid, decor);
    if (ImGui::Button(app.tr(Str::AddIndicator))) {
        Indicator fresh;
        if (!spec.tree.empty()) fresh.level1 = spec.tree.front().name;
        app.session->add_indicator(indicators.size(), fresh);
    }
}

// Resolves a template reference to an exact value: a free-rows column is summed, a field or a
// fixed cell is read; false when a cell is not a number.
bool evaluate(const Filing& f, const FormSpec& spec, const std::string& ref, Decimal& out) {
    const size_t dot = ref.find('.');
    if (const BlockSpec* b = spec.find_block(ref.substr(0, dot)); b && !b->fixed_rows() && ref.find('.', dot + 1) == std::string::npos) {
        const Table* t = f.find_table(b->id);
        const ColumnSum s = t ? sum_column(*t, ref.substr(dot + 1)) : ColumnSum{};
        out = s.total;
        return s.clean();
    }
    const std::string* text = referenced_text(f, spec, ref);
    const ColumnSum s = sum_values({text ? *text : std::string()});
    out = s.total;
    return s.clean();
}

void draw_computed(App& app, const FormSpec& spec) {
    if (spec.computed.empty()) return;
    if (!ImGui::CollapsingHeader(app.tr(Str::Computed), ImGuiTreeNodeFlags_DefaultOpen)) return;
    const Filing& f = app.session->filing();
    for (const auto& c : spec.computed) {
        Decimal a, b;
        std::string shown = "—";
        if (c.kind == ComputedSpec::Kind::Sum) {
            if (evaluate(f, spec, c.of, a)) shown = a.to_string();
        } else if (evaluate(f, spec, c.numerator, a) && evaluate(f, spec, c.denominator, b) && !b.is_zero()) {
            try {
                shown = percent(a, b, std::max(0, c.places - 2)).to_string() + "%";
            } catch (const std::exception&) {
            }
        }
        ImGui::BulletText("%s%s%s", c.label.c_str(), app.tr(Str::Colon), shown.c_str());
    }
}

}  // namespace

void draw_form(App& app) {
    draw_long_text_popup(app);
    draw_grid_popups(app);
    if (!app.session) {
        ImGui::TextDisabled("%s", app.tr(Str::NoFilingOpen));
        return;
    }
    const FormSpec* spec = app.session->spec();
    if (!spec) {
        ImGui::TextColored(severity_color("error"), "%s%s%s", app.tr(Str::TemplateMissing), app.tr(Str::Colon),
                           app.session->filing().template_id.c_str());
        return;
    }
    ImGui::TextUnformatted(spec->title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s v%d · %s", spec->id.c_str(), spec->version, spec->money_unit.c_str());
    problem_marker(app, "");
    draw_version_banner(app);
    ImGui::Separator();
    for (const auto& b : spec->blocks) {
        ImGui::PushID(b.id.c_str());
        const char* label = b.label.empty() ? app.tr(Str::FieldsBlock) : b.label.c_str();
        if (ImGui::CollapsingHeader(label, ImGuiTreeNodeFlags_DefaultOpen)) {
            switch (b.kind) {
                case BlockKind::Fields: draw_fields(app, b); break;
                case BlockKind::Table: draw_table(app, b, *GridModel::of(b, *spec)); break;
                case BlockKind::Indicators: draw_indicators(app, b, *GridModel::of(b, *spec)); break;
                case BlockKind::SpendingPlan: draw_spending_plan(app, *GridModel::of(b, *spec)); break;
            }
        }
        ImGui::PopID();
    }
    draw_computed(app, *spec);
    for (const auto& n : app.session->filing().notes) ImGui::TextDisabled("[%s] %s", n.kind.c_str(), n.text.c_str());
}

}  // namespace formwork::ui
