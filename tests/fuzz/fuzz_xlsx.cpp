// Fuzz target: the xlsx reader (a workbook, every sheet). Any input gives a grid or a GridError
// saying why not; nothing else may escape, and zip bombs stay within the package limits.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "io/grid_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        (void)formwork::io::read_xlsx_grid(bytes);
    } catch (const formwork::io::GridError&) {
    }
    try {
        (void)formwork::io::read_xlsx_grid(bytes, std::string("2"));
    } catch (const formwork::io::GridError&) {
    }
    return 0;
}
