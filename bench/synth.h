// The seeded generator of synthetic filings: the 30 filings of samples/seeds (imported with
// the shipped templates) are the shapes; copy n of seed n % 30 gets its own names (a copy
// number appended to project and department names, so department groups stay small), money
// figures scaled by a whole factor (sums stay exact) and, in about one filing in twelve, a
// planted mistake (a broken sum, a rate in persons, a placeholder target, a bad phone, a
// decreasing spending plan). The same seed gives the same filings.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/filing.h"
#include "core/form_spec.h"
#include "templates/template_registry.h"

namespace formwork::bench {

struct SeedFiling {
    Filing filing;
    std::shared_ptr<const FormSpec> spec;
};

// Imports every samples/seeds/*.txt under `seeds_dir` with the registry's templates.
std::vector<SeedFiling> load_seed_filings(const script::TemplateRegistry& registry, const std::string& seeds_dir);

// The index-th synthetic filing for `seed` (id 0).
Filing synth_filing(const std::vector<SeedFiling>& seeds, std::uint64_t seed, std::uint64_t index);

}  // namespace formwork::bench
