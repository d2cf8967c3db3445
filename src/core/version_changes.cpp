// Comparing a filing before and after a migration (see version_changes.h).
#include "core/version_changes.h"

#include <algorithm>
#include <map>

#include "core/text.h"
#include "core/utf8.h"

namespace formwork {

namespace {

const char* kNoteKind = "migrate";

// What may stand between the parts of a split value: "孙卓 025-83660026", "张三/李四".
bool only_separators(const std::string& rest) {
    static const std::u32string separators = U"/／,，、;；:：-—－()（）|｜.。";
    for (char32_t c : text::decode_utf8(rest))
        if (!text::is_space(c) && separators.find(c) == std::u32string::npos) return false;
    return true;
}

class Matcher {
public:
    Matcher(const Filing& before, const FormSpec* before_spec, Filing& after, const FormSpec& after_spec, Lang lang)
        : old_(placed_values(before, before_spec, lang)),
          new_(placed_values(after, &after_spec, lang)),
          used_(new_.size(), false),
          same_(new_.size(), false),
          after_(after),
          lang_(lang),
          from_version_(before.template_version),
          to_version_(after_spec.version) {
        for (std::size_t i = 0; i < new_.size(); ++i) by_key_[new_[i].key] = i;
        for (const Note& n : before.notes) old_notes_.push_back(n.text);
        // Notes the step wrote (not among the old filing's) may hold values it kept that way.
        std::vector<std::string> remaining = old_notes_;
        for (std::size_t i = 0; i < after.notes.size(); ++i) {
            auto it = std::find(remaining.begin(), remaining.end(), after.notes[i].text);
            if (it != remaining.end()) remaining.erase(it);
            else step_notes_.push_back(i);
        }
    }

    VersionChanges run(const std::vector<UnplacedValue>& unplaced) {
        std::vector<bool> done(old_.size(), false);
        // Pass by pass, from the surest reading to the loosest, so that a value in its place is
        // never taken for another's moved copy.
        for (std::size_t i = 0; i < old_.size(); ++i) done[i] = same_place(old_[i]);
        for (std::size_t i = 0; i < old_.size(); ++i)
            if (!done[i]) done[i] = moved(old_[i]);
        for (std::size_t i = 0; i < old_.size(); ++i)
            if (!done[i]) done[i] = rewritten(old_[i]);
        for (std::size_t i = 0; i < old_.size(); ++i)
            if (!done[i]) done[i] = split(old_[i]);
        for (std::size_t i = 0; i < old_.size(); ++i)
            if (!done[i]) done[i] = inside_another(old_[i]);
        for (std::size_t i = 0; i < old_.size(); ++i)
            if (!done[i]) note(old_[i].label, old_[i].path, old_[i].text, false);
        keep_old_notes();
        for (const UnplacedValue& u : unplaced) {
            // Left where the old version had it: the old value's own reading above decides.
            const bool leftover = std::any_of(old_.begin(), old_.end(), [&](const PlacedValue& v) { return v.key == u.key && v.text == u.text; });
            if (!leftover && !held_anywhere(u.text)) note(u.label, "", u.text, true);
        }
        for (std::size_t i = 0; i < new_.size(); ++i)
            if (!used_[i]) out_.changes.push_back({ChangeKind::Added, "", "", new_[i].path, new_[i].label, new_[i].text, "", {}});
        return std::move(out_);
    }

private:
    std::vector<PlacedValue> old_, new_;
    std::vector<bool> used_;
    std::vector<bool> same_;  // holds an old value unchanged (in its place, or moved whole)
    std::map<std::string, std::size_t> by_key_;
    std::vector<std::string> old_notes_;
    std::vector<std::size_t> step_notes_;
    Filing& after_;
    Lang lang_;
    int from_version_, to_version_;
    VersionChanges out_;

    const PlacedValue* at_key(const std::string& key) {
        auto it = by_key_.find(key);
        return it == by_key_.end() ? nullptr : &new_[it->second];
    }
    std::size_t index_of(const PlacedValue* v) const { return static_cast<std::size_t>(v - new_.data()); }

    ValueChange change(ChangeKind kind, const PlacedValue& from, const PlacedValue* to) {
        ValueChange c;
        c.kind = kind;
        c.from_path = from.path;
        c.from_label = from.label;
        if (to) {
            c.to_path = to->path;
            c.to_label = to->label;
        }
        c.text = from.text;
        return c;
    }

