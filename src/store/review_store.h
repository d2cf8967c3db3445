// The reviewer's marks on stored filings (issue 19): notes on a filing or on one finding, and
// warnings accepted as fine. An accepted warning is keyed by filing, check, path and the value
// it was accepted for, so that it counts again as soon as that value is edited.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/filing.h"
#include "store/database.h"

namespace formwork::store {

struct AcceptedWarning {
    std::int64_t filing = 0;
    std::string check;
    std::string path;
    std::string value;  // review_value() of the place when it was accepted
};

// A reviewer's note as stored: on the filing (check and path empty) or on one finding.
struct ReviewNote {
    std::string check;
    std::string path;
    std::string text;
    std::string at;  // UTC, "YYYY-MM-DDTHH:MM:SSZ", when last written
};

// What an accepted mark is tied to: the text at `path`, or for a place holding several cells
// (a row, "i" for the indicator table) all of them, path by path. "" for the whole filing.
std::string review_value(const Filing& filing, const std::string& path);

// Whether a warning on (check, path) of `filing` was accepted for the value it holds now.
bool is_accepted(const std::vector<AcceptedWarning>& marks, const Filing& filing, const std::string& check,
                 const std::string& path);

class ReviewStore {
public:
    explicit ReviewStore(Database& db) : db_(db) {}

    // Empty text removes the note. check and path empty: the note on the filing itself.
    void set_note(std::int64_t filing, const std::string& check, const std::string& path, const std::string& text);
    std::string finding_note(std::int64_t filing, const std::string& check, const std::string& path) const;
    std::vector<std::string> filing_notes(std::int64_t filing) const;  // the filing's own note, if any
    std::vector<ReviewNote> notes(std::int64_t filing) const;          // all of one filing's, by check, path

    // Accepts the warning for the value `filing` holds now at `path` (replacing an earlier mark).
    void accept(const Filing& filing, const std::string& check, const std::string& path);
    void unaccept(std::int64_t filing, const std::string& check, const std::string& path);
    std::vector<AcceptedWarning> accepted() const;  // by filing, check, path
    std::vector<AcceptedWarning> accepted(std::int64_t filing) const;  // one filing's, by check, path

private:
    // A database of an older schema opened read-only has no review tables: nothing is marked.
    bool has_tables() const;
    Database& db_;
};

}  // namespace formwork::store
