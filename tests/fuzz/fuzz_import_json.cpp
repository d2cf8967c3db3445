// Fuzz target: the JSON export reader (formwork import of a .json file). Any input gives
// filings or a JsonImportError naming where; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/import_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)formwork::io::read_filings_json(text);
    } catch (const formwork::io::JsonImportError&) {
    }
    return 0;
}
