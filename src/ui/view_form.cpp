// The form editor: renders any template's blocks for the open filing — header fields by
// kind, fixed- and free-row tables with totals computed by the core, the indicator tree
// grouped by level 1 and 2, the spending plan, and the template's computed values.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/filing_facts.h"
#include "core/sums.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace formwork::ui {

namespace {

std::string cell_path(const std::string& table, size_t row, const std::string& column) {
    return "t/" + table + "/" + std::to_string(row) + "/" + column;
}

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

void draw_total_cell(const Table* table, const std::string& column) {
    const ColumnSum sum = table ? sum_column(*table, column) : ColumnSum{};
    if (sum.overflow) ImGui::TextColored(severity_color("error"), "overflow");
    else if (!sum.not_numbers.empty()) ImGui::TextColored(severity_color("warning"), "%s ?", sum.total.to_string().c_str());
    else ImGui::Text("%s", sum.total.to_string().c_str());
}

void draw_table(App& app, const BlockSpec& b) {
    const Filing& filing = app.session->filing();
    const Table* table = filing.find_table(b.id);
    const size_t rows = table ? table->rows.size() : 0;
    const bool fixed = b.fixed_rows();
    const int columns = static_cast<int>(b.columns.size()) + (fixed ? 1 : 0) + (fixed ? 0 : 1);
    if (!b.unit.empty()) ImGui::TextDisabled("单位：%s", b.unit.c_str());
    problem_marker(app, "t/" + b.id);
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(b.id.c_str(), columns, flags)) return;
    if (fixed) ImGui::TableSetupColumn(b.label.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    for (const auto& c : b.columns)
        ImGui::TableSetupColumn(c.label.c_str(), ImGuiTableColumnFlags_WidthStretch,
                                c.kind == ValueKind::Text || c.kind == ValueKind::LongText ? 3.0f : 1.0f);
    if (!fixed) ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
    ImGui::TableHeadersRow();

    auto draw_row = [&](size_t r) {
        ImGui::TableNextRow();
        ImGui::PushID(static_cast<int>(r));
        if (fixed) {
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Indent(static_cast<float>(b.rows[r].indent) * ImGui::GetFontSize() + 0.001f);
            ImGui::TextUnformatted(b.rows[r].label.c_str());
            ImGui::Unindent(static_cast<float>(b.rows[r].indent) * ImGui::GetFontSize() + 0.001f);
        }
        for (const auto& c : b.columns) {
            ImGui::TableNextColumn();
            const std::string value = table && r < table->rows.size() ? table->rows[r].cell(c.id) : std::string();
            value_input(app, cell_path(b.id, r, c.id), value, c.kind, -ImGui::GetFontSize() * 1.5f,
                        [&](const std::string& text, const std::string& key) { app.session->set_cell(b.id, r, c.id, text, key); });
        }
        if (!fixed) {
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("↑") && r > 0) app.session->move_row(b.id, r, -1);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::MoveUp));
            ImGui::SameLine(0, 2);
            if (ImGui::SmallButton("↓") && r + 1 < rows) app.session->move_row(b.id, r, +1);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::MoveDown));
            ImGui::SameLine(0, 2);
            if (ImGui::SmallButton("×")) app.session->remove_row(b.id, r);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::RemoveRow));
        }
        ImGui::PopID();
    };
    const size_t shown = fixed ? b.rows.size() : rows;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown));
    while (clipper.Step())
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) draw_row(static_cast<size_t>(r));

    if (!fixed && !b.total_columns.empty()) {
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (const auto& c : b.columns) {
            ImGui::TableNextColumn();
            if (&c == &b.columns.front() && std::find(b.total_columns.begin(), b.total_columns.end(), c.id) == b.total_columns.end())
                ImGui::TextUnformatted(b.total_label.empty() ? app.tr(Str::Total) : b.total_label.c_str());
            else if (std::find(b.total_columns.begin(), b.total_columns.end(), c.id) != b.total_columns.end())
                draw_total_cell(table, c.id);
        }
        ImGui::TableNextColumn();
    }
    ImGui::EndTable();
    if (!fixed && ImGui::Button(app.tr(Str::AddRow))) app.session->add_row(b.id, rows);
}

void draw_spending_plan(App& app, const BlockSpec& b) {
    const Filing& filing = app.session->filing();
    const Table* table = filing.find_table(b.id);
    if (!ImGui::BeginTable(b.id.c_str(), static_cast<int>(b.columns.size()), ImGuiTableFlags_Borders)) return;
    for (const auto& c : b.columns) ImGui::TableSetupColumn(c.label.c_str());
    ImGui::TableHeadersRow();
    ImGui::TableNextRow();
    for (const auto& c : b.columns) {
        ImGui::TableNextColumn();
        const std::string value = table && !table->rows.empty() ? table->rows[0].cell(c.id) : std::string();
        value_input(app, cell_path(b.id, 0, c.id), value, ValueKind::Percent, -ImGui::GetFontSize() * 1.5f,
                    [&](const std::string& text, const std::string& key) { app.session->set_cell(b.id, 0, c.id, text, key); });
    }
    ImGui::EndTable();
}