    bool same_place(const PlacedValue& v) {
        const PlacedValue* a = at_key(v.key);
        if (!a || a->text != v.text || used_[index_of(a)]) return false;
        used_[index_of(a)] = same_[index_of(a)] = true;
        if (a->label == v.label) ++out_.kept;
        else out_.changes.push_back(change(ChangeKind::Renamed, v, a));
        return true;
    }

    bool moved(const PlacedValue& v) {
        const PlacedValue* found = nullptr;
        for (std::size_t i = 0; i < new_.size(); ++i) {
            if (used_[i] || new_[i].text != v.text) continue;
            if (new_[i].slot == v.slot) {
                found = &new_[i];
                break;
            }
            if (!found) found = &new_[i];
        }
        if (!found) return false;
        used_[index_of(found)] = same_[index_of(found)] = true;
        out_.changes.push_back(change(found->slot == v.slot ? ChangeKind::Renamed : ChangeKind::Moved, v, found));
        return true;
    }

    bool rewritten(const PlacedValue& v) {
        const PlacedValue* a = at_key(v.key);
        if (!a || used_[index_of(a)]) return false;
        used_[index_of(a)] = true;
        ValueChange c = change(ChangeKind::Changed, v, a);
        c.new_text = a->text;
        out_.changes.push_back(std::move(c));
        return true;
    }

    bool split(const PlacedValue& v) {
        std::vector<std::size_t> candidates;
        for (std::size_t i = 0; i < new_.size(); ++i)
            if (!used_[i] && new_[i].text.size() < v.text.size() && v.text.find(new_[i].text) != std::string::npos &&
                !only_separators(new_[i].text))
                candidates.push_back(i);
        std::stable_sort(candidates.begin(), candidates.end(),
                         [&](std::size_t a, std::size_t b) { return new_[a].text.size() > new_[b].text.size(); });
        std::string rest = v.text;
        std::vector<std::size_t> parts;
        for (std::size_t i : candidates) {
            const std::size_t at = rest.find(new_[i].text);
            if (at == std::string::npos) continue;
            rest.replace(at, new_[i].text.size(), " ");
            parts.push_back(i);
            if (only_separators(rest)) break;
        }
        if (parts.size() < 2 || !only_separators(rest)) return false;
        ValueChange c = change(ChangeKind::Split, v, nullptr);
        std::sort(parts.begin(), parts.end());
        for (std::size_t i : parts) {
            used_[i] = true;
            c.parts.push_back(new_[i]);
        }
        out_.changes.push_back(std::move(c));
        return true;
    }

    // Merged into a value the migration wrote (two fields joined into one); a value that only
    // kept an old one is no merge ("0" is inside "2024").
    bool inside_another(const PlacedValue& v) {
        for (std::size_t i = 0; i < new_.size(); ++i)
            if (!same_[i] && new_[i].text.find(v.text) != std::string::npos) {
                ValueChange c = change(new_[i].key == v.key ? ChangeKind::Changed : ChangeKind::Moved, v, &new_[i]);
                c.new_text = new_[i].text;
                used_[i] = true;
                out_.changes.push_back(std::move(c));
                return true;
            }
        for (std::size_t n : step_notes_)
            if (after_.notes[n].text.find(v.text) != std::string::npos) {
                ValueChange c = change(ChangeKind::Noted, v, nullptr);
                c.to_path = "n/" + std::to_string(n);
                c.to_label = lang_ == Lang::Zh ? "备注" : "note";
                out_.changes.push_back(std::move(c));
                return true;
            }
        return false;
    }

    bool held_anywhere(const std::string& text) const {
        for (const PlacedValue& v : new_)
            if (v.text.find(text) != std::string::npos) return true;
        for (const Note& n : after_.notes)
            if (n.text.find(text) != std::string::npos) return true;
        return false;
    }

