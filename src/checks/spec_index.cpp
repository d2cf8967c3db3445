// Per-template lookups for the check engine (see spec_index.h).
#include "checks/spec_index.h"

#include "core/text.h"
#include "core/utf8.h"

namespace formwork::script {

namespace {

std::vector<std::string> split_dots(std::string_view ref) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = ref.find('.', start);
        parts.emplace_back(ref.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) return parts;
        start = dot + 1;
    }
}

const FieldSpec* find_column(const BlockSpec& b, std::string_view id) {
    for (const FieldSpec& c : b.columns)
        if (c.id == id) return &c;
    return nullptr;
}

ResolvedRef invalid(std::string why) {
    ResolvedRef r;
    r.error = std::move(why);
    return r;
}

}  // namespace

std::string normalize_category(std::string_view name) {
    // Valid text (nearly all of it) is normalized byte by byte, as a batch normalizes every
    // filing's names and titles: spaces are ASCII whitespace, C2 A0 (U+00A0) and E3 80 80
    // (U+3000); the full-width forms U+FF01-FF5E are EF BC 81-BF and EF BD 80-9E. Invalid
    // bytes take the way through code points, which repairs them.
    if (utf8::invalid_at(name) != std::string_view::npos) {
        std::u32string out;
        for (char32_t c : text::decode_utf8(name)) {
            if (text::is_space(c)) continue;
            out.push_back(text::fold_width(c));
        }
        return text::encode_utf8(out);
    }
    std::string out;
    out.reserve(name.size());
    const auto* b = reinterpret_cast<const unsigned char*>(name.data());
    const std::size_t n = name.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = b[i];
        if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
            ++i;
        } else if (c == 0xC2 && b[i + 1] == 0xA0) {
            i += 2;
        } else if (c == 0xE3 && b[i + 1] == 0x80 && b[i + 2] == 0x80) {
            i += 3;
        } else if (c == 0xEF && ((b[i + 1] == 0xBC && b[i + 2] >= 0x81) || (b[i + 1] == 0xBD && b[i + 2] <= 0x9E))) {
            const unsigned cp = 0xFF00u + ((b[i + 1] & 0x01u) << 6) + (b[i + 2] & 0x3Fu);  // BC: FF00-FF3F, BD: FF40-FF7F
            out.push_back(static_cast<char>(cp - 0xFF01u + 0x21u));
            i += 3;
        } else {
            out.push_back(static_cast<char>(c));
            ++i;
        }
    }
    return out;
}

SpecIndex::SpecIndex(std::shared_ptr<const FormSpec> spec)
    : spec_(std::move(spec)),
      vocab_(TargetVocabulary::builtin().extended(spec_->grades)) {
    for (const BlockSpec& b : spec_->blocks) {
        if (b.kind != BlockKind::Indicators || indicators_) continue;
        indicators_ = &b;
        for (const FieldSpec& p : b.indicators.periods) periods_.push_back(p.id);
        const auto& tree = b.indicators.tree;
        for (int i = 0; i < static_cast<int>(tree.size()); ++i) {
            level1_exact_.emplace(tree[i].name, i);
            level1_.emplace(normalize_category(tree[i].name), i);
            for (const auto& a : tree[i].aliases) {
                level1_exact_.emplace(a, i);
                level1_.emplace(normalize_category(a), i);
            }
            const auto& l2 = tree[i].level2;
            for (int j = 0; j < static_cast<int>(l2.size()); ++j) {
                level2_exact_[l2[j].name].emplace_back(i, j);
                level2_[normalize_category(l2[j].name)].emplace_back(i, j);
                for (const auto& a : l2[j].aliases) {
                    level2_exact_[a].emplace_back(i, j);
                    level2_[normalize_category(a)].emplace_back(i, j);
                }
            }
        }
    }
    auto field_list = [&](const char* option, std::vector<std::string>& out) {
        auto it = spec_->options.find(option);
        if (it == spec_->options.end()) return;
        std::string id;
        for (char c : it->second + ",") {
            if (c == ',' || c == ' ') {
                if (!id.empty() && spec_->find_field(id)) out.push_back(id);
                id.clear();
            } else {
                id += c;
            }
        }
    };
    field_list("department_fallback", department_fallback_);
    field_list("key_fields", key_fields_);
    if (auto it = spec_->options.find("department_field"); it != spec_->options.end() && spec_->find_field(it->second)) {
        department_field_ = it->second;
    } else {
        for (const char* id : {"department_name", "department", "implementing_unit"})
            if (spec_->find_field(id)) {
                department_field_ = id;
                break;
            }
    }
    if (key_fields_.empty()) {
        if (!department_field_.empty()) key_fields_.push_back(department_field_);
        if (!spec_->title_field.empty() && spec_->title_field != department_field_) key_fields_.push_back(spec_->title_field);
    }
}

const BlockSpec* SpecIndex::table_block(std::string_view id) const {
    for (const BlockSpec& b : spec_->blocks)
        if ((b.kind == BlockKind::Table || b.kind == BlockKind::SpendingPlan) && b.id == id) return &b;
    return nullptr;
}

int SpecIndex::period_index(std::string_view period) const {
    for (std::size_t i = 0; i < periods_.size(); ++i)
        if (periods_[i] == period) return static_cast<int>(i);
    return -1;
}