// A combo choosing a level-1 or level-2 category from the template's tree; the filed text
// stays even when the tree does not list it.
bool category_combo(const char* id, std::string& value, const std::vector<std::string>& choices) {
    bool changed = false;
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo(id, value.c_str())) {
        for (const auto& c : choices)
            if (ImGui::Selectable(c.c_str(), c == value)) {
                value = c;
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

void draw_indicators(App& app, const BlockSpec& b) {
    const IndicatorsSpec& spec = b.indicators;
    const auto& indicators = app.session->filing().indicators;
    std::vector<std::string> level1_names;
    for (const auto& l1 : spec.tree) level1_names.push_back(l1.name);
    const int columns = 3 + static_cast<int>(spec.periods.size() + spec.extra.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(b.id.c_str(), columns, flags)) return;
    ImGui::TableSetupColumn(app.tr(Str::Level1), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn(app.tr(Str::Level2), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn(app.tr(Str::Level3), ImGuiTableColumnFlags_WidthStretch, 2.2f);
    for (const auto& p : spec.periods) ImGui::TableSetupColumn(p.label.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    for (const auto& x : spec.extra) ImGui::TableSetupColumn(x.label.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3.2f);
    ImGui::TableHeadersRow();

    auto draw_row = [&](size_t i) {
        const Indicator& ind = indicators[i];
        const std::string base = "i/" + std::to_string(i) + "/";
        ImGui::TableNextRow();
        ImGui::PushID(static_cast<int>(i));
        // Level 1 and 2 are shown on the first row of their group only, as printed forms do.
        const bool new_l1 = i == 0 || indicators[i - 1].level1 != ind.level1;
        const bool new_l2 = new_l1 || indicators[i - 1].level2 != ind.level2;
        ImGui::TableNextColumn();
        if (new_l1) {
            std::string v = ind.level1;
            if (category_combo("##l1", v, level1_names)) {
                Indicator copy = ind;
                copy.level1 = v;
                app.session->set_indicator(i, copy);
            }
            problem_marker(app, base + "l1");
        }
        ImGui::TableNextColumn();
        if (new_l2) {
            std::vector<std::string> l2names;
            for (const auto& l1 : spec.tree)
                if (l1.name == ind.level1)
                    for (const auto& l2 : l1.level2) l2names.push_back(l2.name);
            std::string v = ind.level2;
            if (category_combo("##l2", v, l2names)) {
                Indicator copy = ind;
                copy.level2 = v;
                app.session->set_indicator(i, copy);
            }
            problem_marker(app, base + "l2");
        }
        ImGui::TableNextColumn();
        value_input(app, base + "name", ind.name, ValueKind::Text, -ImGui::GetFontSize() * 1.5f,
                    [&](const std::string& text, const std::string& key) {
                        Indicator copy = ind;
                        copy.name = text;
                        app.session->set_indicator(i, copy, key);
                    });
        for (const auto& p : spec.periods) {
            ImGui::TableNextColumn();
            auto it = ind.targets.find(p.id);
            value_input(app, base + "t/" + p.id, it == ind.targets.end() ? std::string() : it->second, ValueKind::Target,
                        -ImGui::GetFontSize() * 1.5f, [&](const std::string& text, const std::string& key) {
                            Indicator copy = ind;
                            copy.targets[p.id] = text;
                            app.session->set_indicator(i, copy, key);
                        });
        }
        for (const auto& x : spec.extra) {
            ImGui::TableNextColumn();
            auto it = ind.extra.find(x.id);
            value_input(app, base + "x/" + x.id, it == ind.extra.end() ? std::string() : it->second, x.kind,
                        -ImGui::GetFontSize() * 1.5f, [&](const std::string& text, const std::string& key) {
                            Indicator copy = ind;
                            copy.extra[x.id] = text;
                            app.session->set_indicator(i, copy, key);
                        });
        }
        ImGui::TableNextColumn();
        if (ImGui::SmallButton("+")) {
            Indicator fresh;
            fresh.level1 = ind.level1;
            fresh.level2 = ind.level2;
            app.session->add_indicator(i + 1, fresh);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::AddIndicator));
        ImGui::SameLine(0, 2);
        if (ImGui::SmallButton("×")) app.session->remove_indicator(i);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::RemoveRow));
        ImGui::PopID();
    };
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(indicators.size()));
    while (clipper.Step())
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) draw_row(static_cast<size_t>(r));
    ImGui::EndTable();
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
        ImGui::BulletText("%s：%s", c.label.c_str(), shown.c_str());
    }
}

}  // namespace

void draw_form(App& app) {
    draw_long_text_popup(app);
    if (!app.session) {
        ImGui::TextDisabled("%s", app.tr(Str::NoFilingOpen));
        return;
    }
    const FormSpec* spec = app.session->spec();
    if (!spec) {
        ImGui::TextColored(severity_color("error"), "%s：%s", app.tr(Str::TemplateMissing),
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
                case BlockKind::Table: draw_table(app, b); break;
                case BlockKind::Indicators: draw_indicators(app, b); break;
                case BlockKind::SpendingPlan: draw_spending_plan(app, b); break;
            }
        }
        ImGui::PopID();
    }
    draw_computed(app, *spec);
    for (const auto& n : app.session->filing().notes) ImGui::TextDisabled("[%s] %s", n.kind.c_str(), n.text.c_str());
}

}  // namespace formwork::ui
