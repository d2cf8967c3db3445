// grid-2.*: the real shell under its own Xvfb display, driven with xdotool and xclip as a
// clerk drives it: a 2×2 block copied from a spreadsheet pasted into four cells (each value
// checked for its own cell, nothing joined), arrows and Enter moving the cursor, typing that
// replaces, one Ctrl+Z undoing the whole paste, a copied block offered as TSV and HTML; and
// the idle shell measured at rest.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "store/database.h"
#include "store/filing_store.h"
#include "temp_dir.h"
#include "ui/import_job.h"
#include "x_display.h"

using namespace formwork;
using namespace formwork::test;

namespace {

// A database of the seed filings and the id of the Nantong filing whose expense table has
// five rows (half-year and full-year money columns).
struct SeedDb {
    TempDir dir{"formwork-grid"};
    std::string path = dir.file("grid.db");
    std::int64_t id = 0;

    SeedDb() {
        { store::Database created = store::Database::open(path, store::OpenMode::CreateOrOpen); }
        ui::ImportJob job;
        job.start(path, ui::import_paths(FORMWORK_SEEDS_DIR), Lang::Zh);
        job.wait();
        store::Database opened = store::Database::open(path, store::OpenMode::ReadOnly);
        for (const auto& s : store::FilingStore(opened).list())
            if (s.title == "消费者权益保护工作经费") id = s.id;
        REQUIRE(id > 0);
    }
    // Settings and user scripts in the test's own folders, never the user's.
    std::vector<std::string> env() const { return {"XDG_CONFIG_HOME=" + dir.file("config"), "XDG_DATA_HOME=" + dir.file("data")}; }
};

void pause(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

// Presses keys in the shell's window and gives it time to draw.
void keys(XDisplay& x, const std::vector<std::string>& names) {
    for (const auto& k : names) {
        REQUIRE(x.run({"xdotool", "key", "--clearmodifiers", k}) == 0);
        pause(150);
    }
}

void type(XDisplay& x, const std::string& text) {
    REQUIRE(x.run({"xdotool", "type", "--delay", "60", text}) == 0);
    pause(150);
}

nlohmann::json stored(const SeedDb& db) {
    std::string out;
    FILE* p = popen((std::string(FORMWORK_BINARY) + " show --json --db " + db.path + " " + std::to_string(db.id)).c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    REQUIRE(pclose(p) == 0);
    return nlohmann::json::parse(out);
}

std::string cell(const nlohmann::json& filing, size_t row, const char* column) {
    const auto& rows = filing["tables"]["expenses"];
    if (row >= rows.size() || !rows[row].contains(column)) return "(none)";
    return rows[row][column].get<std::string>();
}

// Waits until the shell's window is mapped, then gives it the keyboard.
void focus_window(XDisplay& x) {
    std::string id;
    for (int i = 0; i < 100 && id.empty(); ++i) {
        x.run({"xdotool", "search", "--onlyvisible", "--name", "Formwork"}, &id);
        if (id.empty()) pause(100);
    }
    REQUIRE(!id.empty());
    id = id.substr(0, id.find('\n'));
    x.run({"xdotool", "mousemove", "700", "895"});  // over the status bar: hovering no cell
    x.run({"xdotool", "windowfocus", "--sync", id});
    pause(1500);  // the first frames: fonts, the checks' first run
}

}  // namespace

TEST_CASE("grid-2.1 a 2x2 block pasted from a spreadsheet fills four cells, arrows, Enter and typing move and replace, one Ctrl+Z undoes the paste") {
    SeedDb db;
    {
        const auto before = stored(db);
        REQUIRE(cell(before, 0, "half_year") == "3.5");
        REQUIRE(cell(before, 1, "full_year") == "1.5");
    }
    XDisplay x;
    const pid_t shell = x.start({FORMWORK_BINARY, "shell", "--db", db.path, "--open", std::to_string(db.id), "--focus",
                                 "t/expenses/0/half_year"},
                                db.env());
    REQUIRE(shell > 0);
    focus_window(x);

    // What Excel and WPS put on the clipboard for a 2×2 block: TSV, a line per row.
    {
        std::ofstream(db.dir.file("block.tsv")) << "4\t8\r\n1\t2\r\n";
        const pid_t clip = x.start({"xclip", "-selection", "clipboard", "-i", db.dir.file("block.tsv")});
        REQUIRE(x.wait(clip, 10) == 0);
    }
    keys(x, {"ctrl+v"});
    // The cursor stays on the block's first cell: Down, Right, Enter reach row 3's full year;
    // typing replaces its text and Enter commits it.
    keys(x, {"Down", "Right", "Return"});
    type(x, "5");
    keys(x, {"Return", "ctrl+s"});
    pause(300);
    {
        const auto after = stored(db);
        CHECK(cell(after, 0, "half_year") == "4");
        CHECK(cell(after, 0, "full_year") == "8");
        CHECK(cell(after, 1, "half_year") == "1");
        CHECK(cell(after, 1, "full_year") == "2");
        CHECK(cell(after, 2, "full_year") == "5");
        CHECK(cell(after, 0, "item") == "3.15国际消费者权益日活动");  // the text column was not touched
    }

    // A copied block goes out as TSV and as an HTML table.
    keys(x, {"Up", "Up", "shift+Left", "shift+Up", "ctrl+c"});
    std::string tsv, html;
    CHECK(x.run({"xclip", "-selection", "clipboard", "-o"}, &tsv) == 0);
    CHECK(tsv == "4\t8\n1\t2\n");
    CHECK(x.run({"xclip", "-selection", "clipboard", "-o", "-t", "text/html"}, &html) == 0);
    CHECK(html.find("<td>4</td><td>8</td>") != std::string::npos);

    // Undo: the typed 5 is one step, the whole paste the next.
    keys(x, {"ctrl+z", "ctrl+z", "ctrl+s"});
    pause(300);
    {
        const auto undone = stored(db);
        CHECK(cell(undone, 0, "half_year") == "3.5");
        CHECK(cell(undone, 0, "full_year") == "7");
        CHECK(cell(undone, 1, "half_year") == "0.75");
        CHECK(cell(undone, 1, "full_year") == "1.5");
        CHECK(cell(undone, 2, "full_year") == "3.5");
    }
}

TEST_CASE("grid-2.2 a pasted value that does not fit its cell is refused and listed, the others are pasted, an HTML table pastes cell by cell") {
    SeedDb db;
    XDisplay x;
    const pid_t shell = x.start({FORMWORK_BINARY, "shell", "--db", db.path, "--open", std::to_string(db.id), "--focus",
                                 "t/expenses/3/half_year"},
                                db.env());
    REQUIRE(shell > 0);
    focus_window(x);
    // "约5" is no number; "250万" in a 万元 column is 250; the third row is past the five rows
    // of the table, which grows: a sixth row is added.
    std::ofstream(db.dir.file("block.tsv")) << "约5\t250万\n6\t7\n8\t9\n";
    REQUIRE(x.wait(x.start({"xclip", "-selection", "clipboard", "-i", db.dir.file("block.tsv")}), 10) == 0);
    keys(x, {"ctrl+v", "Escape", "ctrl+s"});
    pause(300);
    const auto after = stored(db);
    CHECK(cell(after, 3, "half_year") == "5");  // refused: the old value stays
    CHECK(cell(after, 3, "full_year") == "250");
    CHECK(cell(after, 4, "half_year") == "6");
    CHECK(cell(after, 4, "full_year") == "7");
    CHECK(cell(after, 5, "half_year") == "8");  // a sixth row, added by the paste
    CHECK(cell(after, 5, "full_year") == "9");

    // What a spreadsheet offers as text/html: a table, read cell by cell.
    std::ofstream(db.dir.file("block.html")) << "<meta charset=\"utf-8\"><table><tr><td>11</td><td> 12 </td></tr></table>";
    REQUIRE(x.wait(x.start({"xclip", "-selection", "clipboard", "-t", "text/html", "-i", db.dir.file("block.html")}), 10) == 0);
    keys(x, {"ctrl+v", "ctrl+s"});
    pause(300);
    const auto html = stored(db);
    CHECK(cell(html, 3, "half_year") == "11");
    CHECK(cell(html, 3, "full_year") == "12");
}

TEST_CASE("grid-2.3 the idle shell with a filing open uses under 2% of a core over 5 s") {
    SeedDb db;
    XDisplay x;
    const pid_t shell = x.start({FORMWORK_BINARY, "shell", "--db", db.path, "--open", std::to_string(db.id)}, db.env());
    REQUIRE(shell > 0);
    pause(6000);
    const double before = cpu_seconds(shell);
    REQUIRE(before >= 0);
    pause(5000);
    const double used = cpu_seconds(shell) - before;
    INFO("CPU over 5 s: " << used << " s");
    CHECK(used < 0.10);  // 2% of one core over 5 s
}

TEST_CASE("grid-2.4 Ctrl+S while a cell is being typed in saves the typed value") {
    SeedDb db;
    XDisplay x;
    const pid_t shell = x.start({FORMWORK_BINARY, "shell", "--db", db.path, "--open", std::to_string(db.id), "--focus",
                                 "t/expenses/0/half_year"},
                                db.env());
    REQUIRE(shell > 0);
    focus_window(x);
    type(x, "9.25");  // typing replaces the cell's text and leaves the edit open
    keys(x, {"ctrl+s"});
    pause(300);
    CHECK(cell(stored(db), 0, "half_year") == "9.25");
}
