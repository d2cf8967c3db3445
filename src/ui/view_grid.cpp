// Table blocks as a spreadsheet grid (see view_grid.h). One grid at a time has the cursor; the
// keys go to it while the form window has focus and no other text box is active. An edit is
// committed when the cell is left (Enter, Tab, an arrow, a click elsewhere) and is one undo
// step; a paste, fill or clear is one step too.
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>

#include "core/utf8.h"
#include "ui/clipboard.h"
#include "core/place_label.h"
#include "ui/view_grid.h"
#include "ui/widgets.h"

namespace formwork::ui {

namespace {

struct GridCursor {
    const EditSession* session = nullptr;  // the filing it belongs to; another one resets it
    std::string block;                     // the grid with the cursor; empty: none
    size_t row = 0, col = 0;               // the cursor
    size_t anchor_row = 0, anchor_col = 0; // the selection's other corner
    bool editing = false;
    bool typed = false;       // the edit began by typing: arrows leave the cell, as in Excel
    bool focus_edit = false;  // the edit box takes the keyboard this frame
    bool place_cursor = false;
    bool scroll_to = false;  // bring the cursor into view
    int scroll_tries = 0;
    bool dragging = false;
    std::string buffer;
    std::string refused;  // why the edit could not be committed

    GridRange selection() const { return GridRange::of(row, col, anchor_row, anchor_col); }
};

GridCursor& cursor() {
    static GridCursor c;
    return c;
}

struct RefusedList {
    bool open_request = false;
    std::vector<std::array<std::string, 3>> rows;  // cell, value, reason
};

RefusedList& refused_list() {
    static RefusedList r;
    return r;
}

const char* reason_text(App& app, CellRefusal::Reason r) {
    switch (r) {
        case CellRefusal::Reason::NotANumber: return app.tr(Str::NotANumber);
        case CellRefusal::Reason::NotAPercent: return app.tr(Str::NotAPercent);
        case CellRefusal::Reason::NotAWholeNumber: return app.tr(Str::NotAWholeNumber);
        case CellRefusal::Reason::BeyondLastRow: return app.tr(Str::BeyondLastRow);
        case CellRefusal::Reason::BeyondLastColumn: return app.tr(Str::BeyondLastColumn);
    }
    return "";
}

bool is_number_kind(ValueKind k) { return k == ValueKind::Money || k == ValueKind::Integer || k == ValueKind::Percent; }

void apply(App& app, const GridModel& grid, const GridEdit& edit, Str done) {
    if (!app.session || app.refuse_if_read_only()) return;
    if (!edit.writes.empty())
        app.session->edit_together([&](Filing& f) {
            for (const auto& w : edit.writes) grid.set(f, w.row, w.col, w.text);
        });
    std::string message = std::string(app.tr(done)) + std::to_string(edit.writes.size());
    if (!edit.converted.empty()) {
        message += std::string(app.tr(Str::Semicolon)) + app.tr(Str::GridConverted);
        for (size_t i = 0; i < edit.converted.size() && i < 3; ++i) message += (i ? app.tr(Str::ListSep) : "") + edit.converted[i];
        if (edit.converted.size() > 3) message += " …";
    }
    if (!edit.refused.empty()) {
        message += std::string(app.tr(Str::Semicolon)) + app.tr(Str::GridRefusedTitle) + app.tr(Str::Colon) + std::to_string(edit.refused.size());
        RefusedList& list = refused_list();
        list.rows.clear();
        for (const auto& r : edit.refused) {
            const std::string where = r.col < grid.columns().size()
                                          ? path_label(grid.path(r.row, r.col), app.session->spec(), app.session->filing(), app.lang)
                                          : std::string(app.tr(Str::GridCell)) + " " + std::to_string(r.row + 1) + "/" + std::to_string(r.col + 1);
            list.rows.push_back({where, r.text, reason_text(app, r.reason)});
        }
        list.open_request = true;
    }
    app.status_message = message;
}

// Commits the cell being edited; false (and the edit stays open) when its text is refused.
bool commit_edit(App& app, const GridModel& grid) {
    GridCursor& c = cursor();
    if (!c.editing) return true;
    if (!app.session) {
        c.editing = false;
        return true;
    }
    std::string text = c.buffer;
    std::string conversion;
    if (auto why = grid.validate(c.col, text, &conversion)) {
        c.refused = std::string("“") + c.buffer + "” " + reason_text(app, *why);
        app.status_message = std::string(app.tr(Str::Refused)) + app.tr(Str::Colon) + c.refused;
        c.focus_edit = true;
        return false;
    }
    if (!conversion.empty()) app.status_message = std::string(app.tr(Str::GridConverted)) + conversion;
    c.editing = false;
    c.refused.clear();
    if (text != grid.text(app.session->filing(), c.row, c.col) && !app.refuse_if_read_only()) {
        const size_t row = c.row, col = c.col;
        app.session->edit_together([&](Filing& f) { grid.set(f, row, col, text); });
    }
    return true;
}

void start_edit(const GridModel& grid, const Filing& f, std::string text, bool typed) {
    GridCursor& c = cursor();
    c.editing = true;
    c.typed = typed;
    c.buffer = typed ? std::move(text) : grid.text(f, c.row, c.col);
    c.focus_edit = c.place_cursor = true;
    c.refused.clear();
    c.anchor_row = c.row;
    c.anchor_col = c.col;
}

void move(const GridModel& grid, const Filing& f, long dr, long dc, bool extend) {
    GridCursor& c = cursor();
    const long rows = static_cast<long>(std::max<size_t>(grid.rows(f), 1));
    const long cols = static_cast<long>(grid.columns().size());
    long r = static_cast<long>(c.row) + dr, col = static_cast<long>(c.col) + dc;
    c.row = static_cast<size_t>(std::clamp(r, 0L, rows - 1));
    c.col = static_cast<size_t>(std::clamp(col, 0L, cols - 1));
    if (!extend) {
        c.anchor_row = c.row;
        c.anchor_col = c.col;
    }
    c.scroll_to = true;
}

// Tab and Shift+Tab walk the row and continue on the next or previous one.
void tab(const GridModel& grid, const Filing& f, bool back) {
    GridCursor& c = cursor();
    const size_t cols = grid.columns().size();
    if (!back && c.col + 1 < cols) move(grid, f, 0, 1, false);
    else if (back && c.col > 0) move(grid, f, 0, -1, false);
    else if (!back && c.row + 1 < grid.rows(f)) move(grid, f, 1, -static_cast<long>(cols - 1), false);
    else if (back && c.row > 0) move(grid, f, -1, static_cast<long>(cols - 1), false);
}

bool key(int imgui_key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(imgui_key)); }

std::string utf8_of(const ImVector<ImWchar>& chars) {
    std::string out;
    for (ImWchar w : chars)
        if (w >= 0x20) utf8::append(out, w);  // control characters are keys, not text
    return out;
}

// Keys for the grid with the cursor when no cell is being edited.
void grid_keys(App& app, const GridModel& grid) {
    GridCursor& c = cursor();
    ImGuiIO& io = ImGui::GetIO();
    const Filing& f = app.session->filing();
    const bool shift = io.KeyShift;
    if (io.KeyCtrl) {
        auto pressed = [](int k) { return ImGui::IsKeyPressed(k, false); };
        if (pressed('C') || pressed('X')) {
            put_block_on_clipboard(grid.copy(f, c.selection()));
            if (pressed('X')) apply(app, grid, grid.clear(f, c.selection()), Str::GridCleared);
        } else if (pressed('V')) {
            apply(app, grid, grid.paste(f, c.selection(), block_from_clipboard()), Str::GridPasted);
        } else if (pressed('D')) {
            apply(app, grid, grid.fill_down(f, c.selection()), Str::GridFilled);
        } else if (pressed('A')) {
            c.anchor_row = 0;
            c.anchor_col = 0;
            c.row = std::max<size_t>(grid.rows(f), 1) - 1;
            c.col = grid.columns().size() - 1;
        }
        if (key(ImGuiKey_Home)) move(grid, f, -static_cast<long>(c.row), -static_cast<long>(c.col), shift);
        if (key(ImGuiKey_End)) move(grid, f, static_cast<long>(grid.rows(f)), static_cast<long>(grid.columns().size()), shift);
        io.InputQueueCharacters.resize(0);
        return;
    }
    if (key(ImGuiKey_UpArrow)) move(grid, f, -1, 0, shift);
    if (key(ImGuiKey_DownArrow)) move(grid, f, 1, 0, shift);
    if (key(ImGuiKey_LeftArrow)) move(grid, f, 0, -1, shift);
    if (key(ImGuiKey_RightArrow)) move(grid, f, 0, 1, shift);
    if (key(ImGuiKey_PageUp)) move(grid, f, -10, 0, shift);
    if (key(ImGuiKey_PageDown)) move(grid, f, 10, 0, shift);
    if (key(ImGuiKey_Home)) move(grid, f, 0, -static_cast<long>(c.col), shift);
    if (key(ImGuiKey_End)) move(grid, f, 0, static_cast<long>(grid.columns().size()), shift);
    if (key(ImGuiKey_Tab)) tab(grid, f, shift);
    if (key(ImGuiKey_Enter) || key(ImGuiKey_KeyPadEnter)) move(grid, f, shift ? -1 : 1, 0, false);
    if (key(ImGuiKey_Delete)) apply(app, grid, grid.clear(f, c.selection()), Str::GridCleared);
    if (ImGui::IsKeyPressed(GLFW_KEY_F2)) start_edit(grid, f, {}, false);  // the GLFW backend indexes keys by GLFW code
    if (key(ImGuiKey_Backspace)) start_edit(grid, f, {}, true);
    if (key(ImGuiKey_Escape)) {
        c.anchor_row = c.row;
        c.anchor_col = c.col;
    }
    const std::string typed = utf8_of(io.InputQueueCharacters);
    io.InputQueueCharacters.resize(0);
    if (!typed.empty() && !c.editing) start_edit(grid, f, typed, true);
}

int edit_callback(ImGuiInputTextCallbackData* data) {
    GridCursor& c = cursor();
    if (c.place_cursor) {
        // Focus given by code selects everything in ImGui 1.86; the next keystroke would then
        // replace what was typed to start the edit.
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        c.place_cursor = false;
    }
    return 0;
}

// The cell being edited: an edit box; Enter, Tab and arrows commit and move, Escape cancels.
void draw_edit_cell(App& app, const GridModel& grid) {
    GridCursor& c = cursor();
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (c.focus_edit) {
        ImGui::SetKeyboardFocusHere();
        c.focus_edit = false;
    }
    const bool bad = !c.refused.empty();
    if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.55f, 0.12f, 0.12f, 0.6f));
    ImGui::PushAllowKeyboardFocus(false);  // Tab is the grid's, not ImGui's focus cycling
    ImGui::InputText("##edit", &c.buffer, ImGuiInputTextFlags_CallbackAlways, edit_callback);
    ImGui::PopAllowKeyboardFocus();
    if (bad) {
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.refused.c_str());
    }
    const bool deactivated = ImGui::IsItemDeactivated();
    if (key(ImGuiKey_Escape)) {
        c.editing = false;
        c.refused.clear();
        return;
    }
    const bool shift = ImGui::GetIO().KeyShift;
    long dr = 0, dc = 0;
    bool leave = false, tabbed = false;
    if (key(ImGuiKey_Enter) || key(ImGuiKey_KeyPadEnter)) leave = true, dr = shift ? -1 : 1;
    else if (key(ImGuiKey_Tab)) leave = tabbed = true;
    else if (key(ImGuiKey_UpArrow)) leave = true, dr = -1;
    else if (key(ImGuiKey_DownArrow)) leave = true, dr = 1;
    else if (c.typed && key(ImGuiKey_LeftArrow)) leave = true, dc = -1;
    else if (c.typed && key(ImGuiKey_RightArrow)) leave = true, dc = 1;
    if (leave) {
        if (!commit_edit(app, grid)) return;
        if (tabbed) tab(grid, app.session->filing(), shift);
        else move(grid, app.session->filing(), dr, dc, false);
        return;
    }
    if (deactivated) commit_edit(app, grid);  // a click elsewhere
}

