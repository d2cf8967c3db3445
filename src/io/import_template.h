// One template as the importer uses it: the spec, its label index and its target vocabulary
// (the built-in words plus the template's grades), built once per import run.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "core/form_spec.h"
#include "core/target_value.h"
#include "io/label_index.h"
#include "io/text_pattern.h"

namespace formwork::io {

struct ImportTemplate {
    std::shared_ptr<const FormSpec> spec;
    LabelIndex index;
    TargetVocabulary vocab;
    // The template's pattern budget for the file being imported (reset per file). An
    // Importer reads one file at a time.
    mutable PatternBudget budget;
    // What the placer learns of an indicator-row cell's text (whether its label is level-1 or
    // level-2 vocabulary, what kind of target it reads as): the same texts come back form
    // after form, and parsing them was a sixth of the import. Bounded (kMaxCellKinds).
    struct CellKinds {
        bool level1 = false, level2 = false;
        TargetKind kind = TargetKind::Unparsed;
    };
    static constexpr std::size_t kMaxCellKinds = 20000;
    mutable std::unordered_map<std::string, CellKinds> cell_kinds;

    explicit ImportTemplate(std::shared_ptr<const FormSpec> s)
        : spec(std::move(s)), index(*spec), vocab(TargetVocabulary::builtin().extended(spec->grades)) {}
};

}  // namespace formwork::io
