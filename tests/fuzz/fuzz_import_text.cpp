// Fuzz target: a plain-text filing export through the whole importer (text grid, document
// split, template choice, placer) with the shipped templates. Any input must give filings or
// a clean failure: no crash, leak, undefined behaviour or hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "io/importer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const formwork::io::Importer importer(formwork::fuzz::shipped_templates());
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)importer.import_text("fuzz.txt", text);
    return 0;
}
