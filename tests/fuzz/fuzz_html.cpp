// Fuzz target: the HTML reader (charset prescan, decoding, tables by the HTML table model) and
// format sniffing. Any input gives a grid or a GridError saying why not; nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/grid_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)formwork::io::sniff_format(bytes);
    try {
        (void)formwork::io::read_html_grid(bytes);
    } catch (const formwork::io::GridError&) {
    }
    return 0;
}