const ResolvedRef& SpecIndex::resolve(std::string_view ref) {
    auto it = refs_.find(ref);
    if (it != refs_.end()) return it->second;
    return refs_.emplace(std::string(ref), resolve_uncached(ref)).first->second;
}

const TargetValue& SpecIndex::parsed_target(std::string_view text, TargetValue& scratch) {
    if (auto it = targets_.find(text); it != targets_.end()) return it->second;
    // A long text (a script's f:parse_target of anything) is parsed, not kept.
    if (targets_.size() >= kMaxParsed || text.size() > 256) return scratch = parse_target(text, vocab_);
    return targets_.emplace(std::string(text), parse_target(text, vocab_)).first->second;
}

bool SpecIndex::is_placeholder(std::string_view text) {
    if (auto it = placeholders_.find(text); it != placeholders_.end()) return it->second;
    const bool placeholder = placeholder_word(text, vocab_).has_value();
    if (placeholders_.size() < kMaxParsed && text.size() <= 256) placeholders_.emplace(std::string(text), placeholder);
    return placeholder;
}

ResolvedRef SpecIndex::resolve_uncached(std::string_view ref) const {
    if (ref.empty()) return invalid("empty reference");
    if (ref.find('/') != std::string_view::npos || ref == "i") {
        ResolvedRef r;
        r.kind = ResolvedRef::Kind::Path;
        r.path = std::string(ref);
        if (ref.rfind("f/", 0) == 0) {
            r.field = std::string(ref.substr(2));
            if (const FieldSpec* f = spec_->find_field(r.field)) r.label = f->label;
        }
        return r;
    }
    std::vector<std::string> parts = split_dots(ref);
    if (parts.size() == 2 && parts[0] == "fields") parts.erase(parts.begin());
    if (parts.size() == 1) {
        if (const FieldSpec* f = spec_->find_field(parts[0])) {
            ResolvedRef r;
            r.kind = ResolvedRef::Kind::Field;
            r.field = f->id;
            r.path = "f/" + f->id;
            r.label = f->label;
            return r;
        }
        if (indicators_ && parts[0] == indicators_->id) {
            ResolvedRef r;
            r.kind = ResolvedRef::Kind::Table;
            r.table = parts[0];
            r.path = "i";
            r.label = indicators_->label;
            return r;
        }
        if (const BlockSpec* b = table_block(parts[0])) {
            ResolvedRef r;
            r.kind = ResolvedRef::Kind::Table;
            r.table = b->id;
            r.path = "t/" + b->id;
            r.label = b->label;
            return r;
        }
        return invalid("the template has no field or table \"" + parts[0] + "\"");
    }
    const BlockSpec* b = table_block(parts[0]);
    if (!b) return invalid("the template has no table \"" + parts[0] + "\"");
    ResolvedRef r;
    r.table = b->id;
    if (parts.size() == 2) {
        const FieldSpec* col = find_column(*b, parts[1]);
        if (!col) return invalid("table \"" + b->id + "\" has no column \"" + parts[1] + "\"");
        r.column = col->id;
        if (b->kind == BlockKind::SpendingPlan) {  // one row: a point is a cell
            r.kind = ResolvedRef::Kind::Cell;
            r.row = 0;
            r.path = "t/" + b->id + "/0/" + col->id;
        } else if (b->fixed_rows()) {
            return invalid("table \"" + b->id + "\" has fixed rows: name the row too (" + b->id + ".<row>." + col->id + ")");
        } else {
            r.kind = ResolvedRef::Kind::Column;
            r.path = "t/" + b->id;
        }
        r.label = col->label;
        return r;
    }
    if (parts.size() == 3) {
        if (!b->fixed_rows()) return invalid("table \"" + b->id + "\" has no fixed rows (use " + b->id + ".<column>)");
        const FieldSpec* col = find_column(*b, parts[2]);
        if (!col) return invalid("table \"" + b->id + "\" has no column \"" + parts[2] + "\"");
        for (std::size_t i = 0; i < b->rows.size(); ++i) {
            if (b->rows[i].id != parts[1]) continue;
            r.kind = ResolvedRef::Kind::Cell;
            r.row = static_cast<int>(i);
            r.column = col->id;
            r.path = "t/" + b->id + "/" + std::to_string(i) + "/" + col->id;
            r.label = b->rows[i].label;
            if (b->columns.size() > 1) r.label += "（" + col->label + "）";
            return r;
        }
        return invalid("table \"" + b->id + "\" has no row \"" + parts[1] + "\"");
    }
    return invalid("cannot read the reference \"" + std::string(ref) + "\"");
}

Category SpecIndex::categorize(const std::string& level1, const std::string& level2) const {
    Category c;
    if (!indicators_) return c;
    if (auto it = level1_exact_.find(level1); it != level1_exact_.end()) c.l1 = it->second;
    else if (auto it2 = level1_.find(normalize_category(level1)); it2 != level1_.end()) c.l1 = it2->second;
    const std::vector<std::pair<int, int>>* places = nullptr;
    if (auto it = level2_exact_.find(level2); it != level2_exact_.end()) places = &it->second;
    else if (auto it2 = level2_.find(normalize_category(level2)); it2 != level2_.end()) places = &it2->second;
    if (!places) return c;
    for (auto [i, j] : *places)
        if (i == c.l1) {
            c.l2 = j;
            c.home = i;
            return c;
        }
    c.home = places->front().first;
    c.l2 = places->front().second;
    c.misplaced = c.l1 >= 0;
    return c;
}

}  // namespace formwork::script
