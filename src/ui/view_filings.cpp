// The filing list: search by title (or department), filter by template and year, sort by any
// column, and each filing's problem counts (errors, warnings, info) with a legend saying
// what they count; a click opens a filing.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <set>

#include "ui/display_names.h"
#include "ui/filing_sort.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace formwork::ui {

namespace {

struct FilingFilter {
    std::string search;
    std::string template_id;
    std::string year;
    std::string status;  // a status code, "" for all

    bool operator==(const FilingFilter&) const = default;
};

// The rows shown, filtered and sorted, kept until something they depend on changes, so that
// a large list is not sorted again on every frame.
struct ShownRows {
    std::vector<FilingRow> rows;
    FilingFilter filter;
    std::uint64_t data_version = ~std::uint64_t{0};
    std::uint64_t counts_version = ~std::uint64_t{0};
    int column = -1;  // a FilingColumn, or -1: unsorted (id order, as stored)
    bool descending = false;
};

FilingFilter& filter() {
    static FilingFilter f;
    return f;
}

ShownRows& shown_rows() {
    static ShownRows s;
    return s;
}

bool matches(const App& app, const store::FilingSummary& s, const FilingFilter& f) {
    if (!f.template_id.empty() && s.template_id != f.template_id) return false;
    if (!f.year.empty() && s.year != f.year) return false;
    if (!f.status.empty() && s.status != f.status) return false;
    if (!f.search.empty() && s.title.find(f.search) == std::string::npos &&
        app.counts.department_of(s.id).find(f.search) == std::string::npos)
        return false;
    return true;
}

// Refilters and resorts when the stored list, the counts, the filter or the sort changed.
const std::vector<FilingRow>& rows_for(App& app, const FilingFilter& f, int column, bool descending) {
    ShownRows& s = shown_rows();
    if (s.data_version == app.data_version && s.counts_version == app.counts.version() && s.filter == f &&
        s.column == column && s.descending == descending)
        return s.rows;
    s.data_version = app.data_version;
    s.counts_version = app.counts.version();
    s.filter = f;
    s.column = column;
    s.descending = descending;
    s.rows.clear();
    for (const auto& summary : app.filings)
        if (matches(app, summary, f)) s.rows.push_back({&summary, app.counts.count_of(summary.id)});
    if (column >= 0) sort_filings(s.rows, static_cast<FilingColumn>(column), descending);
    return s.rows;
}

// "错误 2 · 警告 1 · 提示 0": what a row's coloured numbers stand for.
std::string spelled_counts(const App& app, const FilingCounts& c) {
    return std::string(app.tr(Str::Error)) + " " + std::to_string(c.errors) + " · " + app.tr(Str::Warning) + " " +
           std::to_string(c.warnings) + " · " + app.tr(Str::Info) + " " + std::to_string(c.infos);
}

// The legend above the list: the colours of the counts, each word in its colour.
void draw_legend(const App& app) {
    ImGui::TextDisabled("%s", app.tr(Str::CountsLegend));
    bool hovered = ImGui::IsItemHovered();
    for (const char* severity : {"error", "warning", "info"}) {
        ImGui::SameLine();
        const Str word = severity[0] == 'e' ? Str::Error : severity[0] == 'w' ? Str::Warning : Str::Info;
        ImGui::TextColored(severity_color(severity), "%s", app.tr(word));
        hovered = hovered || ImGui::IsItemHovered();
    }
    if (hovered) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
        ImGui::TextUnformatted(app.tr(Str::CountsTip));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void draw_counts(const App& app, const std::optional<FilingCounts>& c) {
    if (!c) {
        ImGui::TextDisabled("%s", app.tr(Str::CountsPending));
        return;
    }
    if (c->damaged) {
        ImGui::TextColored(severity_color("error"), "%s", app.tr(Str::Damaged));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::DamagedTip));
        return;
    }
    ImGui::BeginGroup();
    bool any = false;
    for (const auto& [severity, n] : {std::pair{"error", c->errors}, {"warning", c->warnings}, {"info", c->infos}}) {
        if (!n) continue;
        if (any) ImGui::SameLine(0, 4);
        ImGui::TextColored(severity_color(severity), "%d", n);
        any = true;
    }
    if (!any) ImGui::TextDisabled("0");
    ImGui::EndGroup();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", spelled_counts(app, *c).c_str());
}

}  // namespace

