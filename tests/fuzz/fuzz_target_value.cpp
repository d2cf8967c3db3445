// Fuzz target: the target-value parser (≥90%, ≤9.6万元, 满意率95%以上 …) and exact decimals.
// Every text parses to something (numeric, grade, placeholder or unparsed), keeping the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/decimal.h"
#include "core/target_value.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const formwork::TargetValue t = formwork::parse_target(text);
    if (t.text != text) std::abort();  // the text as filed is never lost
    (void)formwork::Decimal::parse(text);
    return 0;
}