void draw_problem_corner(App& app, const std::string& path, ImVec2 max_x_min_y) {
    const Problem* worst = worst_problem(app, path);
    if (!worst) return;
    const float s = ImGui::GetFontSize() * 0.45f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = max_x_min_y;
    dl->AddTriangleFilled(ImVec2(p.x - s, p.y), ImVec2(p.x, p.y), ImVec2(p.x, p.y + s),
                          ImGui::GetColorU32(severity_color(worst->severity)));
}

// One cell not being edited: its text wrapped to the column, numbers to the right, the
// selection shaded, the cursor framed, a problem as a coloured corner with its messages on hover.
void draw_cell(App& app, const GridModel& grid, size_t row, size_t col, bool shown) {
    GridCursor& c = cursor();
    const Filing& f = app.session->filing();
    const std::string text = shown ? grid.text(f, row, col) : std::string();
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const float width = std::max(ImGui::GetContentRegionAvail().x, 8.0f);
    const float wrap = std::max(width - pad.x * 2, 4.0f);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    const float height = std::max(ImGui::GetFrameHeight(), size.y + pad.y * 2);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(static_cast<int>(col));
    ImGui::InvisibleButton("##cell", ImVec2(width, height));
    const bool mine = c.block == grid.block_id();
    const bool is_cursor = mine && c.row == row && c.col == col;
    const bool selected = mine && c.selection().contains(row, col);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + width, pos.y + height);
    if (selected && !is_cursor) dl->AddRectFilled(pos, end, ImGui::GetColorU32(ImGuiCol_Header));
    else if (ImGui::IsItemHovered()) dl->AddRectFilled(pos, end, ImGui::GetColorU32(ImGuiCol_FrameBgHovered));
    const bool right = is_number_kind(grid.columns()[col].kind) && size.x < wrap;
    const ImVec2 at(right ? end.x - pad.x - size.x : pos.x + pad.x, pos.y + pad.y);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), nullptr, wrap);
    if (is_cursor) dl->AddRect(pos, end, ImGui::GetColorU32(ImGuiCol_NavHighlight), 0.0f, 0, 2.0f);
    const std::string path = grid.path(row, col);
    draw_problem_corner(app, path, ImVec2(end.x, pos.y));

    if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) {
        if (!c.editing || commit_edit(app, grid)) {
            const bool extend = ImGui::GetIO().KeyShift && mine;
            c.block = grid.block_id();
            c.row = row;
            c.col = col;
            if (!extend) {
                c.anchor_row = row;
                c.anchor_col = col;
            }
            c.dragging = true;
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) start_edit(grid, f, {}, false);
        }
    } else if (c.dragging && mine && ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
               ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        c.row = row;
        c.col = col;
    }
    if (ImGui::IsItemHovered() && worst_problem(app, path)) problem_tooltip(app, path);
    if (is_cursor && c.scroll_to) {
        // The table's own scrolling first, then the form's around it.
        // Done once the cell stands in view: the first frames of a window still change its
        // layout (column widths, content size), so the request is tried again for a while.
        // Two rows' room above and below the cell, so the header row shows on the first row.
        const float margin = ImGui::GetFrameHeight() * 2;
        ImRect rect(ImVec2(pos.x, pos.y - margin), ImVec2(end.x, end.y + margin));
        bool in_view = true;
        for (ImGuiWindow* w = ImGui::GetCurrentWindow(); w; w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr) {
            in_view &= w->InnerRect.Contains(rect);
            const ImVec2 moved = ImGui::ScrollToRectEx(w, rect, ImGuiScrollFlags_KeepVisibleEdgeY | ImGuiScrollFlags_KeepVisibleEdgeX);
            rect.Translate(ImVec2(-moved.x, -moved.y));
        }
        if (in_view || ++c.scroll_tries > 30) {
            c.scroll_to = false;
            c.scroll_tries = 0;
        } else {
            app.frame_requested = true;
        }
    }
    ImGui::PopID();
}

}  // namespace