    // A note on `after_` keeping `text`, which was at `label` (`path`) and has no place now.
    void note(const std::string& label, const std::string& path, const std::string& text, bool placed_by_step) {
        const std::string where = placed_by_step ? "迁移步骤写到了第 " + std::to_string(to_version_) + " 版没有的位置「" + label + "」"
                                                 : "第 " + std::to_string(from_version_) + " 版「" + label + "」";
        after_.notes.push_back({kNoteKind, "迁移到第 " + std::to_string(to_version_) + " 版时无处安放，保留为备注：" + where + "：" + text});
        ++out_.notes_added;
        ValueChange c;
        c.kind = ChangeKind::Noted;
        c.from_path = path;
        c.from_label = label;
        c.to_path = "n/" + std::to_string(after_.notes.size() - 1);
        c.to_label = lang_ == Lang::Zh ? "备注" : "note";
        c.text = text;
        out_.changes.push_back(std::move(c));
    }

    // The old filing's notes stay notes: one a step removed is put back.
    void keep_old_notes() {
        std::vector<std::string> present;
        for (const Note& n : after_.notes) present.push_back(n.text);
        for (const std::string& text : old_notes_) {
            auto it = std::find(present.begin(), present.end(), text);
            if (it != present.end()) {
                present.erase(it);
                continue;
            }
            after_.notes.push_back({kNoteKind, text});
            ++out_.notes_added;
            ValueChange c;
            c.kind = ChangeKind::Noted;
            c.from_label = lang_ == Lang::Zh ? "备注" : "note";
            c.to_path = "n/" + std::to_string(after_.notes.size() - 1);
            c.to_label = c.from_label;
            c.text = text;
            out_.changes.push_back(std::move(c));
        }
    }
};

}  // namespace

const char* to_string(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::Moved: return "moved";
        case ChangeKind::Renamed: return "renamed";
        case ChangeKind::Changed: return "changed";
        case ChangeKind::Split: return "split";
        case ChangeKind::Added: return "added";
        case ChangeKind::Noted: return "noted";
    }
    return "?";
}

namespace {

std::string cut(const std::string& text, std::size_t max_chars) {
    std::string one_line = text;
    std::replace(one_line.begin(), one_line.end(), '\n', ' ');
    const std::string valid = utf8::repair(one_line);
    if (max_chars == 0 || utf8::length(valid) <= max_chars) return valid;
    return std::string(utf8::sub(valid, 1, static_cast<long long>(max_chars) - 1)) + "…";
}

}  // namespace

std::string describe_change(const ValueChange& c, Lang lang, std::size_t max_chars) {
    const bool zh = lang == Lang::Zh;
    const std::string colon = zh ? "：" : ": ";
    const std::string arrow = " → ";
    const std::string value = cut(c.text, max_chars);
    switch (c.kind) {
        case ChangeKind::Added: return (zh ? "新增  " : "added     ") + c.to_label + colon + value;
        case ChangeKind::Moved:
            return (zh ? "移动  " : "moved     ") + c.from_label + arrow + c.to_label + colon + value +
                   (c.new_text.empty() ? "" : (zh ? "（并入「" : " (into \"") + cut(c.new_text, max_chars) + (zh ? "」）" : "\")"));
        case ChangeKind::Renamed: return (zh ? "改名  " : "renamed   ") + c.from_label + arrow + c.to_label + colon + value;
        case ChangeKind::Changed:
            return (zh ? "改写  " : "rewritten ") + c.from_label + (c.to_label != c.from_label ? arrow + c.to_label : "") + colon +
                   value + arrow + cut(c.new_text, max_chars);
        case ChangeKind::Split: {
            std::string parts;
            for (const auto& p : c.parts)
                parts += (parts.empty() ? "" : (zh ? "、" : ", ")) + p.label + (zh ? "「" : " \"") + cut(p.text, max_chars) + (zh ? "」" : "\"");
            return (zh ? "拆分  " : "split     ") + c.from_label + (zh ? "「" : " \"") + value + (zh ? "」" : "\"") + arrow + parts;
        }
        case ChangeKind::Noted:
            return (zh ? "转为备注  " : "to a note ") + c.from_label + colon + value;
    }
    return value;
}

std::size_t VersionChanges::count(ChangeKind kind) const {
    return static_cast<std::size_t>(std::count_if(changes.begin(), changes.end(), [&](const ValueChange& c) { return c.kind == kind; }));
}

VersionChanges compare_versions(const Filing& before, const FormSpec* before_spec, Filing& after, const FormSpec& after_spec,
                                const std::vector<UnplacedValue>& unplaced, Lang lang) {
    return Matcher(before, before_spec, after, after_spec, lang).run(unplaced);
}

}  // namespace formwork
