// One template as the importer uses it: the spec, its label index and its target vocabulary
// (the built-in words plus the template's grades), built once per import run.
#pragma once

#include <memory>

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

    explicit ImportTemplate(std::shared_ptr<const FormSpec> s)
        : spec(std::move(s)), index(*spec), vocab(TargetVocabulary::builtin().extended(spec->grades)) {}
};

}  // namespace formwork::io
