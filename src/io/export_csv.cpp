// CSV export: one flat file of cells, one line per filed value of every filing exported, so
// that one file holds any mix of families. UTF-8 with a byte-order mark and CRLF line ends,
// which is what Excel and WPS need to open Chinese text without asking.
//
// Columns: 填报编号 (filing id), 模板 (template id), 区块 (the block's label), 行 (a fixed row's
// label, else the row or indicator number from 1), 列 (the field's or column's label;
// 一级指标/二级指标/三级指标 for an indicator's categories and name), 值 (the text as filed,
// exactly), 路径 (the cell's path, core/filing_cells.h, stable for scripts).
// Cells the template does not know follow their filing's known cells with ids for labels, and
// notes come last (区块 备注). Without the template, every cell is listed with ids for labels.
// Note: spreadsheet programs evaluate a cell that starts with "=" ("=100%" shows as 1); the
// file keeps the text as filed, so open it as text or use the xlsx export to read targets.
#include "core/filing_cells.h"
#include "io/atomic_file.h"
#include "io/export.h"

namespace formwork::io {

namespace {

std::string csv_field(const std::string& s) {
    const bool plain = s.find_first_of(",\"\r\n") == std::string::npos && (s.empty() || (s.front() != ' ' && s.back() != ' '));
    if (plain) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}

    void filing(const ExportItem& item) {
        const Filing& f = *item.filing;
        id_ = std::to_string(f.id);
        template_ = f.template_id;
        cells_ = to_cells(f);
        if (item.spec) known(f, *item.spec);
        // What the template does not know (or all of it without a template), by path.
        for (const auto& [path, text] : cells_) {
            if (path.find('#') != std::string::npos || path.rfind("n/", 0) == 0) continue;  // counts; notes below
            line("", "", path, text, path);
        }
        for (std::size_t k = 0; k < f.notes.size(); ++k) {
            const std::string base = "n/" + std::to_string(k) + "/";
            line("备注", std::to_string(k + 1), "类别", f.notes[k].kind, base + "kind");
            line("备注", std::to_string(k + 1), "内容", f.notes[k].text, base + "text");
        }
    }

private:
    void line(const std::string& block, const std::string& row, const std::string& column, const std::string& value, const std::string& path) {
        out_ += csv_field(id_) + "," + csv_field(template_) + "," + csv_field(block) + "," + csv_field(row) + "," + csv_field(column) + "," +
                csv_field(value) + "," + csv_field(path) + "\r\n";
    }

    // A cell the template knows, once: it is taken out of the remaining cells.
    void take(const std::string& block, const std::string& row, const std::string& column, const std::string& path) {
        auto it = cells_.find(path);
        if (it == cells_.end()) return;
        line(block, row, column, it->second, path);
        cells_.erase(it);
    }

    void known(const Filing& f, const FormSpec& spec) {
        for (const auto& b : spec.blocks) {
            switch (b.kind) {
                case BlockKind::Fields:
                    for (const auto& field : b.fields) take(b.label, "", field.label, "f/" + field.id);
                    break;
                case BlockKind::Table:
                case BlockKind::SpendingPlan: {
                    const Table* t = f.find_table(b.id);
                    for (std::size_t r = 0; t && r < t->rows.size(); ++r) {
                        const std::string row = r < b.rows.size() ? b.rows[r].label : std::to_string(r + 1);
                        for (const auto& c : b.columns) take(b.label, row, c.label, "t/" + b.id + "/" + std::to_string(r) + "/" + c.id);
                    }
                    break;
                }
                case BlockKind::Indicators: {
                    const auto& heads = spec.import_spec.level_heads;
                    auto head = [&](std::size_t i) { return i < heads.size() ? heads[i] : std::string(); };
                    for (std::size_t k = 0; k < f.indicators.size(); ++k) {
                        const std::string base = "i/" + std::to_string(k) + "/", row = std::to_string(k + 1);
                        take(b.label, row, head(0), base + "l1");
                        take(b.label, row, head(1), base + "l2");
                        take(b.label, row, head(2), base + "name");
                        for (const auto& p : b.indicators.periods) take(b.label, row, p.label, base + "t/" + p.id);
                        for (const auto& x : b.indicators.extra) take(b.label, row, x.label, base + "x/" + x.id);
                    }
                    break;
                }
            }
        }
    }

    std::string& out_;
    std::string id_, template_;
    FilingCells cells_;
};

}  // namespace

std::string filings_to_csv(const std::vector<ExportItem>& items) {
    std::string out = "\xEF\xBB\xBF";
    out += "填报编号,模板,区块,行,列,值,路径\r\n";
    Writer writer(out);
    for (const auto& item : items) writer.filing(item);
    return out;
}

void write_csv(const std::vector<ExportItem>& items, const std::filesystem::path& out) {
    write_file_atomically(out, filings_to_csv(items));
}

}  // namespace formwork::io