void draw_grid(App& app, const GridModel& grid, const GridDecor& decor) {
    GridCursor& c = cursor();
    if (c.session != app.session.get()) {
        c = GridCursor{};
        c.session = app.session.get();
    }
    const Filing& f = app.session->filing();
    const size_t rows = grid.rows(f);
    const size_t cols = grid.columns().size();
    if (c.block == grid.block_id()) {
        c.row = std::min(c.row, std::max<size_t>(rows, 1) - 1);
        c.anchor_row = std::min(c.anchor_row, std::max<size_t>(rows, 1) - 1);
        const ImGuiIO& io = ImGui::GetIO();
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) c.dragging = false;
        const bool has_keys = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup);
        if (has_keys && !c.editing && !io.WantTextInput && rows > 0) grid_keys(app, grid);
    }

    const int columns = static_cast<int>(cols) + (decor.leading_label ? 1 : 0) + (decor.trailing_width > 0 ? 1 : 0);
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                            ImGuiTableFlags_Resizable;
    // A tall table scrolls inside itself under frozen header rows.
    const float line = ImGui::GetFrameHeight();
    const size_t visible_rows = 14;
    ImVec2 outer(0, 0);
    if (rows > visible_rows) {
        flags |= ImGuiTableFlags_ScrollY;
        outer.y = line * static_cast<float>(visible_rows + 1) + ImGui::GetStyle().CellPadding.y * 2 * static_cast<float>(visible_rows + 1);
    }
    if (!app.focus_path.empty()) {
        // A problem clicked in the problems panel (or --focus): the cursor goes to its cell,
        // found here because a table scrolled out of view draws no cells.
        for (size_t r = 0; r < rows && !app.focus_path.empty(); ++r)
            for (size_t col = 0; col < cols; ++col)
                if (grid.path(r, col) == app.focus_path) {
                    c = GridCursor{};
                    c.session = app.session.get();
                    c.block = grid.block_id();
                    c.row = c.anchor_row = r;
                    c.col = c.anchor_col = col;
                    c.scroll_to = true;
                    app.focus_path.clear();
                    ImGui::SetWindowFocus();  // the keys go to the grid now
                    break;
                }
    }
    const float table_top = ImGui::GetCursorPosY() - ImGui::GetScrollY();
    if (!ImGui::BeginTable(grid.block_id().c_str(), columns, flags, outer)) {
        if (c.scroll_to && c.block == grid.block_id()) {
            ImGui::SetScrollFromPosY(table_top, 0.1f);
            app.frame_requested = true;
        }
        return;
    }
    ImGui::TableSetupScrollFreeze(decor.leading_label ? 1 : 0, 1);
    if (decor.leading_label) ImGui::TableSetupColumn(decor.leading_label, ImGuiTableColumnFlags_WidthStretch, 1.2f);
    for (size_t i = 0; i < cols; ++i) {
        const GridColumn& gc = grid.columns()[i];
        // Text columns get the room; number columns fit their figures.
        const float weight = gc.kind == ValueKind::Text || gc.kind == ValueKind::LongText ? 3.0f
                             : gc.kind == ValueKind::Target                               ? 1.3f
                                                                                          : 1.0f;
        const char* label = decor.column_label ? decor.column_label(i) : nullptr;
        ImGui::TableSetupColumn(label ? label : gc.label.c_str(), ImGuiTableColumnFlags_WidthStretch, weight);
    }
    if (decor.trailing_width > 0) ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, decor.trailing_width);
    // Header labels wrap in narrow columns (at 1024 px "半年（程）计划执行数" would be cut).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int i = 0; i < columns; ++i) {
        ImGui::TableSetColumnIndex(i);
        const char* name = ImGui::TableGetColumnName(i);
        if (!name || (name[0] == '#' && name[1] == '#')) continue;
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(name);
        ImGui::PopTextWrapPos();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr(Str::GridHint));
    }

    for (size_t r = 0; r < rows; ++r) {
        ImGui::TableNextRow();
        ImGui::PushID(static_cast<int>(r));
        if (decor.leading_label) {
            ImGui::TableNextColumn();
            decor.leading(r);
        }
        for (size_t col = 0; col < cols; ++col) {
            ImGui::TableNextColumn();
            const bool editing_here = c.editing && c.block == grid.block_id() && c.row == r && c.col == col;
            if (editing_here) draw_edit_cell(app, grid);
            else draw_cell(app, grid, r, col, !decor.shown || decor.shown(r, col));
        }
        if (decor.trailing_width > 0) {
            ImGui::TableNextColumn();
            decor.trailing(r);
        }
        ImGui::PopID();
    }
    if (decor.footer) decor.footer();
    ImGui::EndTable();
}

void draw_grid_popups(App& app) {
    RefusedList& list = refused_list();
    const char* title = app.tr(Str::GridRefusedTitle);
    const std::string id = std::string(title) + "###gridrefused";
    if (list.open_request) {
        ImGui::OpenPopup(id.c_str());
        list.open_request = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
    ImGui::TextUnformatted(app.tr(Str::GridRefusedText));
    ImGui::PopTextWrapPos();
    if (ImGui::BeginTable("refused", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
                          ImVec2(ImGui::GetFontSize() * 34, ImGui::GetFontSize() * 14))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(app.tr(Str::GridCell), ImGuiTableColumnFlags_WidthStretch, 3.0f);
        ImGui::TableSetupColumn(app.tr(Str::GridValue), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(app.tr(Str::GridReason), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableHeadersRow();
        for (const auto& r : list.rows) {
            ImGui::TableNextRow();
            for (const auto& cell : r) {
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", cell.c_str());
            }
        }
        ImGui::EndTable();
    }
    if (ImGui::Button(app.tr(Str::Ok)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace formwork::ui
