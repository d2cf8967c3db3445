// Fuzz target: the docx reader (paragraphs, tables, merges, nested tables). Any input gives a
// grid or a GridError saying why not; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/grid_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        (void)formwork::io::read_docx_grid(bytes);
    } catch (const formwork::io::GridError&) {
    }
    return 0;
}
