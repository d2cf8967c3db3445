// What moving a filing to another version of its template did to each of its values, and the
// guarantee behind a migration: nothing is dropped silently. A value of the old filing that
// the new one holds nowhere (not in its place, not moved, not split into parts, not inside
// another value or a note) is added to the new filing as a note, and reported as such.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/filing.h"
#include "core/filing_places.h"
#include "core/form_spec.h"
#include "core/lang.h"

namespace formwork {

enum class ChangeKind {
    Moved,    // the same text at another place
    Renamed,  // the same text at the same position of the form, whose name (label or id) changed
    Changed,  // the same place, another text (a step rewrote it)
    Split,    // its parts are at several new places ("孙卓 025-…" → 联系人 + 联系电话)
    Added,    // a value the old filing did not have (a new field a step filled)
    Noted,    // no place in the new version: kept as a note
};

const char* to_string(ChangeKind kind);  // "moved", "renamed", "changed", "split", "added", "noted"

struct ValueChange {
    ChangeKind kind = ChangeKind::Moved;
    std::string from_path, from_label;  // its place in the old filing (empty for Added)
    std::string to_path, to_label;      // its place in the new one (Noted: the note, n/<i>)
    std::string text;                   // the value (the new one for Added)
    std::string new_text;               // Changed: what it became; Moved into a longer value: that value
    std::vector<PlacedValue> parts;     // Split: where its parts went
};

// A value a migration left or put at a place the new version does not have (a key of
// filing_places.h, with its label): it is not in the new filing, so it must be found
// elsewhere or become a note.
struct UnplacedValue {
    std::string key;
    std::string label;
    std::string text;
};

struct VersionChanges {
    std::vector<ValueChange> changes;  // in the old filing's order, then what was added
    std::size_t kept = 0;              // values at the same place, same text, same name
    std::size_t notes_added = 0;

    std::size_t count(ChangeKind kind) const;
};

// Compares `before` (read with `before_spec`, nullptr when that version is not known) with
// `after` (the migrated filing, laid out by `after_spec`), and appends to `after` a note of
// kind "migrate" for every value of `before` or of `unplaced` it holds nowhere.
// One line a person reads: "移动  项目负责人/联系电话 → 联系人：孙卓", "moved  … → …: …". Values
// longer than `max_chars` characters are cut with "…" (0: never).
std::string describe_change(const ValueChange& change, Lang lang, std::size_t max_chars = 80);

VersionChanges compare_versions(const Filing& before, const FormSpec* before_spec, Filing& after, const FormSpec& after_spec,
                                const std::vector<UnplacedValue>& unplaced = {}, Lang lang = Lang::Zh);

}  // namespace formwork
