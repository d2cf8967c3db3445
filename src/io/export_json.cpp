// JSON export: the whole filing, every value as filed, targets with the core's parse, notes
// (the document's shape is described in import_json.h, which reads it back).
#include <nlohmann/json.hpp>

#include "core/target_value.h"
#include "io/atomic_file.h"
#include "io/export.h"

namespace formwork::io {

namespace {

using Json = nlohmann::ordered_json;

Json parse_json(const TargetValue& v) {
    Json j;
    j["kind"] = to_string(v.kind);
    switch (v.kind) {
        case TargetKind::Numeric:
            j["comparator"] = to_string(v.cmp);
            j["value"] = v.value.to_string();
            j["unit"] = v.unit;
            if (!v.subject.empty()) j["subject"] = v.subject;
            j["canonical"] = canonical_text(v);
            break;
        case TargetKind::Grade:
        case TargetKind::Placeholder: j["word"] = v.word; break;
        case TargetKind::Unparsed: j["reason"] = v.reason; break;
    }
    return j;
}

class Writer {
public:
    explicit Writer(const ExportItem& item)
        : filing_(*item.filing),
          spec_(item.spec.get()),
          vocab_(spec_ ? TargetVocabulary::builtin().extended(spec_->grades) : TargetVocabulary::builtin()) {}

    Json build() const {
        Json j;
        j["id"] = filing_.id;
        j["template"] = {{"id", filing_.template_id}, {"version", filing_.template_version}};
        if (spec_) j["template"]["title"] = spec_->title;
        Json fields = Json::object();
        for (const auto& [id, text] : filing_.fields) {
            const FieldSpec* f = spec_ ? spec_->find_field(id) : nullptr;
            fields[id] = f && f->kind == ValueKind::Target ? target(text) : Json(text);
        }
        j["fields"] = std::move(fields);
        Json tables = Json::object();
        for (const auto& [id, table] : filing_.tables) tables[id] = rows(id, table);
        j["tables"] = std::move(tables);
        Json indicators = Json::array();
        for (const auto& ind : filing_.indicators) {
            Json targets = Json::object();
            for (const auto& [period, text] : ind.targets) targets[period] = target(text);
            indicators.push_back({{"level1", ind.level1}, {"level2", ind.level2}, {"name", ind.name},
                                  {"targets", std::move(targets)}, {"extra", ind.extra}});
        }
        j["indicators"] = std::move(indicators);
        Json notes = Json::array();
        for (const auto& n : filing_.notes) notes.push_back({{"kind", n.kind}, {"text", n.text}});
        j["notes"] = std::move(notes);
        return j;
    }

private:
    Json target(const std::string& text) const { return {{"text", text}, {"parse", parse_json(parse_target(text, vocab_))}}; }

    Json rows(const std::string& table_id, const Table& table) const {
        const BlockSpec* block = spec_ ? spec_->find_block(table_id) : nullptr;
        Json out = Json::array();
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            Json row;
            if (block && r < block->rows.size()) row["row"] = block->rows[r].id;
            Json cells = Json::object();
            for (const auto& [col, text] : table.rows[r].cells) {
                bool is_target = false;
                if (block)
                    for (const auto& c : block->columns)
                        if (c.id == col) is_target = c.kind == ValueKind::Target;
                cells[col] = is_target ? target(text) : Json(text);
            }
            row["cells"] = std::move(cells);
            out.push_back(std::move(row));
        }
        return out;
    }

    const Filing& filing_;
    const FormSpec* spec_;
    TargetVocabulary vocab_;
};

}  // namespace

std::string filings_to_json(const std::vector<ExportItem>& items) {
    Json doc;
    doc["format"] = "formwork-filings";
    doc["format_version"] = 1;
    Json list = Json::array();
    for (const auto& item : items) list.push_back(Writer(item).build());
    doc["filings"] = std::move(list);
    // Filed text is UTF-8 (the importer and the store refuse anything else); should a stray
    // byte slip through, it is replaced rather than failing the whole export.
    return doc.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) + "\n";
}

void write_json(const std::vector<ExportItem>& items, const std::filesystem::path& out) {
    write_file_atomically(out, filings_to_json(items));
}

}  // namespace formwork::io