void draw_filings(App& app) {
    FilingFilter& f = filter();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##search", app.tr(Str::Search), &f.search);
    const auto labels = template_labels(app.templates, app.lang);  // for the rows' tooltips
    const float half = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
    ImGui::SetNextItemWidth(half);
    template_combo(app, "##tpl", labels, f.template_id);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    year_combo(app, "##year", f.year);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    const auto chosen_status = store::parse_status(f.status);
    if (ImGui::BeginCombo("##status", chosen_status ? app.tr(status_word(*chosen_status)) : app.tr(Str::AllStatuses))) {
        if (ImGui::Selectable(app.tr(Str::AllStatuses), f.status.empty())) f.status.clear();
        for (auto s : {store::Status::Draft, store::Status::Submitted, store::Status::Approved, store::Status::Returned})
            if (ImGui::Selectable(app.tr(status_word(s)), f.status == store::status_code(s))) f.status = store::status_code(s);
        ImGui::EndCombo();
    }
    if (app.filings.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", app.tr(Str::NoFilings));
        ImGui::PopTextWrapPos();
        return;
    }
    draw_legend(app);
    // Sortable by any column; a third click on a header goes back to the stored order.
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate;
    if (!ImGui::BeginTable("filings", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // The title takes what the year and the counts leave; those two are as wide as their
    // header with its sort arrow, or as "2024" and "12 34 5".
    auto fitted = [&app](Str header, const char* sample) {
        return std::max(ImGui::CalcTextSize(app.tr(header)).x, ImGui::CalcTextSize(sample).x) + ImGui::GetFontSize();
    };
    ImGui::TableSetupColumn(app.tr(Str::ColTitle), ImGuiTableColumnFlags_WidthStretch, 1.0f, static_cast<ImGuiID>(FilingColumn::Title));
    ImGui::TableSetupColumn(app.tr(Str::ColYear), ImGuiTableColumnFlags_WidthFixed, fitted(Str::ColYear, "0000"),
                            static_cast<ImGuiID>(FilingColumn::Year));
    // The workflow status, not sorted (the filter picks one).
    ImGui::TableSetupColumn(app.tr(Str::ColStatus), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort,
                            fitted(Str::ColStatus, app.tr(Str::StatusSubmitted)), 100);
    // The worst first on the first click.
    ImGui::TableSetupColumn(app.tr(Str::ColProblems), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending,
                            fitted(Str::ColProblems, "00 00 0"), static_cast<ImGuiID>(FilingColumn::Problems));
    // The header row by hand, so that the problems header explains its counts on hover.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int column = 0; column < 4; ++column) {
        ImGui::TableSetColumnIndex(column);
        ImGui::TableHeader(ImGui::TableGetColumnName(column));
        if (column == 3 && ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ImGui::TextUnformatted(app.tr(Str::CountsTip));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    int column = -1;
    bool descending = false;
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
        specs->SpecsDirty = false;  // rows_for() notices the change itself
        if (specs->SpecsCount > 0) {
            column = static_cast<int>(specs->Specs[0].ColumnUserID);
            descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        }
    }
    const std::vector<FilingRow>& shown = rows_for(app, f, column, descending);
    const std::int64_t open_id = app.session ? app.session->filing().id : 0;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& s = *shown[static_cast<size_t>(i)].summary;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(s.id));
            const std::string label = (s.title.empty() ? "#" + std::to_string(s.id) : s.title);
            if (ImGui::Selectable(label.c_str(), s.id == open_id, ImGuiSelectableFlags_SpanAllColumns))
                if (s.id != open_id) {
                    const std::int64_t id = s.id;
                    app.run_guarded([&app, id] { app.open_filing(id); });
                }
            if (ImGui::IsItemHovered()) {
                const auto it = labels.find(s.template_id);  // a template no longer loaded: its id
                ImGui::SetTooltip("%s\n%s", s.title.c_str(), (it == labels.end() ? s.template_id : it->second).c_str());
            }
            ImGui::PopID();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.year.c_str());
            ImGui::TableNextColumn();
            const auto status = store::parse_status(s.status).value_or(store::Status::Draft);
            if (status == store::Status::Draft) ImGui::TextDisabled("%s", app.tr(status_word(status)));
            else ImGui::TextUnformatted(app.tr(status_word(status)));
            if (!s.status_reason.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.status_reason.c_str());
            ImGui::TableNextColumn();
            // Read live (not from the cached rows): the open filing's count follows its edits.
            draw_counts(app, app.counts.count_of(s.id));
        }
    }
    ImGui::EndTable();
}

}  // namespace formwork::ui
